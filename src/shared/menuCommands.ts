import { z } from 'zod';
import { DOC_KINDS, type DocKind } from './kinds/kinds';

/**
 * What the desktop shell may ask the window to do: the application menu's
 * actions and a designdesk:// link to open. It travels main -> renderer as
 * one event (the preload's onMenuCommand), never the other way.
 */
/** The menu command that starts a new document of a kind: new-rfc, new-adr, ... */
export type NewDocCommandId = `new-${DocKind}`;
export function newDocCommandId(kind: DocKind): NewDocCommandId {
  return `new-${kind}`;
}

export const MENU_COMMAND_IDS = [
  ...DOC_KINDS.map(newDocCommandId),
  'quick-open',
  'search',
  'save',
  'sync-now',
  'palette',
  'settings',
  'shortcuts',
  'publish-site',
] as const;
export type MenuCommandId = (typeof MENU_COMMAND_IDS)[number];

export const MenuCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), id: z.enum(MENU_COMMAND_IDS) }).strict(),
  /** A document to open: a display reference (RFC-12) or a document id (ULID). */
  z.object({ type: z.literal('open'), target: z.string().min(1).max(40) }).strict(),
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** The IPC event name; not a contract channel (the contract is renderer -> main only). */
export const MENU_COMMAND_EVENT = 'designdesk:menu-command';
