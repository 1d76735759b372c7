import { getCommands, getExtraCommands, type ICommand } from '@uiw/react-md-editor/nohighlight';
import { createElement } from 'react';
import { diagramInsertion } from '../../shared/markdown/mermaidSource';

/**
 * The Markdown editor's toolbar commands with their SVG icons hidden from
 * assistive technology: each button already has a label ("Add bold text"),
 * and the library's icons are role="img" without a title (axe: svg-img-alt).
 */
function hideIcon(command: ICommand): ICommand {
  const next = { ...command } as ICommand;
  if (command.icon) next.icon = createElement('span', { 'aria-hidden': true, className: 'md-toolbar-icon' }, command.icon);
  if (Array.isArray(command.children)) (next as { children?: ICommand[] }).children = command.children.map(hideIcon);
  return next;
}

/** "Insert a diagram": a Mermaid skeleton as a fenced block at the cursor (replacing any selection). */
export const DIAGRAM_COMMAND: ICommand = {
  name: 'diagram',
  keyCommand: 'diagram',
  buttonProps: { 'aria-label': 'Insert a diagram', title: 'Insert a diagram (Mermaid)' },
  icon: createElement(
    'span',
    { 'aria-hidden': true, className: 'md-toolbar-icon' },
    createElement('svg', { width: 13, height: 13, viewBox: '0 0 16 16' }, createElement('path', { fill: 'currentColor', d: 'M1 2h5v4H1zM10 10h5v4h-5zM3.5 6h1v5H10v1H3.5z' })),
  ),
  execute: (state, api) => {
    const { start, end } = state.selection;
    api.replaceSelection(diagramInsertion(state.text.slice(0, start) + state.text.slice(end), start));
  },
};

export const TOOLBAR_COMMANDS: ICommand[] = [...getCommands().map(hideIcon), DIAGRAM_COMMAND];
export const TOOLBAR_EXTRA_COMMANDS: ICommand[] = getExtraCommands().map(hideIcon);
