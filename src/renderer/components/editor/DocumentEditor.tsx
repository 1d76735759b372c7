import MDEditor from '@uiw/react-md-editor/nohighlight';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Document } from '../../../shared/document';
import { displayRef } from '../../../shared/kinds/kinds';
import { useAppStore } from '../../store';
import '../../styles/editor.css';
import { movedActive } from '../useListboxNavigation';
import { TOOLBAR_COMMANDS, TOOLBAR_EXTRA_COMMANDS } from '../mdToolbar';
import { TemplatePartsMenu } from '../TemplatePartsMenu';
import { BodyPreview } from './BodyPreview';
import { createCaretStore } from './caretStore';
import { Outline } from './Outline';
import { outlineOf, type OutlineEntry } from './outline';
import { SlashMenu, slashOptionId } from './SlashMenu';
import { useColorMode } from './useColorMode';
import { isSlashTrigger, slashParts, type SlashPart } from './slashParts';
import { caretPosition, replaceRange, replaceValue } from './textareaEdit';
import { templateOf } from '../../../shared/kinds/teamTemplates';
import { useTeamTemplates } from '../useTeamTemplates';

/** The editor's height; its drag bar lets the writer change it. */
const EDITOR_HEIGHT = 640;

interface SlashState {
  /** Offset of the "/" in the body. */
  at: number;
  top: number;
  left: number;
  active: number;
  parts: SlashPart[];
}

/**
 * The one editing surface of a document's body: a single Markdown editor with
 * its live preview, the outline of its sections beside it, template hints in
 * the preview of empty sections, and optional template parts from the menu or
 * from "/" on an empty line. The body stays one Markdown string split into
 * sections at its headings (src/shared/markdown/sections.ts).
 */
