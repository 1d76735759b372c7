import type { MenuCommand } from '../../shared/menuCommands';

interface MenuBridge {
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
}

/**
 * Listens to the desktop menu and designdesk:// links (one-way, main ->
 * renderer, validated by the preload). In a browser there is no menu: the
 * listener is never called.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const bridge = window.designdesk as unknown as MenuBridge | undefined;
  if (typeof bridge?.onMenuCommand !== 'function') return () => undefined;
  return bridge.onMenuCommand(listener);
}
