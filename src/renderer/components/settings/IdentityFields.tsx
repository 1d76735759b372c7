import { useId, useState, type ReactNode } from 'react';
import type { Person } from '../../../shared/document';
import { validatePerson } from './validatePerson';

export interface IdentityFieldsProps {
  initial: Person;
  submitLabel: string;
  busy?: boolean;
  /** Called with the trimmed values once they are valid; may throw to show a message. */
  onSubmit: (person: Person) => Promise<void>;
  /** Extra buttons before the submit button (e.g. Back). */
  children?: ReactNode;
}

/**
 * Name and email with inline validation: a field shows its problem once it
 * was left or the form was submitted, and the message is tied to the input
 * (aria-describedby, aria-invalid).
 */
export function IdentityFields({ initial, submitLabel, busy, onSubmit, children }: IdentityFieldsProps) {
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [email, setEmail] = useState(initial.email);
  const [touched, setTouched] = useState({ name: false, email: false });
  const [error, setError] = useState<string | null>(null);
  const problems = validatePerson(name, email);
  const show = (field: 'name' | 'email'): string | undefined => (touched[field] ? problems[field] : undefined);

  return (
    <form
      className="form-stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched({ name: true, email: true });
        if (problems.name || problems.email) {
          document.getElementById(problems.name ? `${id}-name` : `${id}-email`)?.focus();
          return;
        }
        setError(null);
        onSubmit({ name: name.trim(), email: email.trim() }).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          autoComplete="name"
          maxLength={200}
          aria-invalid={show('name') ? true : undefined}
          aria-describedby={show('name') ? `${id}-name-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched((t) => ({ ...t, name: true }))}
        />
        {show('name') && (
          <p id={`${id}-name-error`} className="field-error">
            {show('name')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          value={email}
          autoComplete="email"
          maxLength={320}
          aria-invalid={show('email') ? true : undefined}
          aria-describedby={`${id}-email-hint${show('email') ? ` ${id}-email-error` : ''}`}
          onChange={(e) => setEmail(e.target.value)}
          onBlur={() => setTouched((t) => ({ ...t, email: true }))}
        />
        <p id={`${id}-email-hint`} className="field-hint">
          Used as the author of your commits to the team repository.
        </p>
        {show('email') && (
          <p id={`${id}-email-error`} className="field-error">
            {show('email')}
          </p>
        )}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {children}
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
