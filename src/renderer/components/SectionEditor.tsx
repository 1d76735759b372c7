import MDEditor from '@uiw/react-md-editor/nohighlight';
import { memo } from 'react';
import rehypeSanitize from 'rehype-sanitize';

/** Documents arrive from other people's pushes: the preview always goes through rehype-sanitize. */
const previewOptions = { rehypePlugins: [[rehypeSanitize]] as never };

export interface SectionEditorProps {
  index: number;
  heading: string;
  depth: number;
  hint?: string;
  value: string;
  onChange: (index: number, value: string) => void;
}

/** One template section: its heading, a one-line hint and a Markdown editor with a sanitized preview. */
export const SectionEditor = memo(function SectionEditor({ index, heading, depth, hint, value, onChange }: SectionEditorProps) {
  const id = `section-${index}`;
  const Heading = depth === 3 ? 'h3' : 'h2';
  return (
    <section className={`section section-depth-${depth}`} aria-labelledby={`${id}-heading`} data-section={heading}>
      <Heading id={`${id}-heading`} className="section-heading">
        {heading}
      </Heading>
      {hint && <p className="section-hint">{hint}</p>}
      <div data-color-mode="auto" className="section-editor">
        <MDEditor
          value={value}
          onChange={(v) => onChange(index, v ?? '')}
          preview="edit"
          height={depth === 0 ? 120 : 180}
          visibleDragbar={true}
          previewOptions={previewOptions}
          textareaProps={{ 'aria-label': `${heading || 'Introduction'} text`, placeholder: 'Start writing…' }}
        />
      </div>
    </section>
  );
});
