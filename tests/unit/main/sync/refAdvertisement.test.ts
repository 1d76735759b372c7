import fc from 'fast-check';
import { Errors } from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { GitTransportError } from '../../../../src/main/sync/gitErrors';
import { requestCapabilities } from '../../../../src/main/sync/gitHttp';
import { FLUSH, pktLine } from '../../../../src/main/sync/pktLine';
import { parseRefAdvertisement } from '../../../../src/main/sync/refAdvertisement';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const service = 'git-upload-pack' as const;
const header = [pktLine(`# service=${service}\n`), FLUSH];
const valid = Buffer.concat([...header, pktLine(`${A} HEAD\0side-band-64k ofs-delta agent=git/2.39\n`), pktLine(`${A} refs/heads/main\n`), pktLine(`${B} refs/tags/v1\n`), FLUSH]);

function failure(body: Buffer): unknown {
  try {
    parseRefAdvertisement(body, service);
  } catch (e) {
    return e;
  }
  return null;
}

describe('ref advertisement', () => {
  it('reads refs and capabilities', () => {
    const ad = parseRefAdvertisement(valid, service);
    expect(Object.fromEntries(ad.refs)).toEqual({ HEAD: A, 'refs/heads/main': A, 'refs/tags/v1': B });
    expect([...ad.capabilities]).toEqual(['side-band-64k', 'ofs-delta', 'agent=git/2.39']);
  });

  it('an empty repository: no refs (both the old form and the no-refs capabilities^{} form)', () => {
    expect(parseRefAdvertisement(Buffer.concat([...header, FLUSH]), service).refs.size).toBe(0);
    const noRefs = parseRefAdvertisement(Buffer.concat([...header, pktLine(`${'0'.repeat(40)} capabilities^{}\0report-status\n`), FLUSH]), service);
    expect(noRefs.refs.size).toBe(0);
    expect(noRefs.capabilities.has('report-status')).toBe(true);
  });

  it('an ERR line is the server\'s error with its text (sanitised), never an empty repository', () => {
    const e = failure(Buffer.concat([...header, pktLine('ERR access denied: \x1b[31mno\x1b[0m repo\x07\n')]));
    expect(e).toBeInstanceOf(GitTransportError);
    expect(e).toMatchObject({ reason: 'server-error', detail: 'access denied: no repo?' });
    expect(failure(pktLine('ERR Repository not found\n'))).toMatchObject({ reason: 'server-error', detail: 'Repository not found' });
  });

  it('protocol v2 answers are named, with or without the service line', () => {
    expect(failure(Buffer.concat([...header, pktLine('version 2\n'), pktLine('ls-refs\n'), FLUSH]))).toMatchObject({ reason: 'protocol-v2' });
    expect(failure(Buffer.concat([pktLine('version 2\n'), pktLine('fetch=shallow\n'), FLUSH]))).toMatchObject({ reason: 'protocol-v2' });
  });

  it('a list that stops before its closing flush is truncated; a bad line is malformed; a web page is not a git server', () => {
    expect(failure(valid.subarray(0, valid.length - 4))).toMatchObject({ reason: 'truncated' });
    expect(failure(Buffer.concat(header))).toMatchObject({ reason: 'truncated' });
    expect(failure(Buffer.concat([...header, pktLine('nonsense\n'), FLUSH]))).toMatchObject({ reason: 'malformed' });
    expect(failure(Buffer.concat([...header, pktLine(`${A} refs/heads/main\n`), pktLine(`${A} refs/heads/x\0caps\n`), FLUSH]))).toMatchObject({ reason: 'malformed' });
    expect(failure(Buffer.from('<!DOCTYPE html><html></html>'))).toBeInstanceOf(Errors.SmartHttpError);
    expect(failure(Buffer.concat([pktLine('# service=git-receive-pack\n'), FLUSH, FLUSH]))).toBeInstanceOf(Errors.SmartHttpError);
  });

  it('property: random bytes and cut or flipped valid answers end in a result or one of our errors', () => {
    const ours = (e: unknown): boolean => e instanceof GitTransportError || e instanceof Errors.SmartHttpError;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const e = failure(Buffer.from(bytes));
        expect(e === null || ours(e)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (cut, flipAt, value) => {
        const body = Buffer.from(valid.subarray(0, cut % (valid.length + 1)));
        if (body.length) body[flipAt % body.length] = value;
        const e = failure(body);
        expect(e === null || ours(e)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('only advertised capabilities are asked for: agent= goes out only when the server sent one', () => {
    const wanted = ['side-band-64k', 'ofs-delta', 'no-progress', 'agent=designdesk'];
    expect(requestCapabilities(wanted, new Set(['ofs-delta', 'side-band-64k']))).toEqual(['side-band-64k', 'ofs-delta']);
    expect(requestCapabilities(wanted, new Set(['agent=git/2.39', 'no-progress']))).toEqual(['no-progress', 'agent=designdesk']);
  });
});
