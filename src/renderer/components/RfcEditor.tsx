import { useCallback, useMemo } from 'react';
import type { Document } from '../../shared/document';
import { displayRef } from '../../shared/kinds/kinds';
import { sectionHint } from '../../shared/kinds/templates';
import { replaceSectionText, sectionText, splitSections } from '../../shared/markdown/sections';
import { useAppStore } from '../store';
import { HistoryPanel } from './HistoryPanel';
import { MetadataForm } from './MetadataForm';
import { SaveIndicator } from './SaveIndicator';
import { SectionEditor } from './SectionEditor';
import { StaleDraftBanner } from './StaleDraftBanner';
import { StatusControls } from './StatusControls';
import { TitleField } from './TitleField';

/** The RFC editor: title, metadata, lifecycle, and one Markdown editor per template section. */
export function RfcEditor({ doc }: { doc: Document }) {
  const edit = useAppStore((s) => s.edit);
  const body = doc.body;
  const sections = useMemo(() => splitSections(body), [body]);
  const onSectionChange = useCallback(
    (index: number, value: string) => {
      const current = useAppStore.getState().doc;
      if (current) edit({ body: replaceSectionText(current.body, index, value) });
    },
    [edit],
  );
  return (
    <article className="editor" aria-label={`${displayRef(doc.kind, doc.number)} editor`}>
      <header className="editor-header">
        <div className="editor-title-row">
          <span className="doc-ref">{displayRef(doc.kind, doc.number)}</span>
          <TitleField title={doc.title} />
          <SaveIndicator />
        </div>
        <StatusControls kind={doc.kind} status={doc.status} />
      </header>
      <StaleDraftBanner />
      <MetadataForm doc={doc} />
      <div className="sections">
        {sections.map((s, i) =>
          s.depth === 0 && !s.content.trim() ? null : (
            <SectionEditor
              key={`${i}-${s.heading}`}
              index={i}
              heading={s.heading}
              depth={s.depth}
              hint={sectionHint(doc.kind, s.heading)}
              value={sectionText(s)}
              onChange={onSectionChange}
            />
          ),
        )}
      </div>
      <HistoryPanel docId={doc.id} revision={doc.revision} />
    </article>
  );
}
