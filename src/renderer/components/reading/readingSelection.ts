/**
 * The passage selected in the reading view, as offsets in the Markdown it
 * was rendered from: each rendered piece of text says where it starts in the
 * source (`data-o`, and `data-e` for a piece that differs from its source;
 * rehypeSourceMarks.ts), so a selection maps back exactly.
 */

function pieceOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return el?.closest<HTMLElement>('[data-o]') ?? null;
}

function offsetIn(piece: HTMLElement, within: number, edge: 'start' | 'end'): number {
  const o = Number(piece.dataset.o);
  if (piece.dataset.e !== undefined) return edge === 'start' ? o : Number(piece.dataset.e);
  return o + within;
}

/** The first (or last) piece at or after (or before) a boundary that falls between elements. */
function pieceNear(container: Node, offset: number, edge: 'start' | 'end', root: HTMLElement): HTMLElement | null {
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-o]')];
  const range = document.createRange();
  range.setStart(container, offset);
  const after = (p: HTMLElement): boolean => range.comparePoint(p, 0) >= 0;
  return edge === 'start' ? (pieces.find(after) ?? null) : ([...pieces].reverse().find((p) => !after(p)) ?? null);
}

function boundary(container: Node, offset: number, edge: 'start' | 'end', root: HTMLElement): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const piece = pieceOf(container);
    if (piece && root.contains(piece)) return offsetIn(piece, offset, edge);
  }
  const near = pieceNear(container, offset, edge, root);
  if (!near) return null;
  return edge === 'start' ? offsetIn(near, 0, 'start') : offsetIn(near, near.textContent?.length ?? 0, 'end');
}

/** The selection inside `root` as source offsets, or null when nothing (or nothing inside it) is selected. */
export function selectedSourceRange(root: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.commonAncestorContainer)) return null;
  const start = boundary(r.startContainer, r.startOffset, 'start', root);
  const end = boundary(r.endContainer, r.endOffset, 'end', root);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
