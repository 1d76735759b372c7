import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readConfigSeverities } from '../../../../src/shared/sync/repoLayout';

// designdesk.yml comes from the team repository: anyone with push access writes it.
describe('readConfigSeverities', () => {
  it('reads a list of levels or of names, and null when the key is absent', () => {
    expect(readConfigSeverities('format: 1\n')).toEqual({ ok: true, severities: null });
    expect(readConfigSeverities('severities:\n  - name: P0\n    description: Stop\n  - P1\n')).toEqual({
      ok: true,
      severities: [
        { name: 'P0', description: 'Stop' },
        { name: 'P1', description: '' },
      ],
    });
  });

  it.each([
    ['severities: []\n', 'at least one level'],
    ['severities: {P0: x}\n', 'severities'],
    ['severities:\n  - P0\n  - p0\n', 'unique'],
    [`severities:\n  - ${'x'.repeat(41)}\n`, 'severities.0.name'],
    [`severities:\n${Array.from({ length: 13 }, (_, i) => `  - S${i}\n`).join('')}`, 'at most 12'],
    ['severities:\n  - name: "a\\nb"\n', 'one line'],
    ['severities: [\n', 'not valid YAML'],
  ])('refuses %j with a reason naming %s', (text, reason) => {
    expect(readConfigSeverities(text)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('property: any text or any YAML value under the key gives a scale or a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.jsonValue({ maxDepth: 4 }).map((v) => stringify({ severities: v }))), (text) => {
        const r = readConfigSeverities(text);
        if (r.ok) {
          if (r.severities) expect(r.severities.length).toBeGreaterThan(0);
        } else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
