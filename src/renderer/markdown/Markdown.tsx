import MarkdownPreview from '@uiw/react-markdown-preview/nohighlight';

/**
 * Rendered Markdown for every view of a document (reading view, the editor's
 * live preview, the print view): the renderer @uiw/react-md-editor itself
 * uses, imported on its own so that reading a document does not load the
 * editor. Without code highlighting (`/nohighlight`), like the editor: code
 * blocks render as plain monospace text. Callers pass previewRehypePlugins,
 * which sanitizes first.
 */
export const Markdown = MarkdownPreview;
