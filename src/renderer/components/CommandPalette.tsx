import { useMemo, useRef, useState } from 'react';
import { filterCommands, type AppCommand } from '../commands';
import { useListboxNavigation } from './useListboxNavigation';
import '../styles/dialogs.css';
import '../styles/shell.css';
import { Modal } from './Modal';

/**
 * Ctrl+Shift+P: every action of the app by name. Type to filter (words in
 * any order), arrows to move, Enter to run, Esc to close.
 */
export function CommandPalette({ commands, onClose }: { commands: readonly AppCommand[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(() => filterCommands(commands, query), [commands, query]);
  const run = (c: AppCommand): void => {
    onClose();
    // After the dialog is gone, so a command that opens another dialog or moves focus wins.
    setTimeout(c.run, 0);
  };
  const { active, setActive, listRef, onKeyDown, activeDescendant } = useListboxNavigation({
    items: results,
    optionId: (c) => `cmd-${c.id}`,
    onChoose: run,
    onClose,
    homeEnd: !query,
  });

  return (
    <Modal className="dialog quick-open command-palette" label="Command palette" onClose={onClose} initialFocus={input}>
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
          aria-activedescendant={activeDescendant}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Tab') e.preventDefault(); // the list is reached with the arrows; focus stays in the dialog
            else onKeyDown(e);
          }}
        />
        <ul ref={listRef} id="command-palette-list" role="listbox" className="quick-open-list" aria-label="Commands">
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
    </Modal>
  );
}
