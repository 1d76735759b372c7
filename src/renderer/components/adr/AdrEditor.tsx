import type { Document } from '../../../shared/document';
import '../../styles/adr.css';
import { DocumentFrame } from '../DocumentFrame';
import { SectionsEditor } from '../SectionsEditor';
import { AdrMetadataForm } from './AdrMetadataForm';
import { SupersedeLinks } from './SupersedeLinks';

/** The ADR editor (MADR 4): front matter, supersede links both ways, then one editor per MADR section. */
export function AdrEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <AdrMetadataForm doc={doc} />
      <SupersedeLinks doc={doc} />
      <SectionsEditor doc={doc} />
    </DocumentFrame>
  );
}
