import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Document } from '../../../shared/document';
import { generatedBlock } from '../../../shared/format/generatedBlocks';
import { anchorAt, locateAnchor } from '../../../shared/reviews/anchors';
import type { Anchor } from '../../../shared/reviews/schemas';
import type { SuggestionView } from '../../../shared/reviews/suggestions';
import type { ReviewView } from '../../../shared/reviews/view';
import { call } from '../../api/client';
import { Markdown } from '../../markdown/Markdown';
import { previewRehypePlugins } from '../../markdown/previewPlugins';
import { rehypeSourceMarks, type MarkRange } from '../../markdown/rehypeSourceMarks';
import { useAppStore } from '../../store';
import { imagesAllowed } from '../../store/readingSlice';
import type { ReviewHandle } from '../reviews/useReview';
import { focusThread } from './focusThread';
import { PassageComposer, type Composing } from './PassageComposer';
import { selectedSourceRange } from './readingSelection';
import { RemoteImagesBar } from './RemoteImagesBar';
import { SuggestionCard } from './SuggestionCard';
import { useSuggestions, type SuggestionsHandle } from './useSuggestions';

const normalize = (s: string): string => s.replace(/\r\n?/g, '\n');

/** Open threads and open suggestions whose passage is in the text now, as ranges to highlight. */
function markRanges(body: string, review: ReviewView | null, suggestions: readonly SuggestionView[]): MarkRange[] {
  const out: MarkRange[] = [];
  for (const t of review?.threads ?? []) {
    if (t.resolved || t.location !== 'found' || !t.anchor.quote) continue;
    const loc = locateAnchor(body, t.anchor);
    if (loc.state === 'found') out.push({ start: loc.start, end: loc.end, id: t.id, kind: 'comment', label: `comment by ${t.by.name}, opens the thread` });
  }
  for (const s of suggestions) {
    if (s.state !== 'open' || s.location !== 'found') continue;
    const loc = locateAnchor(body, s.anchor);
    if (loc.state === 'found') out.push({ start: loc.start, end: loc.end, id: s.id, kind: 'suggestion', label: `suggested change by ${s.by.name}` });
  }
  return out;
}

/**
 * A document as its readers see it: the rendered Markdown with every open
 * comment's passage highlighted where it is now (a click opens the thread in
 * the review panel), suggested changes shown where they apply, remote images
 * held back until allowed, and the passage the reader selects ready to be
 * commented on or (for a reviewer) given a suggested change.
 */
