import { memo, useEffect, useMemo, useState } from 'react';
import type { DocKind } from '../../../shared/kinds/kinds';
import type { TeamTemplate } from '../../../shared/kinds/teamTemplates';
import { sectionHint } from '../../../shared/kinds/templates';
import { sectionText, splitSections } from '../../../shared/markdown/sections';
import { Markdown } from '../../markdown/Markdown';
import { previewRehypePlugins } from '../../markdown/previewPlugins';
import { useAppStore } from '../../store';
import { imagesAllowed } from '../../store/readingSlice';

/** How long typing must pause before the preview follows (the text itself never waits). */
export const PREVIEW_IDLE_MS = 150;

/**
 * The body as the preview shows it, `PREVIEW_IDLE_MS` after the last change:
 * rendering Markdown costs more than a frame on a long document, so it
 * happens when the writer pauses, never between a key and its letter.
 */
function useSettled(source: string): string {
  const [settled, setSettled] = useState(source);
  useEffect(() => {
    if (source === settled) return;
    const timer = setTimeout(() => setSettled(source), PREVIEW_IDLE_MS);
    return () => clearTimeout(timer);
  }, [source, settled]);
  return settled;
}

interface SectionPreviewProps {
  index: number;
  markdown: string;
  hint: string | undefined;
  plugins: never;
}

/** One section of the preview; unchanged sections are not rendered again. */
const SectionPreview = memo(function SectionPreview({ index, markdown, hint, plugins }: SectionPreviewProps) {
  return (
    <div className="doc-preview-section" data-outline-index={index}>
      {markdown.trim() && <Markdown source={markdown} rehypePlugins={plugins} />}
      {hint && (
        <p className="doc-preview-hint">
          <span className="visually-hidden">Empty section. Hint: </span>
          {hint}
        </p>
      )}
    </div>
  );
});

/**
 * The live preview of the one editor: the body rendered section by section
 * (so a keystroke re-renders one section, not the document), with the
 * template's hint under each heading that has no text yet. Hints live only
 * here: they are never written into the body.
 */
export function BodyPreview({ kind, source, template = null }: { kind: DocKind; source: string; template?: TeamTemplate | null }) {
  const settled = useSettled(source);
  const allow = useAppStore((s) => imagesAllowed(s, s.doc?.id ?? ''));
  const plugins = useMemo(() => previewRehypePlugins(allow), [allow]);
  const sections = useMemo(() => splitSections(settled), [settled]);
  return (
    <div className="doc-preview">
      {sections.map((s, i) => {
        const empty = i > 0 && sectionText(s) === '';
        return <SectionPreview key={i} index={i} markdown={s.headingLine + s.content} hint={empty ? sectionHint(kind, s.heading, template) : undefined} plugins={plugins} />;
      })}
    </div>
  );
}