export function DocumentEditor({ doc }: { doc: Document }) {
  const edit = useAppStore((s) => s.edit);
  const wrapRef = useRef<HTMLDivElement>(null);
  const caret = useMemo(() => createCaretStore(), []);
  const [slash, setSlash] = useState<SlashState | null>(null);
  const slashRef = useRef(slash);
  slashRef.current = slash;
  const kind = doc.kind;
  // The team's template the document was made from (or the kind's own, when the team replaced it): its hints.
  const template = templateOf(doc, useTeamTemplates());
  const colorMode = useColorMode();
  // The outline follows the text at low priority: a keystroke paints first.
  const outlineSource = useDeferredValue(doc.body);
  const entries = useMemo(() => outlineOf(outlineSource), [outlineSource]);

  // The preview pane scrolls on its own: make it reachable and named for the keyboard (the library's div takes no
  // props). The library can put a new pane in place from its own state, without this component drawing again, so
  // every pane that appears is marked as it appears (an accessibility scan under load once caught one unmarked).
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const mark = (): void => {
      const pane = wrap.querySelector<HTMLElement>('.w-md-editor-preview');
      if (!pane || pane.tabIndex === 0) return;
      pane.tabIndex = 0;
      pane.setAttribute('role', 'region');
      pane.setAttribute('aria-label', 'Preview');
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(wrap, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const textarea = (): HTMLTextAreaElement | null => wrapRef.current?.querySelector<HTMLTextAreaElement>('textarea.w-md-editor-text-input') ?? null;

  const openSlashIfTyped = (ta: HTMLTextAreaElement): void => {
    const at = ta.selectionStart;
    if (ta.selectionEnd !== at || !isSlashTrigger(ta.value, at)) {
      if (slashRef.current) setSlash(null);
      return;
    }
    const parts = slashParts(kind, ta.value);
    if (parts.length === 0) return;
    const pos = caretPosition(ta, at);
    const box = ta.getBoundingClientRect();
    const surface = ta.closest('.doc-editor-surface')?.getBoundingClientRect() ?? box;
    const top = box.top - surface.top + pos.top - ta.scrollTop + pos.lineHeight + 4;
    const left = box.left - surface.left + Math.max(0, Math.min(pos.left, ta.clientWidth - 240));
    setSlash({ at: at - 1, top, left, active: 0, parts });
  };

  const chooseSlash = useCallback((part: SlashPart): void => {
    const ta = textarea();
    const open = slashRef.current;
    setSlash(null);
    if (!ta || !open) return;
    replaceRange(ta, open.at, open.at + 1, `${part.text}\n`);
    const firstLineEnd = open.at + part.text.split('\n')[0]!.length + 1;
    ta.setSelectionRange(firstLineEnd, firstLineEnd);
    caret.set(firstLineEnd);
  }, [caret]);

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>): void => {
    const open = slashRef.current;
    if (!open || !(e.target instanceof HTMLTextAreaElement)) return;
    const next = movedActive(e.key, open.active, open.parts.length, false);
    if (next === undefined && e.key !== 'Enter' && e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    if (next !== undefined) setSlash({ ...open, active: next });
    else if (e.key === 'Escape') setSlash(null);
    else chooseSlash(open.parts[open.active]!);
  };

  const jump = (entry: OutlineEntry): void => {
    const ta = textarea();
    if (!ta) return;
    const to = Math.min(entry.textStart, ta.value.length);
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(to, to);
    caret.set(to);
    ta.scrollTop = Math.max(0, caretPosition(ta, entry.start).top - 12);
    const preview = wrapRef.current?.querySelector<HTMLElement>('.w-md-editor-preview');
    const target = preview?.querySelector<HTMLElement>(`[data-outline-index="${entry.index}"]`);
    if (preview && target) preview.scrollTop += target.getBoundingClientRect().top - preview.getBoundingClientRect().top;
    wrapRef.current?.querySelector('.w-md-editor')?.scrollIntoView({ block: 'nearest' });
  };

  const activeId = slash ? slashOptionId(slash.parts[slash.active]!) : undefined;
  const textareaProps = useMemo(
    () => ({
      'aria-label': `${displayRef(kind, doc.number)} text (Markdown)`,
      'aria-describedby': 'doc-editor-help',
      'aria-activedescendant': activeId,
      placeholder: 'Start writing…',
      onSelect: (e: React.SyntheticEvent<HTMLTextAreaElement>) => caret.set(e.currentTarget.selectionStart),
    }),
    [kind, doc.number, activeId, caret],
  );
  const components = useMemo(() => ({ preview: (source: string) => <BodyPreview kind={kind} source={source} template={template} /> }), [kind, template]);

  return (
    <div className="doc-editor" data-body-editor="" ref={wrapRef} onKeyDownCapture={onKeyDownCapture}>
      <Outline entries={entries} caret={caret} onJump={jump} />
      <div className="doc-editor-main">
        <div className="doc-editor-bar">
          <p id="doc-editor-help" className="doc-editor-help">
            Markdown, with a live preview. Type “/” on an empty line to add a section from the template.
          </p>
          <TemplatePartsMenu doc={doc} onInsert={(next) => insertBody(textarea(), next, edit)} />
        </div>
        <div className="doc-editor-surface" data-color-mode={colorMode}>
          <MDEditor
            value={doc.body}
            onChange={(v, e) => {
              edit({ body: v ?? '' });
              if (e?.target instanceof HTMLTextAreaElement) openSlashIfTyped(e.target);
            }}
            preview="live"
            height={EDITOR_HEIGHT}
            visibleDragbar={true}
            commands={TOOLBAR_COMMANDS}
            extraCommands={TOOLBAR_EXTRA_COMMANDS}
            textareaProps={textareaProps}
            components={components}
          />
          {slash && <SlashMenu parts={slash.parts} active={slash.active} top={slash.top} left={slash.left} onChoose={chooseSlash} />}
        </div>
      </div>
    </div>
  );
}

/** A whole new body from the template menu goes in through the textarea, so Ctrl+Z takes it back. */
function insertBody(ta: HTMLTextAreaElement | null, next: string, edit: (patch: { body: string }) => void): void {
  if (ta) replaceValue(ta, next);
  else edit({ body: next });
}
