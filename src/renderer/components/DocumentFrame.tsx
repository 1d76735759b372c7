import { lazy, Suspense, type ReactNode } from 'react';
import type { Document } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { BacklinksPanel } from './BacklinksPanel';
import { DeleteDocumentButton } from './DeleteDocumentButton';
import { DocumentActions } from './DocumentActions';
import { HistoryPanel } from './HistoryPanel';
import { useViewMode } from './reading/viewMode';
import { ViewModeBar } from './reading/ViewModeBar';
import { ReviewPanel } from './reviews/ReviewPanel';
import { useReview } from './reviews/useReview';
import { SaveIndicator } from './SaveIndicator';
import { StaleDraftBanner } from './StaleDraftBanner';
import { StatusBadge } from './StatusBadge';
import { StatusControls } from './StatusControls';
import { TitleField } from './TitleField';
import { VersionsPanel } from './VersionsPanel';
import { ViewBoundary } from './ViewBoundary';
import '../styles/reading.css';

// The reading view and the editor (children, LazyDocumentEditor) are separate chunks that share the
// Markdown renderer: reading a document never loads the editor (tests/e2e/codeSplit.test.ts).
const ReadingView = lazy(() => import('./reading/ReadingView').then((m) => ({ default: m.ReadingView })));

/**
 * What every kind's editor shares: reference, title, save state, lifecycle,
 * and history below. The kind's editor (children) is replaced by the reading
 * view when the reader chose it, or in review mode, where the author's
 * controls (status, delete, the reviewer list) are left out too.
 */
export function DocumentFrame({ doc, children }: { doc: Document; children: ReactNode }) {
  const h = useReview(doc);
  const [mode, setReading] = useViewMode(doc.id, h.review);
  const reviewMode = mode.reviewer && mode.reading;
  // Who is looking (a reviewer reads, an author edits) is known once the review is: until then neither body
  // shows, so a reviewer never gets the editor, or its chunk, for a moment.
  const known = h.review?.docId === doc.id || h.error !== null;
  const modeBar = <ViewModeBar mode={mode} onChange={setReading} />;
  return (
    <article className="editor" aria-label={`${displayRef(doc.kind, doc.number)} editor`}>
      <header className="editor-header">
        <div className="editor-title-row">
          <span className="doc-ref">{displayRef(doc.kind, doc.number)}</span>
          {mode.reading ? <h1 className="title-static">{doc.title}</h1> : <TitleField title={doc.title} />}
          <SaveIndicator />
        </div>
        <div className="editor-toolbar">
          {reviewMode ? (
            <div className="status-controls">
              <StatusBadge kind={doc.kind} status={doc.status} />
            </div>
          ) : (
            <StatusControls kind={doc.kind} status={doc.status} />
          )}
          <DocumentActions doc={doc} />
          {!mode.reviewer && modeBar}
          {!reviewMode && <DeleteDocumentButton doc={doc} />}
        </div>
      </header>
      {mode.reviewer && modeBar}
      <StaleDraftBanner />
      <div className="editor-layout">
        <div className="editor-main">
          {!known ? (
            <p className="loading">Loading…</p>
          ) : mode.reading ? (
            <ViewBoundary what="The reading view">
              <Suspense fallback={<p className="loading">Loading…</p>}>
                <ReadingView doc={doc} h={h} />
              </Suspense>
            </ViewBoundary>
          ) : (
            children
          )}
          <BacklinksPanel doc={doc} />
          <VersionsPanel doc={doc} />
          <HistoryPanel docId={doc.id} kind={doc.kind} status={doc.status} />
        </div>
        <ReviewPanel doc={doc} h={h} authorControls={!reviewMode} />
      </div>
    </article>
  );
}
