import type { ReactNode } from 'react';
import type { Document } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { BacklinksPanel } from './BacklinksPanel';
import { DeleteDocumentButton } from './DeleteDocumentButton';
import { DocumentActions } from './DocumentActions';
import { HistoryPanel } from './HistoryPanel';
import { ReviewPanel } from './reviews/ReviewPanel';
import { SaveIndicator } from './SaveIndicator';
import { StaleDraftBanner } from './StaleDraftBanner';
import { StatusControls } from './StatusControls';
import { TitleField } from './TitleField';
import { VersionsPanel } from './VersionsPanel';

/** What every kind's editor shares: reference, title, save state, lifecycle, and history below. */
export function DocumentFrame({ doc, children }: { doc: Document; children: ReactNode }) {
  return (
    <article className="editor" aria-label={`${displayRef(doc.kind, doc.number)} editor`}>
      <header className="editor-header">
        <div className="editor-title-row">
          <span className="doc-ref">{displayRef(doc.kind, doc.number)}</span>
          <TitleField title={doc.title} />
          <SaveIndicator />
        </div>
        <div className="editor-toolbar">
          <StatusControls kind={doc.kind} status={doc.status} />
          <DocumentActions doc={doc} />
          <DeleteDocumentButton doc={doc} />
        </div>
      </header>
      <StaleDraftBanner />
      <div className="editor-layout">
        <div className="editor-main">
          {children}
          <BacklinksPanel doc={doc} />
          <VersionsPanel doc={doc} />
          <HistoryPanel docId={doc.id} status={doc.status} />
        </div>
        <ReviewPanel doc={doc} />
      </div>
    </article>
  );
}
