import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GitTransportError } from '../../../../src/main/sync/gitErrors';
import { FLUSH, pktLine } from '../../../../src/main/sync/pktLine';
import { ReceivePackAnswer, reportLines } from '../../../../src/main/sync/receivePackAnswer';
import { rawPackOf, UploadPackAnswer } from '../../../../src/main/sync/uploadPackAnswer';

const band = (n: number, data: string | Buffer): Buffer => pktLine(Buffer.concat([Buffer.from([n]), Buffer.from(data)]));
const PACK = Buffer.concat([Buffer.from('PACK'), Buffer.alloc(28, 1)]);
const upload = Buffer.concat([pktLine('NAK\n'), band(2, 'Counting objects: 3\n'), band(1, PACK.subarray(0, 10)), band(1, PACK.subarray(10)), FLUSH]);
const report = Buffer.concat([pktLine('unpack ok\n'), pktLine('ok refs/heads/main\n'), FLUSH]);
const receive = Buffer.concat([band(2, 'remote says hi\n'), band(1, report), FLUSH]);

function readUpload(data: Buffer, chunk = 7): Buffer {
  const a = new UploadPackAnswer();
  for (let at = 0; at < data.length; at += chunk) a.push(data.subarray(at, at + chunk));
  return a.end();
}

function readReceive(data: Buffer, chunk = 5): string[] {
  const a = new ReceivePackAnswer();
  for (let at = 0; at < data.length; at += chunk) a.push(data.subarray(at, at + chunk));
  return a.lines();
}

describe('fetch and push answers', () => {
  it('an upload-pack answer gives its pack, in any chunking; without side-band the raw pack follows the NAK', () => {
    expect(readUpload(upload)).toEqual(PACK);
    expect(readUpload(upload, 1)).toEqual(PACK);
    expect(rawPackOf(Buffer.concat([pktLine('NAK\n'), PACK]))).toEqual(PACK);
  });

  it('a receive-pack answer gives its report lines; a plain report too', () => {
    expect(readReceive(receive)).toEqual(['unpack ok', 'ok refs/heads/main']);
    expect(reportLines(report)).toEqual(['unpack ok', 'ok refs/heads/main']);
  });

  it('ERR before the pack, a missing closing flush, data after it are named', () => {
    expect(() => readUpload(pktLine('ERR upload-pack: not our ref\n'))).toThrow(/not our ref/);
    expect(() => readUpload(upload.subarray(0, upload.length - 4))).toThrow(/before its closing flush/);
    expect(() => readUpload(Buffer.concat([upload, band(1, 'more')]))).toThrow(/after the end/);
    expect(() => readReceive(receive.subarray(0, receive.length - 4))).toThrow(/before its closing flush/);
    expect(() => rawPackOf(pktLine('hello\n'))).toThrow(GitTransportError);
  });

  it('property: random, cut and flipped answers end in a result or our error class', () => {
    const ours = (f: () => unknown): void => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(GitTransportError);
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 800 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) => {
        const data = Buffer.from(bytes);
        ours(() => readUpload(data, chunk));
        ours(() => readReceive(data, chunk));
        ours(() => rawPackOf(data));
        ours(() => reportLines(data));
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(upload, receive), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 16 }), (valid, cut, flipAt, value, chunk) => {
        const data = Buffer.from(valid.subarray(0, cut % (valid.length + 1)));
        if (data.length) data[flipAt % data.length] = value;
        ours(() => (valid === upload ? readUpload(data, chunk) : readReceive(data, chunk)));
      }),
      { numRuns: 1500 },
    );
  });
});
