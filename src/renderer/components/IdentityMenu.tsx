import { useRef, useState } from 'react';
import type { Person } from '../../shared/document';
import { call, errorMessage } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';
import { useDismiss } from './useDismiss';
import '../styles/reviews.css';

/**
 * Who is at the keyboard: "Signed in as X", a switch to a recent identity,
 * or a new name and email. Everything done afterwards (edits, verdicts,
 * comments) is recorded under the new identity.
 */
export function IdentityMenu() {
  const identity = useAppStore((s) => s.identity);
  const switchIdentity = useAppStore((s) => s.switchIdentity);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  // Asked each time the menu opens: a switch adds to the list. A failure offers no recent identities.
  const recentQuery = useQuery(open ? 'identity:recent' : null, () => call('identity:recent', {}));
  const recent: Person[] = (recentQuery.error ? null : recentQuery.data) ?? [];
  useDismiss(ref, open, () => setOpen(false));

  if (!identity) return null;
  const others = recent.filter((p) => p.name !== identity.name || p.email !== identity.email);

  const become = async (p: Person): Promise<void> => {
    try {
      await switchIdentity(p);
      setOpen(false);
      setName('');
      setEmail('');
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="identity-menu" ref={ref}>
      <button
        type="button"
        className="button button-quiet identity-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Signed in as ${identity.name}; switch identity`}
        title={identity.email || identity.name}
        onClick={() => setOpen((o) => !o)}
      >
        {/* The initial is CSS content (shell.css): visible text stays "name", which the aria-label contains (axe label-content-name-mismatch). */}
        <span className="identity-avatar" aria-hidden="true" data-initial={identity.name.trim().charAt(0).toUpperCase()} />
        <span className="identity-name">{identity.name}</span> <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="identity-popover" role="dialog" aria-label="Identity">
          <p className="identity-current">
            Signed in as <strong>{identity.name}</strong>
            {identity.email && <span className="identity-email">{identity.email}</span>}
          </p>
          {others.length > 0 && (
            <>
              <h3 className="identity-heading">Switch to</h3>
              <ul className="identity-recent">
                {others.map((p) => (
                  <li key={`${p.name}/${p.email}`}>
                    <button type="button" className="menu-item" onClick={() => void become(p)}>
                      {p.name} {p.email && <span className="identity-email">{p.email}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <form
            className="identity-new"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void become({ name: name.trim(), email: email.trim() });
            }}
          >
            <h3 className="identity-heading">Someone else</h3>
            <label>
              Name
              <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </label>
            <label>
              Email
              <input type="email" value={email} maxLength={320} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
            </label>
            <button type="submit" className="button button-primary" disabled={!name.trim()}>
              Switch
            </button>
            {error && (
              <p className="inline-error" role="alert">
                {error}
              </p>
            )}
          </form>
        </div>
      )}
    </div>
  );
}
