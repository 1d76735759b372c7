import MDEditor from '@uiw/react-md-editor/nohighlight';
import { memo, useMemo, useState } from 'react';
import { previewRehypePlugins } from '../markdown/previewPlugins';
import { TOOLBAR_COMMANDS, TOOLBAR_EXTRA_COMMANDS } from './mdToolbar';
import { useAppStore } from '../store';
import { imagesAllowed } from '../store/readingSlice';

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
  // The stored body drops trailing whitespace, so the space just typed at the end
  // would vanish before the next letter: keep the typed text, and take the
  // stored one only when it differs by more than that (a restore, a sync).
  const [text, setText] = useState(value);
  if (text.replace(/\s+$/, '') !== value) setText(value);
  const Heading = depth === 3 ? 'h3' : 'h2';
  // The preview holds remote images back like the reading view does, until the reader allows them.
  const allow = useAppStore((s) => imagesAllowed(s, s.doc?.id ?? ''));
  const previewOptions = useMemo(() => ({ rehypePlugins: previewRehypePlugins(allow) }), [allow]);
  return (
    <section className={`section section-depth-${depth}`} aria-labelledby={`${id}-heading`} data-section={heading}>
      <Heading id={`${id}-heading`} className="section-heading">
        {heading}
      </Heading>
      {hint && <p className="section-hint">{hint}</p>}
      <div data-color-mode="auto" className="section-editor">
        <MDEditor
          value={text}
          onChange={(v) => {
            setText(v ?? '');
            onChange(index, v ?? '');
          }}
          preview="edit"
          height={depth === 0 ? 120 : 180}
          visibleDragbar={true}
          previewOptions={previewOptions}
          commands={TOOLBAR_COMMANDS}
          extraCommands={TOOLBAR_EXTRA_COMMANDS}
          textareaProps={{ 'aria-label': `${heading || 'Introduction'} text`, placeholder: 'Start writing…' }}
        />
      </div>
    </section>
  );
});
