import type { Document } from '../../../shared/document';
import '../../styles/adr.css';
import { DocumentFrame } from '../DocumentFrame';
import { LazyDocumentEditor } from '../editor/LazyDocumentEditor';
import { AdrMetadataForm } from './AdrMetadataForm';
import { SupersedeLinks } from './SupersedeLinks';

/** The ADR editor (MADR 4): front matter, supersede links both ways, then the MADR sections in one Markdown editor. */
export function AdrEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <AdrMetadataForm doc={doc} />
      <SupersedeLinks doc={doc} />
      <LazyDocumentEditor doc={doc} />
    </DocumentFrame>
  );
}
