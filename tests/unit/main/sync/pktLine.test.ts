import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GitTransportError } from '../../../../src/main/sync/gitErrors';
import { FLUSH, MAX_PKT_LENGTH, parsePktLines, pktLine, PktReader, PktStream, type Packet } from '../../../../src/main/sync/pktLine';

const lines = fc.array(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((a) => pktLine(Buffer.from(a))), fc.constant(FLUSH)), { maxLength: 20 });

function readAll(data: Buffer): Packet[] {
  const reader = new PktReader(data);
  const out: Packet[] = [];
  for (let p = reader.next(); p; p = reader.next()) out.push(p);
  return out;
}

describe('pkt-lines', () => {
  it('reads what it wrote: data lines, flush, delimiter and response end', () => {
    const data = Buffer.concat([pktLine('hello\n'), FLUSH, Buffer.from('0001'), Buffer.from('0002'), pktLine('')]);
    expect(readAll(data).map((p) => (p.kind === 'data' ? p.data.toString() : p.kind))).toEqual(['hello\n', 'flush', 'delim', 'response-end', '']);
  });

  it('names a length that is not hex, a length of 3 or over 65520, and an answer cut inside a line', () => {
    expect(() => parsePktLines(Buffer.from('00zzabc'))).toThrow(/not four hex digits/);
    expect(() => parsePktLines(Buffer.from('0003'))).toThrow(/length of 3/);
    expect(() => parsePktLines(Buffer.from('fff5'))).toThrow(/length of 65525/);
    expect(() => parsePktLines(Buffer.from('000ahel'))).toThrow(GitTransportError);
    expect(() => parsePktLines(Buffer.from('00'))).toThrow(/ends inside a pkt-line length/);
    // parseInt would have read "0 1x" as 0: every digit is checked.
    expect(() => parsePktLines(Buffer.from('0 1x'))).toThrow(/not four hex/);
    expect(() => pktLine(Buffer.alloc(MAX_PKT_LENGTH))).toThrow(RangeError);
  });

  it('property: random bytes end in packets or our error, never a loop, never more bytes than given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const data = Buffer.from(bytes);
        try {
          const packets = readAll(data);
          expect(packets.length).toBeLessThanOrEqual(data.length / 4);
          expect(packets.reduce((n, p) => n + (p.kind === 'data' ? p.data.length : 0), 0)).toBeLessThanOrEqual(data.length);
        } catch (e) {
          expect(e).toBeInstanceOf(GitTransportError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a valid stream cut anywhere is read whole or refused as truncated, never misread', () => {
    fc.assert(
      fc.property(lines, fc.nat(), (ls, cutAt) => {
        const data = Buffer.concat(ls);
        const cut = data.length ? cutAt % (data.length + 1) : 0;
        let boundary = 0;
        const ends = new Set([0]);
        for (const l of ls) ends.add((boundary += l.length));
        try {
          const packets = readAll(data.subarray(0, cut));
          expect(ends.has(cut)).toBe(true);
          expect(packets.length).toBe([...ends].filter((e) => e > 0 && e <= cut).length);
        } catch (e) {
          expect(e).toBeInstanceOf(GitTransportError);
          expect((e as GitTransportError).reason).toBe('truncated');
          expect(ends.has(cut)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a stream split into any chunks gives the same packets, and holds at most one unfinished packet', () => {
    fc.assert(
      fc.property(lines, fc.array(fc.nat({ max: 400 }), { maxLength: 30 }), (ls, sizes) => {
        const data = Buffer.concat(ls);
        const stream = new PktStream();
        const got: Packet[] = [];
        let at = 0;
        for (const s of [...sizes, data.length]) {
          const chunk = data.subarray(at, at + s);
          at += chunk.length;
          got.push(...stream.push(chunk));
          expect((stream as unknown as { pending: Buffer }).pending.length).toBeLessThan(MAX_PKT_LENGTH);
        }
        stream.end();
        expect(got).toEqual(readAll(data));
      }),
      { numRuns: 500 },
    );
  });

  it('a stream that ends inside a packet is truncated', () => {
    const stream = new PktStream();
    stream.push(Buffer.from('000ahe'));
    expect(() => stream.end()).toThrow(/ends inside a pkt-line/);
  });
});