export function ReadingView({ doc, h }: { doc: Document; h: ReviewHandle }) {
  const body = useMemo(() => normalize(doc.body), [doc.body]);
  const extra = useMemo(() => generatedBlock(doc), [doc]);
  const allow = useAppStore((s) => imagesAllowed(s, doc.id));
  const sg = useSuggestions(doc);
  const isAuthor = h.review?.viewer.isAuthor ?? false;
  const root = useRef<HTMLDivElement>(null);
  const blockedNow = useRef({ body: 0, extra: 0 });
  const [blocked, setBlocked] = useState(0);
  const [composing, setComposing] = useState<Composing | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const ranges = useMemo(() => markRanges(body, h.review, sg.list), [body, h.review, sg.list]);
  const inline = useMemo(() => new Set(ranges.filter((r) => r.kind === 'suggestion').map((r) => r.id)), [ranges]);
  const elsewhere = sg.list.filter((s) => !inline.has(s.id));
  // The plugins count the held-back images while rendering; the bar follows after it.
  const countBody = useCallback((n: number) => void (blockedNow.current.body = n), []);
  const countExtra = useCallback((n: number) => void (blockedNow.current.extra = n), []);
  const plugins = previewRehypePlugins(allow, countBody, [rehypeSourceMarks, { source: body, ranges, cards: inline }]);
  const extraPlugins = previewRehypePlugins(allow, countExtra);
  useEffect(() => setBlocked(blockedNow.current.body + (extra ? blockedNow.current.extra : 0)), [body, extra, allow, ranges]);
  const components = useMemo(() => ({ ddsuggestion: inlineCard(sg, isAuthor) }) as never, [sg, isAuthor]);

  const start = (mode: Composing['mode']): void => {
    const range = selectedSourceRange(root.current);
    const anchor: Anchor | null = range ? anchorAt(body, range.start, range.end) : null;
    if (!anchor?.quote) {
      setHint(`Select a passage of the text first, then choose “${mode === 'comment' ? 'Comment' : 'Suggest a change'}”.`);
      return;
    }
    setHint(null);
    setComposing({ mode, anchor });
  };

  const openMark = (target: EventTarget): void => {
    const mark = (target as Element).closest<HTMLElement>('mark[data-mark]');
    if (mark?.dataset.mark && mark.dataset.markKind === 'comment') focusThread(mark.dataset.mark);
  };

  return (
    <div className="reading-view">
      {blocked > 0 && !allow && <RemoteImagesBar docId={doc.id} count={blocked} />}
      <div className="reading-actions" role="toolbar" aria-label="Review the selected passage">
        {/* mousedown would clear the reader's selection before the click reads it */}
        <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={() => start('comment')}>
          Comment
        </button>
        {!isAuthor && (
          <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={() => start('suggest')}>
            Suggest a change
          </button>
        )}
        <span className="review-muted">{isAuthor ? 'Select a passage to comment on it.' : 'Select a passage to comment on it or suggest a change.'}</span>
      </div>
      {hint && (
        <p className="review-muted" role="status">
          {hint}
        </p>
      )}
      {sg.error && (
        <p className="inline-error" role="alert">
          {sg.error}
        </p>
      )}
      {composing && (
        <PassageComposer
          key={`${composing.mode}:${composing.anchor.quote}`}
          composing={composing}
          busy={h.busy || sg.busy}
          onCancel={() => setComposing(null)}
          onSave={async (text, note) => {
            const ok =
              composing.mode === 'comment' ? await h.run(() => call('reviews:comment', { docId: doc.id, text, anchor: composing.anchor })) : await sg.suggest(composing.anchor, text, note);
            if (ok) setComposing(null);
          }}
        />
      )}
      <div
        className="reading-body"
        ref={root}
        data-reading-body=""
        data-color-mode="auto"
        onClick={(e: MouseEvent) => openMark(e.target)}
        onKeyDown={(e: KeyboardEvent) => {
          if ((e.key === 'Enter' || e.key === ' ') && (e.target as Element).matches('mark[data-mark]')) {
            e.preventDefault();
            openMark(e.target);
          }
        }}
      >
        {body.trim() ? <Markdown source={body} rehypePlugins={plugins} components={components} /> : <p className="review-muted">This document has no text yet.</p>}
      </div>
      {extra && (
        <div className="reading-body reading-generated" data-color-mode="auto">
          <Markdown source={extra} rehypePlugins={extraPlugins} />
        </div>
      )}
      {elsewhere.length > 0 && (
        <section className="suggestion-list" aria-labelledby="other-suggestions">
          <h2 id="other-suggestions">Suggested changes</h2>
          {elsewhere.map((s) => (
            <SuggestionCard key={s.id} s={s} canDecide={isAuthor} handle={sg} />
          ))}
        </section>
      )}
    </div>
  );
}

/** The component the rendered Markdown uses for the card placeholders rehypeSourceMarks puts after a suggestion's passage. */
function inlineCard(sg: SuggestionsHandle, isAuthor: boolean) {
  return function InlineSuggestion(props: { 'data-suggestion'?: string }) {
    const s = sg.list.find((x) => x.id === props['data-suggestion']);
    return s ? <SuggestionCard s={s} canDecide={isAuthor} handle={sg} /> : null;
  };
}
