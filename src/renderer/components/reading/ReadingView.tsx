import MDEditor from '@uiw/react-md-editor/nohighlight';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Document } from '../../../shared/document';
import { generatedBlock } from '../../../shared/format/generatedBlocks';
import { anchorAt, locateAnchor } from '../../../shared/reviews/anchors';
import type { Anchor } from '../../../shared/reviews/schemas';
import type { ReviewView } from '../../../shared/reviews/view';
import { previewRehypePlugins } from '../../markdown/previewPlugins';
import { rehypeSourceMarks, type MarkRange } from '../../markdown/rehypeSourceMarks';
import { useAppStore } from '../../store';
import { imagesAllowed } from '../../store/readingSlice';
import { call } from '../../api/client';
import type { ReviewHandle } from '../reviews/useReview';
import { focusThread } from './focusThread';
import { PassageComposer, type Composing } from './PassageComposer';
import { selectedSourceRange } from './readingSelection';
import { RemoteImagesBar } from './RemoteImagesBar';
import '../../styles/reading.css';

const normalize = (s: string): string => s.replace(/\r\n?/g, '\n');

/** The open threads whose passage is in the text now, as ranges to highlight. */
function commentRanges(body: string, review: ReviewView | null): MarkRange[] {
  const out: MarkRange[] = [];
  for (const t of review?.threads ?? []) {
    if (t.resolved || t.location !== 'found' || !t.anchor.quote) continue;
    const loc = locateAnchor(body, t.anchor);
    if (loc.state === 'found') out.push({ start: loc.start, end: loc.end, id: t.id, kind: 'comment', label: `Comment by ${t.by.name}: open the thread` });
  }
  return out;
}

/**
 * A document as its readers see it: the rendered Markdown with every open
 * comment's passage highlighted where it is now (a click opens the thread in
 * the review panel), remote images held back until allowed, and the passage
 * the reader selects ready to be commented on.
 */
export function ReadingView({ doc, h }: { doc: Document; h: ReviewHandle }) {
  const body = useMemo(() => normalize(doc.body), [doc.body]);
  const extra = useMemo(() => generatedBlock(doc), [doc]);
  const allow = useAppStore((s) => imagesAllowed(s, doc.id));
  const root = useRef<HTMLDivElement>(null);
  const blockedNow = useRef({ body: 0, extra: 0 });
  const [blocked, setBlocked] = useState(0);
  const [composing, setComposing] = useState<Composing | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const ranges = useMemo(() => commentRanges(body, h.review), [body, h.review]);
  // The plugins count the held-back images while rendering; the bar follows after it.
  const countBody = useCallback((n: number) => void (blockedNow.current.body = n), []);
  const countExtra = useCallback((n: number) => void (blockedNow.current.extra = n), []);
  const plugins = previewRehypePlugins(allow, countBody, [rehypeSourceMarks, { source: body, ranges }]);
  const extraPlugins = previewRehypePlugins(allow, countExtra);
  useEffect(() => setBlocked(blockedNow.current.body + (extra ? blockedNow.current.extra : 0)), [body, extra, allow, ranges]);

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
        <span className="review-muted">Select a passage in the text to comment on it.</span>
      </div>
      {hint && (
        <p className="review-muted" role="status">
          {hint}
        </p>
      )}
      {composing && (
        <PassageComposer
          composing={composing}
          busy={h.busy}
          onCancel={() => setComposing(null)}
          onSave={async (text) => {
            const ok = await h.run(() => call('reviews:comment', { docId: doc.id, text, anchor: composing.anchor }));
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
        {body.trim() ? <MDEditor.Markdown source={body} rehypePlugins={plugins} /> : <p className="review-muted">This document has no text yet.</p>}
      </div>
      {extra && (
        <div className="reading-body reading-generated" data-color-mode="auto">
          <MDEditor.Markdown source={extra} rehypePlugins={extraPlugins} />
        </div>
      )}
    </div>
  );
}
