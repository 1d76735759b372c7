/** Who someone is, as far as reviews can tell: a name and, usually, an email. */
export interface PersonLike {
  name: string;
  email?: string | undefined;
}

const norm = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

/**
 * Whether two entries name the same person: by email when both have one
 * (names get spelled differently across laptops), otherwise by name, ignoring
 * case and surrounding spaces.
 */
export function samePerson(a: PersonLike, b: PersonLike): boolean {
  const ea = norm(a.email);
  const eb = norm(b.email);
  if (ea && eb) return ea === eb;
  return norm(a.name) === norm(b.name);
}

/** "Grace Hopper" — the name a person is shown by. */
export function personLabel(p: PersonLike): string {
  return p.name.trim() || p.email?.trim() || 'Someone';
}
