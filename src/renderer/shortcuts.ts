/** Every keyboard shortcut, in one list: the handler and the help screen both read it. */
export interface Shortcut {
  id: 'new' | 'quickOpen' | 'search' | 'save' | 'help' | 'sync' | 'palette';
  keys: string;
  label: string;
  matches: (e: KeyboardEvent) => boolean;
}

const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
const inTextField = (e: KeyboardEvent): boolean => {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
};

export const SHORTCUTS: readonly Shortcut[] = [
  // Before quickOpen, whose Ctrl+P would also match Ctrl+Shift+P.
  { id: 'palette', keys: 'Ctrl+Shift+P', label: 'Command palette: every action, by name', matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'p' },
  { id: 'new', keys: 'Ctrl+N', label: 'New RFC', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'n' },
  { id: 'quickOpen', keys: 'Ctrl+K', label: 'Quick open: find a document by number or title', matches: (e) => mod(e) && (e.key.toLowerCase() === 'k' || e.key.toLowerCase() === 'p') },
  { id: 'search', keys: 'Ctrl+Shift+F', label: 'Search all documents', matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'f' },
  { id: 'save', keys: 'Ctrl+S', label: 'Save now', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's' },
  { id: 'sync', keys: 'Ctrl+Shift+S', label: 'Sync with the team repository now', matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 's' },
  { id: 'help', keys: 'F1 or ?', label: 'Show keyboard shortcuts', matches: (e) => e.key === 'F1' || (e.key === '?' && !inTextField(e)) },
];
