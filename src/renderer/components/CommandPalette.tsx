import { useEffect, useMemo, useRef, useState } from 'react';
import { filterCommands, type AppCommand } from '../commands';
import '../styles/dialogs.css';
import '../styles/shell.css';

/**
 * Ctrl+Shift+P: every action of the app by name. Type to filter (words in
 * any order), arrows to move, Enter to run, Esc to close.
 */
export function CommandPalette({ commands, onClose }: { commands: readonly AppCommand[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const results = useMemo(() => filterCommands(commands, query), [commands, query]);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const run = (c: AppCommand | undefined): void => {
    if (!c) return;
    onClose();
    // After the dialog is gone, so a command that opens another dialog or moves focus wins.
    setTimeout(c.run, 0);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div className="dialog quick-open command-palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          ref={input}
          className="quick-open-input"
          aria-label="Type a command"
          placeholder="Type a command: new ADR, theme dark, go to trash…"
          value={query}
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-controls="command-palette-list"
          aria-activedescendant={results[active] ? `cmd-${results[active].id}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, results.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Home' && !query) {
              e.preventDefault();
              setActive(0);
            } else if (e.key === 'End' && !query) {
              e.preventDefault();
              setActive(results.length - 1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              run(results[active]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            } else if (e.key === 'Tab') {
              e.preventDefault(); // the list is reached with the arrows; focus stays in the dialog
            }
          }}
        />
        <ul ref={list} id="command-palette-list" role="listbox" className="quick-open-list" aria-label="Commands">
          {results.map((c, i) => (
            <li
              key={c.id}
              id={`cmd-${c.id}`}
              role="option"
              aria-selected={i === active}
              className={`quick-open-item command-item ${i === active ? 'active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(c)}
            >
              <span className="command-group">{c.group}</span>
              <span className="command-label">{c.label}</span>
              {c.keys && <kbd className="command-keys">{c.keys}</kbd>}
            </li>
          ))}
        </ul>
        {results.length === 0 && (
          <p className="quick-open-empty" role="status">
            No command matches “{query}”. Try fewer words, such as “new” or “theme”.
          </p>
        )}
      </div>
    </div>
  );
}
