import { isClosed, type ActionItem, type ActionStatus } from '../../../shared/kinds/postmortem';

/** An item linked to `link`, or without the key when the link is cleared. */
export function withLink(item: ActionItem, link: string): ActionItem {
  const { link: _old, ...rest } = item;
  return link ? { ...rest, link } : rest;
}

/**
 * An item with a new status: closing it (done or won't do) records the day,
 * reopening it forgets the day, and only "won't do" keeps a reason. Keys an
 * item does not use are left out, as older files wrote it.
 */
export function withStatus(item: ActionItem, status: ActionStatus, today: string): ActionItem {
  const { closed, reason, ...rest } = item;
  const next: ActionItem = { ...rest, status };
  if (isClosed(status)) next.closed = isClosed(item.status) && closed ? closed : today;
  if (status === 'wont-do') next.reason = reason ?? '';
  return next;
}
