import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintRepo } from '../../../../src/main/importExport/lint';
import { EXPECTED_FINDINGS, seedBadRepo, seedId } from '../../../support/seedLintRepo';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-lint-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('lintRepo', () => {
  it('reports each seeded problem once, on the file that has it, and nothing else', () => {
    seedBadRepo(root);
    const findings = lintRepo(root);
    for (const [file, reason] of EXPECTED_FINDINGS) {
      expect(findings.filter((f) => f.path === file && f.reason.includes(reason)), `${file}: ${reason}`).toHaveLength(1);
    }
    expect(findings).toHaveLength(EXPECTED_FINDINGS.length);
  });

  it('finds nothing in a consistent repo: both supersede sides, references that resolve, a review of a real document', () => {
    const files: Record<string, string> = {
      'designdesk.yml': 'format: 1\n',
      'adrs/0001-a.md': `---\nid: ${seedId('1')}\nref: ADR-1\ntitle: A\nstatus: superseded\nsuperseded-by: 2\n---\n\n# A\n\nSee ADR-2.\n`,
      'adrs/0002-b.md': `---\nid: ${seedId('2')}\nref: ADR-2\ntitle: B\nstatus: accepted\nsupersedes: [1]\n---\n\n# B\n\nReplaces ADR-1.\n`,
      [`reviews/${seedId('2')}.yml`]: 'reviewers: []\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    expect(lintRepo(root)).toEqual([]);
  });

  it('reports a missing designdesk.yml, a renumbered document\'s alias resolves', () => {
    fs.mkdirSync(path.join(root, 'rfcs'));
    fs.writeFileSync(path.join(root, 'rfcs', '0003-a.md'), `---\nid: ${seedId('1')}\nref: RFC-3\ntitle: A\nstatus: draft\naliases: [RFC-2]\n---\n\n# A\n\nWas RFC-2; see RFC-3.\n`);
    expect(lintRepo(root)).toEqual([{ path: 'designdesk.yml', reason: expect.stringContaining('missing') }]);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => lintRepo(path.join(root, 'nope'))).toThrow(/No folder at/);
  });
});

describe('lintRepo applies the checks a sync applies', () => {
  it('reports a file a sync would leave out: a number past 999999, a body over the limit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-lint-intake-'));
    try {
      fs.writeFileSync(path.join(dir, 'designdesk.yml'), 'format: 1\n');
      fs.mkdirSync(path.join(dir, 'rfcs'));
      fs.writeFileSync(path.join(dir, 'rfcs', 'huge.md'), `---\nid: ${seedId('1')}\nnumber: 1e308\nstatus: draft\n---\n\n# Huge\n`);
      expect(lintRepo(dir)).toEqual([{ path: 'rfcs/huge.md', reason: 'number: a document number is at most 999999' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lintRepo and the severity scale', () => {
  const write = (files: Record<string, string>): void => {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
  };
  const pm = (n: string, severity: string): string => `---\nid: ${seedId(n)}\nref: PM-${n}\ntitle: Outage ${n}\nstatus: draft\nseverity: ${severity}\n---\n\n# Outage ${n}\n`;

  it('reports a postmortem whose severity is not in the repository\'s scale, and a scale it cannot read', () => {
    write({ 'designdesk.yml': 'format: 1\nseverities:\n  - P0\n  - name: P1\n', 'postmortems/2026-11-20-a.md': pm('1', 'P1'), 'postmortems/2026-11-21-b.md': pm('2', 'SEV-1') });
    expect(lintRepo(root)).toEqual([{ path: 'postmortems/2026-11-21-b.md', reason: 'severity "SEV-1" is not in the severity scale (P0, P1)' }]);
    write({ 'designdesk.yml': 'format: 1\nseverities: {P0: now}\n' });
    expect(lintRepo(root)).toEqual([
      { path: 'designdesk.yml', reason: expect.stringContaining('severities:') },
      { path: 'postmortems/2026-11-20-a.md', reason: expect.stringContaining('severity "P1" is not in the severity scale (SEV-1, SEV-2, SEV-3, SEV-4)') },
    ]);
  });
});
