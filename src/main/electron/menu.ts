import type { MenuItemConstructorOptions } from 'electron';
import { DOC_KINDS, KINDS } from '../../shared/kinds/kinds';
import { newDocCommandId, type MenuCommand, type MenuCommandId } from '../../shared/menuCommands';

export interface MenuActions {
  /** Sends a command to the focused DesignDesk window. */
  send: (command: MenuCommand) => void;
  openLogsFolder: () => void;
  showAbout: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools appear only in development. */
  isPackaged: boolean;
}

/**
 * The app's own actions and their accelerators. The renderer's keyboard
 * handler (src/renderer/shortcuts.ts) already answers these keys inside the
 * window, so the menu shows them without registering them (registerAccelerator:
 * false): one key press, one action.
 */
export const APP_MENU_ITEMS: readonly { id: MenuCommandId; label: string; accelerator?: string }[] = [
  ...DOC_KINDS.map((kind) => ({
    id: newDocCommandId(kind),
    label: `New ${titleCase(KINDS[kind].label)}`,
    ...(kind === 'rfc' ? { accelerator: 'CmdOrCtrl+N' } : {}),
  })),
  { id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S' },
  { id: 'sync-now', label: 'Sync Now', accelerator: 'CmdOrCtrl+Shift+S' },
  { id: 'palette', label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P' },
  { id: 'quick-open', label: 'Quick Open…', accelerator: 'CmdOrCtrl+K' },
  { id: 'search', label: 'Search All Documents', accelerator: 'CmdOrCtrl+Shift+F' },
  { id: 'settings', label: 'Settings' },
  { id: 'shortcuts', label: 'Keyboard Shortcuts', accelerator: 'F1' },
  { id: 'publish-site', label: 'Publish Site…' },
];

/** Menu labels are in title case: "Decision matrix" -> "Decision Matrix". */
function titleCase(label: string): string {
  return label.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function item(id: MenuCommandId, actions: MenuActions): MenuItemConstructorOptions {
  const spec = APP_MENU_ITEMS.find((i) => i.id === id)!;
  return {
    id,
    label: spec.label,
    ...(spec.accelerator ? { accelerator: spec.accelerator, registerAccelerator: false } : {}),
    click: () => actions.send({ type: 'command', id }),
  };
}

/**
 * The application menu: the platform's standard roles (app menu on macOS,
 * Edit, View, Window) plus DesignDesk's actions. Pure: electronMain turns it
 * into a Menu; the unit test reads it.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${options.appName}`, click: actions.showAbout };
  const settings = { ...item('settings', actions), accelerator: 'CmdOrCtrl+,' };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [about, sep, settings, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      ...DOC_KINDS.map((kind) => item(newDocCommandId(kind), actions)),
      sep,
      item('quick-open', actions),
      item('save', actions),
      sep,
      item('sync-now', actions),
      item('publish-site', actions),
      ...(mac ? [sep, { role: 'close' } as const] : [sep, settings, sep, { role: 'quit' } as const]),
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
      sep,
      item('search', actions),
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      item('palette', actions),
      sep,
      ...(options.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    label: '&Window',
    role: 'windowMenu',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  });
  template.push({
    label: '&Help',
    role: 'help',
    submenu: [item('shortcuts', actions), sep, { id: 'open-logs', label: 'Open Logs Folder', click: actions.openLogsFolder }, ...(mac ? [] : [sep, about])],
  });
  return template;
}
