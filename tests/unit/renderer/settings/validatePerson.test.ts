import { describe, expect, it } from 'vitest';
import { validatePerson } from '../../../../src/renderer/components/settings/validatePerson';
import { PersonSchema } from '../../../../src/shared/document';

describe('validatePerson', () => {
  it('accepts a name with or without an email', () => {
    expect(validatePerson('Ada Lovelace', 'ada@example.com')).toEqual({});
    expect(validatePerson('  Ada ', '')).toEqual({});
  });

  it('asks for a name, and for an email that looks like one', () => {
    expect(validatePerson('   ', '')).toEqual({ name: expect.stringContaining('Enter your name') });
    expect(validatePerson('Ada', 'ada at example')).toEqual({ email: expect.stringContaining('does not look like an email') });
    expect(validatePerson('Ada', 'ada@localhost')).toEqual({ email: expect.any(String) });
    expect(validatePerson('x'.repeat(201), '')).toEqual({ name: expect.stringContaining('200') });
  });

  it('never passes what identity:set would refuse', () => {
    for (const [name, email] of [['', ''], [' ', 'a@b.co'], ['x'.repeat(201), ''], ['Ada', `${'x'.repeat(320)}@b.co`]] as const) {
      if (Object.keys(validatePerson(name, email)).length === 0) expect(PersonSchema.safeParse({ name, email }).success, name).toBe(true);
    }
  });
});
