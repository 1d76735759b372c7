/** Problems with a name and email as typed, per field; empty when both are fine. */
export function validatePerson(name: string, email: string): { name?: string; email?: string } {
  const out: { name?: string; email?: string } = {};
  const n = name.trim();
  const e = email.trim();
  if (!n) out.name = 'Enter your name: it is recorded on every edit, review and commit.';
  else if (n.length > 200) out.name = 'A name is at most 200 characters.';
  if (e.length > 320) out.email = 'An email address is at most 320 characters.';
  else if (e && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) out.email = 'This does not look like an email address (name@example.com).';
  return out;
}
