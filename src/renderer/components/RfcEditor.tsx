import type { Document } from '../../shared/document';
import { DocumentFrame } from './DocumentFrame';
import { MetadataForm } from './MetadataForm';
import { SectionsEditor } from './SectionsEditor';

/** The RFC editor: metadata, then one Markdown editor per template section. */
export function RfcEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <MetadataForm doc={doc} />
      <SectionsEditor doc={doc} />
    </DocumentFrame>
  );
}
