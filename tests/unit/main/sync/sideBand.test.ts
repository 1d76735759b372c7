import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GitTransportError } from '../../../../src/main/sync/gitErrors';
import { PktStream, pktLine } from '../../../../src/main/sync/pktLine';
import { sanitizeRemoteText, SideBandDemux } from '../../../../src/main/sync/sideBand';

const band = (n: number, text: string | Buffer): Buffer => pktLine(Buffer.concat([Buffer.from([n]), Buffer.from(text)]));

function demux(data: Buffer, onMessage?: (l: string) => void): SideBandDemux {
  const d = new SideBandDemux(onMessage);
  const stream = new PktStream();
  for (const p of stream.push(data)) d.packet(p);
  stream.end();
  d.flushPartial();
  return d;
}

describe('side-band', () => {
  it('splits data from messages; progress (CR) is shown but only LF lines are kept for an error', () => {
    const seen: string[] = [];
    const d = demux(Buffer.concat([band(2, 'Counting: 50%\rCounting: 100%\n'), band(1, 'PACK'), band(2, 'hook says'), band(2, ' hello\n'), band(1, 'data'), pktLine('')]), (l) => seen.push(l));
    expect(Buffer.concat(d.data).toString()).toBe('PACKdata');
    expect(seen).toEqual(['Counting: 50%', 'Counting: 100%', 'hook says hello']);
    expect(d.messages).toEqual(['Counting: 100%', 'hook says hello']);
  });

  it('band 3 is the server\'s fatal error, with the messages before it; an unknown band or an ERR packet is named', () => {
    expect(() => demux(Buffer.concat([band(2, 'policy: RFCs need a reviewer\n'), band(3, 'denied\n')]))).toThrow(GitTransportError);
    try {
      demux(Buffer.concat([band(2, 'policy: RFCs need a reviewer\n'), band(3, 'denied\n')]));
    } catch (e) {
      expect(e).toMatchObject({ reason: 'server-error', detail: 'denied\nremote: policy: RFCs need a reviewer' });
    }
    expect(() => demux(band(7, 'x'))).toThrow(/side-band channel 7/);
    expect(() => demux(pktLine('ERR upload-pack: not our ref'))).toThrow(/not our ref/);
  });

  it('sanitises escape sequences, control characters and bidi overrides', () => {
    expect(sanitizeRemoteText('\x1b[2J\x1b[Hok\x00\x07\u202egnp.exe\x9b')).toBe('ok???gnp.exe?');
    expect(sanitizeRemoteText('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });

  it('property: random packets end in data and messages or our error; messages are bounded and clean', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 5000 })), { maxLength: 40 }), (packets) => {
        const d = new SideBandDemux();
        try {
          for (const [b, bytes] of packets) d.packet({ kind: 'data', data: Buffer.concat([Buffer.from([b]), Buffer.from(bytes)]) });
          d.flushPartial();
        } catch (e) {
          expect(e).toBeInstanceOf(GitTransportError);
        }
        expect(d.messages.length).toBeLessThanOrEqual(40);
        for (const m of d.messages) {
          expect(m.length).toBeLessThanOrEqual(400);
          expect(m).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
