import type { Document } from '../../shared/document';
import { DocumentFrame } from './DocumentFrame';
import { LazyDocumentEditor } from './editor/LazyDocumentEditor';
import { MetadataForm } from './MetadataForm';

/** The RFC editor: one continuous document, the metadata block, then the whole body in one Markdown editor. */
export function RfcEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <MetadataForm doc={doc} />
      <LazyDocumentEditor doc={doc} />
    </DocumentFrame>
  );
}
