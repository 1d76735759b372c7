import { useCallback, useRef } from 'react';
import type { Document } from '../../shared/document';
import { templateOf } from '../../shared/kinds/teamTemplates';
import { sectionHint } from '../../shared/kinds/templates';
import { joinSections, sectionText, splitSections, withSectionText, type Section } from '../../shared/markdown/sections';
import { useAppStore } from '../store';
import { SectionEditor } from './SectionEditor';
import { useTeamTemplates } from './useTeamTemplates';

/** The Markdown body as one editor per template section (## and ### headings), each with its hint. */
export function SectionsEditor({ doc }: { doc: Document }) {
  const edit = useAppStore((s) => s.edit);
  const template = templateOf(doc, useTeamTemplates());
  const body = doc.body;
  // The section list is re-split only when the body changes from elsewhere (load,
  // sync, restore). Our own edits keep it, so a half-typed ``` fence or "## " line
  // in one section never makes the following section editors vanish mid-typing.
  const structure = useRef<{ body: string; sections: Section[] } | null>(null);
  if (structure.current?.body !== body) structure.current = { body, sections: splitSections(body) };
  const sections = structure.current.sections;
  const onSectionChange = useCallback(
    (index: number, value: string) => {
      const own = structure.current;
      if (!own) return;
      const next = withSectionText(own.sections, index, value);
      const nextBody = joinSections(next);
      structure.current = { body: nextBody, sections: next };
      edit({ body: nextBody });
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
            hint={sectionHint(doc.kind, s.heading, template)}
            value={sectionText(s)}
            onChange={onSectionChange}
          />
        ),
      )}
    </div>
  );
}
