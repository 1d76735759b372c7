import type { HastElement, HastNode, HastText } from '../../shared/markdown/hast';

/**
 * Ties the rendered Markdown back to its source text, so a passage a comment
 * or a suggestion points at (offsets in the body) can be highlighted where it
 * is, and a passage the reader selects can be turned back into body offsets.
 *
 * Every text node that carries its source position is wrapped: a text whose
 * characters are the source's own (most prose) in pieces that say where they
 * start (`data-o`), a text that differs from its source (an escape, an
 * entity, a code block's fences) as one piece that spans `data-o`..`data-e`.
 */

export interface MarkRange {
  /** Offsets in the source text given to the renderer. */
  start: number;
  end: number;
  /** The thread or suggestion it belongs to. */
  id: string;
  kind: 'comment' | 'suggestion';
  /** What a screen reader hears after the passage's text ("comment by Grace Hopper, opens the thread"). */
  label: string;
}

export interface SourceMarksOptions {
  /** The Markdown the tree was rendered from. */
  source: string;
  ranges: readonly MarkRange[];
  /** Suggestion ids after whose last highlighted piece an inline card (a `ddsuggestion` element) is placed. */
  cards?: ReadonlySet<string>;
}

/** Text inside these is left alone (no marks inside a link's text would still be fine, but buttons and scripts are not text). */
const SKIP = new Set(['script', 'style', 'svg', 'button']);

function covering(ranges: readonly MarkRange[], from: number, to: number): MarkRange | null {
  let best: MarkRange | null = null;
  for (const r of ranges) {
    if (r.start < to && r.end > from && (r.end > r.start || from === r.start)) {
      if (!best || r.end - r.start < best.end - best.start) best = r;
    }
  }
  return best;
}

interface State {
  opts: SourceMarksOptions;
  /** Ranges whose first piece was placed (that one is focusable). */
  started: Set<string>;
  /** For each suggestion, where its card goes: the parent and the piece after which it is placed. */
  lastPiece: Map<string, HastElement>;
}

function piece(value: string, start: number, end: number | null, range: MarkRange | null, st: State): HastElement {
  const properties: Record<string, unknown> = { dataO: start };
  if (end !== null) properties.dataE = end;
  if (!range) return { type: 'element', tagName: 'span', properties, children: [{ type: 'text', value }] };
  Object.assign(properties, { className: ['review-mark', `review-mark-${range.kind}`], dataMark: range.id, dataMarkKind: range.kind });
  if (!st.started.has(range.id)) {
    st.started.add(range.id);
    // The name starts with the visible text, so speech input ("click needs no server") finds it too.
    Object.assign(properties, { tabIndex: 0, role: 'button', ariaLabel: `${value} (${range.label})` });
  }
  const el: HastElement = { type: 'element', tagName: 'mark', properties, children: [{ type: 'text', value }] };
  if (range.kind === 'suggestion') st.lastPiece.set(range.id, el);
  return el;
}

function splitText(node: HastText, st: State): HastNode[] {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined || e < s) return [node];
  const { source, ranges } = st.opts;
  if (source.slice(s, e) !== node.value) return [piece(node.value, s, e, covering(ranges, s, e), st)];
  const cuts = new Set<number>([s, e]);
  for (const r of ranges) {
    if (r.start > s && r.start < e) cuts.add(r.start);
    if (r.end > s && r.end < e) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: HastNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    out.push(piece(node.value.slice(from - s, to - s), from, null, covering(ranges, from, to), st));
  }
  return out;
}

function walk(node: HastNode, st: State): void {
  if (!('children' in node) || !node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text') return splitText(child as HastText, st);
    if (child.type === 'element' && !SKIP.has((child as HastElement).tagName)) walk(child, st);
    return [child];
  });
}

/** Blocks a card follows (placed right after the block), and containers it ends (placed as their last child). */
const AFTER_BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table']);
const INSIDE_BLOCK = new Set(['li', 'td', 'th', 'blockquote', 'dd', 'dt']);

const card = (id: string): HastElement => ({ type: 'element', tagName: 'ddsuggestion', properties: { dataSuggestion: id }, children: [] });

/**
 * Puts each suggestion's card after the paragraph (or heading, code block,
 * table) that ends its passage, or at the end of the list item or cell it is
 * in, so the card never splits a sentence; a passage outside any block gets
 * its card right after its last piece.
 */
function placeCards(root: HastNode, st: State): void {
  const wanted = new Map<HastElement, string>();
  for (const [id, el] of st.lastPiece) if (st.opts.cards?.has(id)) wanted.set(el, id);
  const placed = new Set<string>();
  /** Returns the ids whose last piece is in `n`'s subtree and whose card is not placed yet. */
  const visit = (n: HastNode): string[] => {
    if (!('children' in n) || !n.children) return [];
    const pending: string[] = [];
    n.children = n.children.flatMap((c) => {
      const own = c.type === 'element' ? wanted.get(c as HastElement) : undefined;
      const inner = visit(c).concat(own ? [own] : []).filter((id) => !placed.has(id));
      const tag = c.type === 'element' ? (c as HastElement).tagName : '';
      if (inner.length && INSIDE_BLOCK.has(tag)) {
        (c as HastElement).children.push(...inner.map(card));
        inner.forEach((id) => placed.add(id));
        return [c];
      }
      if (inner.length && AFTER_BLOCK.has(tag)) {
        inner.forEach((id) => placed.add(id));
        return [c, ...inner.map(card)];
      }
      pending.push(...inner);
      return [c];
    });
    return pending;
  };
  const rest = visit(root);
  // Outside any block (a bare text at the root): after its piece.
  if (rest.length && 'children' in root && root.children) {
    root.children = root.children.flatMap((c) => {
      const id = c.type === 'element' ? wanted.get(c as HastElement) : undefined;
      return id && rest.includes(id) ? [c, card(id)] : [c];
    });
  }
}

/** Rehype plugin: see the file comment. Runs after rehype-sanitize; everything it adds is built here, none of it from the document's text. */
export function rehypeSourceMarks(options: SourceMarksOptions) {
  return (tree: HastNode): void => {
    const st: State = { opts: options, started: new Set(), lastPiece: new Map() };
    walk(tree, st);
    if (options.cards?.size) placeCards(tree, st);
  };
}
