import type { Document } from '../../shared/document';
import { DocumentFrame } from './DocumentFrame';
import { MetadataForm } from './MetadataForm';
import { SectionsEditor } from './SectionsEditor';
import { TemplatePartsMenu } from './TemplatePartsMenu';

/** The RFC editor: metadata, optional template parts, then one Markdown editor per template section. */
export function RfcEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <MetadataForm doc={doc} />
      <div className="sections-toolbar">
        <TemplatePartsMenu doc={doc} />
      </div>
      <SectionsEditor doc={doc} />
    </DocumentFrame>
  );
}
