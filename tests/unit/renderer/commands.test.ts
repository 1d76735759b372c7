import { describe, expect, it } from 'vitest';
import { buildCommands, filterCommands, MENU_TO_COMMAND, PAGE_LABELS, type CommandContext } from '../../../src/renderer/commands';
import { SHORTCUTS } from '../../../src/renderer/shortcuts';
import { DOC_KINDS } from '../../../src/shared/kinds/kinds';
import { MENU_COMMAND_IDS } from '../../../src/shared/menuCommands';

function context(over: Partial<CommandContext> = {}): { ctx: CommandContext; ran: string[] } {
  const ran: string[] = [];
  const log = (name: string) => () => void ran.push(name);
  const ctx: CommandContext = {
    create: (k) => ran.push(`create:${k}`),
    go: (v) => ran.push(`go:${v.name}`),
    quickOpen: log('quickOpen'),
    search: log('search'),
    save: log('save'),
    syncNow: log('syncNow'),
    showShortcuts: log('shortcuts'),
    setTheme: (t) => ran.push(`theme:${t}`),
    askRemoveSamples: log('removeSamples'),
    theme: 'system',
    hasSamples: false,
    ...over,
  };
  return { ctx, ran };
}

describe('buildCommands', () => {
  it('has every action: a new document of each kind, open, search, save, sync, each page, each theme, shortcuts', () => {
    const { ctx, ran } = context();
    const commands = buildCommands(ctx);
    for (const c of commands) c.run();
    expect(ran).toEqual([
      ...DOC_KINDS.map((k) => `create:${k}`),
      'quickOpen',
      'search',
      'save',
      'syncNow',
      ...PAGE_LABELS.map((p) => `go:${p.view.name}`),
      'theme:system',
      'theme:light',
      'theme:dark',
      'shortcuts',
    ]);
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length);
    expect(commands.find((c) => c.id === 'theme-system')!.label).toBe('Theme: System (current)');
  });

  it('offers "Remove sample documents" only while there are some', () => {
    expect(buildCommands(context().ctx).some((c) => c.id === 'remove-samples')).toBe(false);
    const { ctx, ran } = context({ hasSamples: true });
    buildCommands(ctx).find((c) => c.id === 'remove-samples')!.run();
    expect(ran).toEqual(['removeSamples']);
  });

  it('shows the keys of SHORTCUTS next to the actions that have one', () => {
    const byId = Object.fromEntries(buildCommands(context().ctx).map((c) => [c.id, c.keys]));
    const keys = (id: string) => SHORTCUTS.find((s) => s.id === id)!.keys;
    expect(byId).toMatchObject({ 'new-rfc': keys('new'), 'quick-open': keys('quickOpen'), search: keys('search'), save: keys('save'), 'sync-now': keys('sync'), shortcuts: keys('help') });
  });

  it('has a command for every menu item but the palette itself', () => {
    const ids = new Set(buildCommands(context().ctx).map((c) => c.id));
    for (const m of MENU_COMMAND_IDS) if (m !== 'palette') expect(ids.has(MENU_TO_COMMAND[m]), m).toBe(true);
  });
});

describe('filterCommands', () => {
  const commands = buildCommands(context({ hasSamples: true }).ctx);
  const labels = (q: string) => filterCommands(commands, q).map((c) => c.label);

  it('keeps everything for an empty query, in order', () => {
    expect(labels('  ')).toEqual(commands.map((c) => c.label));
  });

  it('matches every word, in any order and case, against label and group', () => {
    expect(labels('ADR new')).toEqual(['New ADR']);
    expect(labels('dark')).toEqual(['Theme: Dark']);
    expect(labels('appearance light')).toEqual(['Theme: Light']);
    expect(labels('go trash')).toEqual(['Go to Trash']);
    expect(labels('nothing like this')).toEqual([]);
  });

  it('ranks a label that starts with the query first', () => {
    expect(labels('sync')[0]).toBe('Sync now with the team repository');
    expect(labels('s')[0]).toBe('Search all documents');
  });
});
