import { describe, expect, it } from 'vitest';
import { detectFormat, toolFileReason } from '../../../../src/main/importExport/detect';
import { parseRustRfc } from '../../../../src/main/importExport/formats/rustRfc';
import { fixtureFile } from './fixtureFile';

describe('Rust RFC parser', () => {
  it('reads the header bullets, numbers from the file name, title from the file name, status approved (merged)', () => {
    const doc = parseRustRfc(fixtureFile('rust-rfc', 'text/0001-private-fields.md'));
    expect(doc).toMatchObject({ format: 'rust-rfc', kind: 'rfc', sourceNumber: 1, title: 'Private fields', status: 'approved', createdAt: '2014-03-11' });
    expect(doc.fields).toEqual({
      featureName: 'private_fields',
      rfcPr: '[rust-lang/rfcs#1](https://github.com/rust-lang/rfcs/pull/1)',
      rustIssue: '[rust-lang/rust#8122](https://github.com/rust-lang/rust/issues/8122)',
    });
    expect(doc.body).toBe('# Summary\n\nMake struct fields private by default.\n\n# Motivation\n\nEncapsulation should be the default.\n');
  });

  it('is detected from "- Feature Name:"; 0000-template.md is skipped', () => {
    expect(detectFormat(fixtureFile('rust-rfc', 'text/0016-more-attributes.md'))).toBe('rust-rfc');
    expect(toolFileReason(fixtureFile('rust-rfc', 'text/0000-template.md'))).toMatch(/template/);
  });

  it('keeps a Start Date it cannot read as text', () => {
    const doc = parseRustRfc({ path: 'text/0042-x.md', text: '- Feature Name: x\n- Start Date: sometime in May\n\n# Summary\n' });
    expect(doc.createdAt).toBeNull();
    expect(doc.fields.startDate).toBe('sometime in May');
  });
});
