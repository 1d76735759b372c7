import type { Document } from '../../../shared/document';
import '../../styles/postmortem.css';
import { DocumentFrame } from '../DocumentFrame';
import { LazyDocumentEditor } from '../editor/LazyDocumentEditor';
import { ActionItemsTable } from './ActionItemsTable';
import { ContributingFactors } from './ContributingFactors';
import { IncidentDetails } from './IncidentDetails';
import { TimelineTable } from './TimelineTable';

/**
 * The postmortem editor: incident metadata and impact, the timeline with
 * its milestones, the contributing factors, the narrative sections of the
 * template, and the action items.
 */
export function PostmortemEditor({ doc }: { doc: Document }) {
  return (
    <DocumentFrame doc={doc}>
      <div className="pm-editor">
        <IncidentDetails doc={doc} />
        <TimelineTable doc={doc} />
        <ContributingFactors doc={doc} />
        <LazyDocumentEditor doc={doc} />
        <ActionItemsTable doc={doc} />
      </div>
    </DocumentFrame>
  );
}
