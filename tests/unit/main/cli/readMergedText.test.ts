import { describe, expect, it } from 'vitest';
import { MAX_MERGED_CHARS, readMergedText } from '../../../../src/main/cli/commands/resolveCommand';
import type { CliIo } from '../../../../src/main/cli/context';

function io(stdin?: AsyncIterable<Uint8Array | string>): CliIo {
  return { stdout: () => {}, stderr: () => {}, env: {}, cwd: '/', platform: 'linux', home: '/', ...(stdin ? { stdin } : {}) };
}

describe('readMergedText from standard input', () => {
  it('stops an endless input at the limit with a message naming it', async () => {
    let chunks = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      const block = new Uint8Array(1 << 20).fill(0x61);
      for (;;) {
        chunks++;
        yield block;
      }
    }
    await expect(readMergedText(io(endless()), '-', 'standard input')).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining(`at most ${MAX_MERGED_CHARS} characters`) });
    expect(chunks).toBeLessThanOrEqual((MAX_MERGED_CHARS * 4) / (1 << 20) + 1);
  });

  it('decodes UTF-8 and UTF-16 with a BOM as an import does; refuses binary and a missing input', async () => {
    expect(await readMergedText(io((async function* () { yield 'caf'; yield Buffer.from('é\n'); })()), '-', 'standard input')).toBe('café\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Hi\n', 'utf16le')]);
    expect(await readMergedText(io((async function* () { yield utf16; })()), '-', 'standard input')).toBe('# Hi\n');
    await expect(readMergedText(io((async function* () { yield new Uint8Array([0, 1, 2, 0, 0, 0]); })()), '-', 'standard input')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^standard input: /) });
    await expect(readMergedText(io(), '-', 'standard input')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('--file FILE') });
  });
});
