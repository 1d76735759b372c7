import type { Document } from '../../shared/document';
import { documentToMarkdown } from '../../shared/format/documentMarkdown';
import { Markdown } from '../markdown/Markdown';
import { previewRehypePlugins } from '../markdown/previewPlugins';
import { useAppStore } from '../store';
import { imagesAllowed } from '../store/readingSlice';

const FRONT_MATTER_RE = /^---\n[\s\S]*?\n---\n+/;

/** The document as readers see it, rendered only while printing (the editors are hidden then). */
export function PrintView({ doc }: { doc: Document }) {
  const allow = useAppStore((s) => imagesAllowed(s, doc.id));
  const markdown = documentToMarkdown(doc).replace(FRONT_MATTER_RE, '');
  return (
    <div className="print-view" data-color-mode="light">
      <Markdown source={markdown} rehypePlugins={previewRehypePlugins(allow)} />
    </div>
  );
}
