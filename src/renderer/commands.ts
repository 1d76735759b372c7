import { THEMES, type Theme } from '../shared/contract/desktop';
import { DOC_KINDS, KINDS, type DocKind } from '../shared/kinds/kinds';
import { newDocCommandId, type MenuCommandId, type NewDocCommandId } from '../shared/menuCommands';
import { SHORTCUTS, type Shortcut } from './shortcuts';
import { openPublishDialog } from './store/publishDialog';
import type { View } from './store/uiSlice';
import { THEME_LABELS } from './theme';

/** One action of the app, as the command palette lists it. */
export interface AppCommand {
  id: string;
  label: string;
  group: 'Create' | 'Go to' | 'Document' | 'Sync' | 'Appearance' | 'Workspace' | 'Help';
  /** The keyboard shortcut, from SHORTCUTS. */
  keys?: string;
  run: () => void;
}

/** What the commands act on; App provides it. */
export interface CommandContext {
  create: (kind: DocKind) => void;
  go: (view: View) => void;
  quickOpen: () => void;
  search: () => void;
  save: () => void;
  syncNow: () => void;
  showShortcuts: () => void;
  setTheme: (theme: Theme) => void;
  askRemoveSamples: () => void;
  theme: Theme;
  hasSamples: boolean;
}

/** The pages the palette can go to, in the order of the top navigation. */
export const PAGE_LABELS: readonly { view: View; label: string }[] = [
  { view: { name: 'dashboard' }, label: 'Dashboard' },
  { view: { name: 'library' }, label: 'Library' },
  { view: { name: 'actions' }, label: 'Action items' },
  { view: { name: 'postmortems' }, label: 'Postmortems overview' },
  { view: { name: 'trash' }, label: 'Trash' },
  { view: { name: 'sync' }, label: 'Sync' },
  { view: { name: 'conflicts' }, label: 'Sync conflicts' },
  { view: { name: 'health' }, label: 'Repository health' },
  { view: { name: 'settings' }, label: 'Settings' },
];

const keysOf = (id: Shortcut['id']): string | undefined => SHORTCUTS.find((s) => s.id === id)?.keys;

/** Every action of the app: the palette lists these, and the desktop menu runs them by id. */
export function buildCommands(ctx: CommandContext): AppCommand[] {
  const commands: AppCommand[] = DOC_KINDS.map((kind) => ({
    id: newDocCommandId(kind),
    label: `New ${KINDS[kind].label}`,
    group: 'Create',
    keys: kind === 'rfc' ? keysOf('new') : undefined,
    run: () => ctx.create(kind),
  }));
  commands.push(
    { id: 'quick-open', label: 'Quick open: find a document by number or title', group: 'Document', keys: keysOf('quickOpen'), run: ctx.quickOpen },
    { id: 'search', label: 'Search all documents', group: 'Document', keys: keysOf('search'), run: ctx.search },
    { id: 'save', label: 'Save now', group: 'Document', keys: keysOf('save'), run: ctx.save },
    { id: 'sync-now', label: 'Sync now with the team repository', group: 'Sync', keys: keysOf('sync'), run: ctx.syncNow },
    ...PAGE_LABELS.map((p): AppCommand => ({ id: `go-${p.view.name}`, label: `Go to ${p.label}`, group: 'Go to', run: () => ctx.go(p.view) })),
    ...THEMES.map(
      (t): AppCommand => ({ id: `theme-${t}`, label: `Theme: ${THEME_LABELS[t]}${t === ctx.theme ? ' (current)' : ''}`, group: 'Appearance', run: () => ctx.setTheme(t) }),
    ),
    { id: 'shortcuts', label: 'Show keyboard shortcuts', group: 'Help', keys: keysOf('help'), run: ctx.showShortcuts },
    { id: 'publish-site', label: 'Publish site… (a static site of every document)', group: 'Workspace', run: openPublishDialog },
  );
  if (ctx.hasSamples) commands.push({ id: 'remove-samples', label: 'Remove sample documents', group: 'Workspace', run: ctx.askRemoveSamples });
  return commands;
}

/** The palette command a desktop menu item stands for. */
export const MENU_TO_COMMAND: Record<MenuCommandId, string> = {
  ...(Object.fromEntries(DOC_KINDS.map((k) => [newDocCommandId(k), newDocCommandId(k)])) as Record<NewDocCommandId, string>),
  'quick-open': 'quick-open',
  search: 'search',
  save: 'save',
  'sync-now': 'sync-now',
  palette: 'palette',
  settings: 'go-settings',
  shortcuts: 'shortcuts',
  'publish-site': 'publish-site',
};

/**
 * The commands whose words all occur in the label or group (any order, any
 * case), best first: label starts with the query, then a word of the label
 * starts with it, then the rest in list order.
 */
export function filterCommands(commands: readonly AppCommand[], query: string): AppCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const q = words.join(' ');
  const scored = commands
    .map((c, i) => {
      const label = c.label.toLowerCase();
      const hay = `${label} ${c.group.toLowerCase()}`;
      if (!words.every((w) => hay.includes(w))) return null;
      const score = label.startsWith(q) ? 3 : label.split(/[\s:(]+/).some((w) => w.startsWith(words[0]!)) ? 2 : 1;
      return { c, i, score };
    })
    .filter((x): x is { c: AppCommand; i: number; score: number } => x !== null);
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map((x) => x.c);
}
