import type { ActionItemRow } from '../../shared/contract/actions';
import { ActionItemSchema, isOverdue, type ActionStatus } from '../../shared/kinds/postmortem';
import type { Db } from '../store/openDatabase';

export interface ActionItemFilter {
  /** Exact owner, ignoring case and surrounding spaces. */
  owner?: string;
  status?: ActionStatus;
  overdueOnly?: boolean;
  /** YYYY-MM-DD; an item due before this day and not done is overdue. */
  today?: string;
}

interface ItemRow {
  id: string;
  number: number;
  title: string;
  idx: number;
  item: string;
}

/** The action items of every live postmortem, read straight from the documents' fields. */
export class ActionItemService {
  private readonly listStmt;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    // One row per action item; the documents table is the only truth, so nothing to keep in step.
    this.listStmt = db.prepare<[], ItemRow>(
      `SELECT d.id, d.number, d.title, CAST(j.key AS INTEGER) AS idx, j.value AS item
       FROM documents d, json_each(d.fields, '$.actionItems') j
       WHERE d.kind = 'postmortem' AND d.deleted_at IS NULL
         AND json_type(d.fields, '$.actionItems') = 'array' AND j.type = 'object'
       ORDER BY d.number, idx`,
    );
  }

  /**
   * Lists action items across postmortems, filtered by owner, status and
   * overdue, soonest due first (no due date last). An item that does not
   * read as an action item (a hand-edited file) is left out rather than
   * failing the whole list.
   */
  list(filter: ActionItemFilter = {}): ActionItemRow[] {
    const today = filter.today ?? this.now().toISOString().slice(0, 10);
    const owner = filter.owner?.trim().toLowerCase();
    const rows: ActionItemRow[] = [];
    for (const r of this.listStmt.all()) {
      const parsed = ActionItemSchema.safeParse(JSON.parse(r.item));
      if (!parsed.success) continue;
      const item = parsed.data;
      const overdue = isOverdue(item, today);
      if (owner !== undefined && owner !== '' && item.owner.trim().toLowerCase() !== owner) continue;
      if (filter.status && item.status !== filter.status) continue;
      if (filter.overdueOnly && !overdue) continue;
      rows.push({
        docId: r.id,
        docNumber: r.number,
        docTitle: r.title,
        itemId: item.id || `a${r.idx + 1}`,
        action: item.action,
        owner: item.owner,
        due: item.due,
        status: item.status,
        overdue,
        link: item.link ?? '',
        reason: item.status === 'wont-do' ? (item.reason ?? '') : '',
      });
    }
    // Stable sort keeps postmortem and item order among equal due dates.
    return rows.sort((a, b) => (a.due === b.due ? 0 : a.due === '' ? 1 : b.due === '' ? -1 : a.due < b.due ? -1 : 1));
  }
}
