import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../../src/main/importExport/importedDoc';
import { decodeText, readSource } from '../../../../src/main/importExport/readSource';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('decodeText', () => {
  it('turns CRLF and lone CR into LF and drops a UTF-8 BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF# T\r\n\r\nA\rB\n', 'utf8'))).toEqual({ ok: true, text: '# T\n\nA\nB\n', notes: [] });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, with a note', () => {
    const r = decodeText(Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
    expect(r).toEqual({ ok: true, text: '# Café “q”', notes: ['not valid UTF-8: read as Windows-1252'] });
  });

  it('reads UTF-16 with a BOM', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Ü\n', 'utf16le')]));
    expect(r).toMatchObject({ ok: true, text: '# Ü\n' });
  });

  it('refuses binary content', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({ ok: false, reason: 'binary content, not a Markdown text' });
  });
});

describe('readSource', () => {
  it('refuses files that are not Markdown by name', () => {
    fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
    expect(readSource(path.join(dir, 'LICENSE'), 'LICENSE')).toEqual({ ok: false, reason: 'not a Markdown file (.md, .markdown, .mdx)' });
  });

  it(`refuses a file above ${MAX_IMPORT_FILE_BYTES} bytes with the size and the limit, without reading it`, () => {
    const big = path.join(dir, 'big.md');
    fs.writeFileSync(big, Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x61));
    const r = readSource(big, 'big.md');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(`too large: ${MAX_IMPORT_FILE_BYTES + 1} bytes, the import limit is ${MAX_IMPORT_FILE_BYTES} bytes per file (split or trim it)`);
  });

  it('reads a file of exactly the limit', () => {
    const edge = path.join(dir, 'edge.md');
    fs.writeFileSync(edge, Buffer.alloc(MAX_IMPORT_FILE_BYTES, 0x61));
    expect(readSource(edge, 'edge.md').ok).toBe(true);
  });
});
