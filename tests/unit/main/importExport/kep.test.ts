import { describe, expect, it } from 'vitest';
import { detectFormat, toolFileReason } from '../../../../src/main/importExport/detect';
import { parseKep } from '../../../../src/main/importExport/formats/kep';
import { fixtureFile } from './fixtureFile';

const kep = (dir: string) => fixtureFile('kep', `keps/${dir}/README.md`, true);

describe('KEP parser', () => {
  it('maps kep.yaml onto an RFC: number, title, authors, reviewers, approvers, status, creation date; keeps the rest', () => {
    const doc = parseKep(kep('sig-api/1234-server-side-apply'));
    expect(doc).toMatchObject({ format: 'kep', kind: 'rfc', sourceNumber: 1234, title: 'Server-side Apply', status: 'implemented', createdAt: '2018-03-28' });
    expect(doc.fields).toEqual({
      author: '@ada, @grace',
      authors: ['@ada', '@grace'],
      reviewers: ['@linus'],
      approvers: ['@margaret'],
      'owning-sig': 'sig-api',
      'participating-sigs': ['sig-cli'],
      'last-updated': '2021-05-04',
      stage: 'stable',
      'latest-milestone': 'v1.22',
    });
    expect(doc.body).toBe('## Summary\n\nMove `kubectl apply` merge logic to the API server.\n\n## Motivation\n\nClient-side apply loses fields set by other actors.\n');
  });

  it('maps provisional to draft; "replaced" becomes deprecated, the original kept; replaces / superseded-by become links', () => {
    const newer = parseKep(kep('sig-node/3456-sidecar-restarts'));
    expect(newer).toMatchObject({ sourceNumber: 3456, status: 'draft', flagged: false });
    expect(newer.links).toEqual([{ relation: 'supersedes', number: 2345, text: 'keps/sig-node/2345-pod-restart-policy' }]);
    const older = parseKep(kep('sig-node/2345-pod-restart-policy'));
    expect(older).toMatchObject({ status: 'deprecated', flagged: false, fields: { importedStatus: 'replaced' } });
    expect(older.links).toEqual([{ relation: 'supersededBy', number: 3456, text: 'keps/sig-node/3456-sidecar-restarts' }]);
  });

  it('is detected by its kep.yaml; the KEP template folder is skipped', () => {
    expect(detectFormat(kep('sig-api/1234-server-side-apply'))).toBe('kep');
    expect(toolFileReason(fixtureFile('kep', 'keps/NNNN-kep-template/README.md', true))).toMatch(/template/);
  });

  it('refuses a kep.yaml that is not YAML, and copes without one', () => {
    expect(() => parseKep({ path: 'keps/x/1-a/README.md', text: '# A\n', kepYaml: 'title: [broken' })).toThrow(/kep.yaml is not valid YAML/);
    const bare = parseKep({ path: 'keps/x/77-a/README.md', text: '# KEP-77: Bare\n\nText.\n' });
    expect(bare).toMatchObject({ title: 'Bare', sourceNumber: 77, status: 'draft' });
    expect(bare.notes).toContain('no kep.yaml beside README.md: metadata missing');
  });
});
