import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../../src/main/cli/commands/conflictsCommand';
import { terminalJson, terminalLine } from '../../../../src/shared/format/printable';

// What a terminal acts on: C0 controls (tab aside), DEL, C1 controls (U+009B is CSI), bidi controls, line separators.
const ACTIVE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Strings rich in the characters that matter here. */
const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u009b', '\u0007', '\r', '\n', '\t', '\u202e', '\u2066', '\u2028', '\u007f', '\\', '['), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })) });

describe('terminal text', () => {
  it('terminalLine leaves nothing a terminal acts on, and only changes what it must', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = terminalLine(s);
        expect(out).not.toMatch(ACTIVE);
        if (!ACTIVE.test(s)) expect(out).toBe(s);
      }),
    );
    expect(terminalLine('\u001b[2Jtitle\r\n\u202e')).toBe('\\x1b[2Jtitle\\x0d\\x0a\\u202e');
  });

  it('terminalJson is JSON of the same value with no raw control characters', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (value, s) => {
        for (const v of [value, s, { [s]: [s, value] }]) {
          const out = terminalJson(v);
          expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });

  it('unifiedDiff escapes every line and gives up, saying so, on texts too far apart', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        for (const line of unifiedDiff(a, b)) expect(line).not.toMatch(ACTIVE);
      }),
    );
    const many = (tag: string): string => Array.from({ length: 600 }, (_, i) => `${tag} ${i}`).join('\n');
    expect(unifiedDiff(many('a'), many('b'))).toEqual(['(too many changed lines to show here; "--json" prints both texts in full)']);
    expect(unifiedDiff('same\n', 'same\n')).toEqual(['(no difference)']);
  });
});
