import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_MENU_ITEMS, buildMenuTemplate } from '../../../src/main/electron/menu';
import { SHORTCUTS } from '../../../src/renderer/shortcuts';
import { MENU_COMMAND_IDS, type MenuCommand } from '../../../src/shared/menuCommands';

type Item = MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu as Item[]) : [])]);
}

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sent: MenuCommand[] = [];
  const calls: string[] = [];
  const template = buildMenuTemplate({ platform, appName: 'DesignDesk', isPackaged }, { send: (c) => sent.push(c), openLogsFolder: () => calls.push('logs'), showAbout: () => calls.push('about') });
  return { template, all: flatten(template), sent, calls };
}

const roles = (items: Item[]): string[] => items.filter((i) => i.role).map((i) => String(i.role));
const click = (i: Item): void => (i.click as unknown as () => void)();

describe('the application menu', () => {
  it('has the standard roles on every platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const { all, template } = build(platform);
      expect(roles(all), platform).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'windowMenu', 'help']));
      expect(template.map((t) => t.label?.replace('&', ''))).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    }
  });

  it('on macOS starts with the app menu (About, Services, Hide, Quit); elsewhere Quit is in File', () => {
    const mac = build('darwin');
    expect(mac.template[0]!.label).toBe('DesignDesk');
    expect(roles(mac.template[0]!.submenu as Item[])).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(mac.all)).toEqual(expect.arrayContaining(['pasteAndMatchStyle', 'front', 'close']));
    const linux = build('linux');
    expect(linux.template[0]!.label).toBe('&File');
    expect(roles(linux.template[0]!.submenu as Item[])).toContain('quit');
    expect(linux.all.some((i) => i.id === 'about')).toBe(true);
  });

  it('names the New entries in title case from the kinds table, New RFC on CmdOrCtrl+N', () => {
    expect(APP_MENU_ITEMS.filter((i) => i.id.startsWith('new-')).map((i) => [i.label, i.accelerator])).toEqual([
      ['New RFC', 'CmdOrCtrl+N'],
      ['New ADR', undefined],
      ['New Decision Matrix', undefined],
      ['New Postmortem', undefined],
    ]);
  });

  it('offers every app action, each sending its command to the window', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { all, sent } = build(platform);
      for (const id of MENU_COMMAND_IDS) {
        const entry = all.find((i) => i.id === id);
        expect(entry, `${platform} ${id}`).toBeDefined();
        click(entry!);
      }
      expect(sent).toEqual(MENU_COMMAND_IDS.map((id) => ({ type: 'command', id })));
    }
  });

  it("shows the same accelerators as the renderer's shortcut list, without registering them twice", () => {
    const { all } = build('linux');
    const pairs: Record<string, string> = { 'new-rfc': 'new', 'quick-open': 'quickOpen', search: 'search', save: 'save', shortcuts: 'help', palette: 'palette', 'sync-now': 'sync' };
    for (const [menuId, shortcutId] of Object.entries(pairs)) {
      const entry = all.find((i) => i.id === menuId)!;
      const shortcut = SHORTCUTS.find((s) => s.id === shortcutId);
      expect(shortcut, shortcutId).toBeDefined();
      expect(String(entry.accelerator).replace('CmdOrCtrl', 'Ctrl'), menuId).toBe(shortcut!.keys.split(' or ')[0]);
      expect(entry.registerAccelerator, menuId).toBe(false);
    }
    expect(APP_MENU_ITEMS.map((i) => i.id).sort()).toEqual([...MENU_COMMAND_IDS].sort());
  });

  it('Help has Open Logs Folder and About; reload and developer tools only in development', () => {
    const { all, calls } = build('win32');
    click(all.find((i) => i.id === 'open-logs')!);
    click(all.find((i) => i.id === 'about')!);
    expect(calls).toEqual(['logs', 'about']);
    expect(roles(all)).not.toContain('toggleDevTools');
    expect(roles(build('win32', false).all)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
