/**
 * Unsaved edits mirrored to localStorage on every change, so an edit survives
 * a crash, a closed window or a reload that beats the autosave. Cleared once
 * the server acknowledged a save that includes it.
 */
export interface Draft {
  baseRevision: number;
  title: string;
  body: string;
  fields: Record<string, unknown>;
  at: number;
}

const key = (id: string): string => `designdesk.draft.${id}`;

export function writeDraft(id: string, draft: Draft): void {
  try {
    localStorage.setItem(key(id), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the autosave still runs; nothing else to do.
  }
}

export function readDraft(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(id));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function clearDraft(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // ignore
  }
}
