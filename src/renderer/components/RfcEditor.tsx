import type { Document } from '../../shared/document';
import { DocumentFrame } from './DocumentFrame';
import { DocumentEditor } from './editor/DocumentEditor';
import { MetadataForm } from './MetadataForm';

/** The RFC editor: one continuous document, the metadata block, then the whole body in one Markdown editor. */
export function RfcEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <MetadataForm doc={doc} />
      <DocumentEditor doc={doc} />
    </DocumentFrame>
  );
}
