import { lazy, Suspense } from 'react';
import type { Document } from '../../../shared/document';
import { ViewBoundary } from '../ViewBoundary';

// The editing surface (@uiw/react-md-editor, the outline, the slash menu) is its own chunk: a document
// opened to read, or a reviewer in review mode, never loads it (tests/e2e/codeSplit.test.ts).
const DocumentEditor = lazy(() => import('./DocumentEditor').then((m) => ({ default: m.DocumentEditor })));

/** The document's one editor, loaded the first time a document is edited. */
export function LazyDocumentEditor({ doc }: { doc: Document }) {
  return (
    <ViewBoundary what="The editor">
      <Suspense fallback={<p className="loading">Loading the editor…</p>}>
        <DocumentEditor doc={doc} />
      </Suspense>
    </ViewBoundary>
  );
}
