import { useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/document';
import { displayRef, KINDS } from '../../shared/kinds/kinds';
import { useAppStore } from '../store';
import { StatusBadge } from './StatusBadge';
import { useListboxNavigation } from './useListboxNavigation';
import '../styles/dialogs.css';
import { Modal } from './Modal';

const MAX = 20;

/** Ranks summaries for what was typed: exact reference, then number, then title prefix, then title words. */
export function quickMatches(summaries: readonly DocumentSummary[], query: string): DocumentSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return summaries.slice(0, MAX);
  const scored: { s: DocumentSummary; score: number }[] = [];
  for (const s of summaries) {
    const ref = displayRef(s.kind, s.number).toLowerCase();
    const title = s.title.toLowerCase();
    let score = 0;
    if (ref === q || ref.replace('-', ' ') === q) score = 100;
    else if (String(s.number) === q) score = 80;
    else if (ref.startsWith(q)) score = 60;
    else if (title.startsWith(q)) score = 50;
    else if (title.includes(q)) score = 30;
    else if (q.split(/\s+/).every((w) => title.includes(w) || ref.includes(w))) score = 10;
    if (score) scored.push({ s, score });
  }
  scored.sort((a, b) => b.score - a.score || b.s.updatedAt.localeCompare(a.s.updatedAt));
  return scored.slice(0, MAX).map((x) => x.s);
}

/** Ctrl+K: type a number, a reference (RFC-12) or part of a title, Enter opens it. */
export function QuickOpen({ onClose }: { onClose: () => void }) {
  const summaries = useAppStore((s) => s.summaries);
  const navigate = useAppStore((s) => s.navigate);
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(() => quickMatches(summaries, query), [summaries, query]);
  const open = (s: DocumentSummary): void => {
    onClose();
    void useAppStore.getState().closeDoc().then(() => navigate({ name: 'doc', id: s.id }));
  };
  const { active, setActive, listRef, onKeyDown, activeDescendant } = useListboxNavigation({ items: results, optionId: (s) => `qo-${s.id}`, onChoose: open, onClose });
  return (
    <Modal className="dialog quick-open" label="Quick open" onClose={onClose} initialFocus={input}>
        <input
          ref={input}
          className="quick-open-input"
          aria-label="Find a document by number or title"
          placeholder="RFC-12, 12, or words from a title…"
          value={query}
          role="combobox"
          aria-expanded="true"
          aria-controls="quick-open-list"
          aria-activedescendant={activeDescendant}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul ref={listRef} id="quick-open-list" role="listbox" className="quick-open-list" aria-label="Matching documents">
          {results.length === 0 && <li className="quick-open-empty">No document matches “{query}”.</li>}
          {results.map((s, i) => (
            <li
              key={s.id}
              id={`qo-${s.id}`}
              role="option"
              aria-selected={i === active}
              className={`quick-open-item ${i === active ? 'active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(s)}
            >
              <span className="doc-ref">{displayRef(s.kind, s.number)}</span>
              <span className="quick-open-title">{s.title}</span>
              <span className="quick-open-kind">{KINDS[s.kind].label}</span>
              <StatusBadge kind={s.kind} status={s.status} />
            </li>
          ))}
        </ul>
    </Modal>
  );
}
