import { useCallback, useMemo } from 'react';
import type { Document } from '../../shared/document';
import { sectionHint } from '../../shared/kinds/templates';
import { replaceSectionText, sectionText, splitSections } from '../../shared/markdown/sections';
import { useAppStore } from '../store';
import { SectionEditor } from './SectionEditor';

/** The Markdown body as one editor per template section (## and ### headings), each with its hint. */
export function SectionsEditor({ doc }: { doc: Document }) {
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
  );
}
