import { getCommands, getExtraCommands, type ICommand } from '@uiw/react-md-editor/nohighlight';
import { createElement } from 'react';

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

export const TOOLBAR_COMMANDS: ICommand[] = getCommands().map(hideIcon);
export const TOOLBAR_EXTRA_COMMANDS: ICommand[] = getExtraCommands().map(hideIcon);
