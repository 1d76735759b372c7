import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GIT_LIMITS, GitFormatError } from '../../../../src/main/sync/gitLimits';
import { ObjectBatch, treeContent } from '../../../../src/main/sync/gitObjects';
import { applyDelta, inflateExact, readPackEntryHeader } from '../../../../src/main/sync/gitPackReader';
import { indexPack } from '../../../../src/main/sync/packIndexer';
import { bombDelta, craftPack, deltaOf, objectId, varint, withChecksum, type CraftEntry } from '../../../support/craftPack';

// Every reader of pack bytes from a server (issue 13, items 5 and 7 and "parsers that cannot loop or
// over-read"): on random, truncated and mutated input each ends, with its result or a GitFormatError
// naming the cause, and never allocates past the object limit.

function endsCleanly<T>(parse: () => T): T | GitFormatError {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof GitFormatError)) throw e;
    expect(e.message).toMatch(/\S/);
    return e;
  }
}

const bytes = (max: number): fc.Arbitrary<Buffer> => fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b));
const mutations = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 });
function mutate(buf: Buffer, flips: readonly [number, number][], from = 0): Buffer {
  const out = Buffer.from(buf);
  if (out.length > from) for (const [at, value] of flips) out[from + (at % (out.length - from))] = value;
  return out;
}

describe('pack entry headers', () => {
  it('end inside the buffer or throw GitFormatError, on any bytes', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(bytes(40), fc.nat(40), (buf, at) => {
        const r = endsCleanly(() => readPackEntryHeader(buf, Math.min(at, buf.length), 12 + at));
        if (!(r instanceof GitFormatError)) {
          expect(r.dataStart).toBeGreaterThan(Math.min(at, buf.length));
          expect(r.dataStart).toBeLessThanOrEqual(buf.length);
          if (typeof r.base === 'number') expect(r.base).toBeGreaterThanOrEqual(12);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuse a size varint longer than 64 bits, a base at the entry itself or before the pack, an unknown type', () => {
    expect(() => readPackEntryHeader(Buffer.alloc(20, 0xff), 0, 12)).toThrow(/size longer than 64 bits/);
    expect(() => readPackEntryHeader(Buffer.from([0x60, 0x00]), 0, 100)).toThrow(/names a base at itself/);
    expect(() => readPackEntryHeader(Buffer.from([0x60, 0x7f]), 0, 100)).toThrow(/before the start of the pack/);
    expect(() => readPackEntryHeader(Buffer.from([0x50]), 0, 12)).toThrow(/unknown object type 5/);
    expect(() => readPackEntryHeader(Buffer.from([0x70, 1, 2]), 0, 12)).toThrow(/cut short/);
  });
});

describe('deltas', () => {
  it('rebuild the result from any base (a round trip of deltaOf)', () => {
    fc.assert(
      fc.property(bytes(300), bytes(300), (base, result) => {
        expect(applyDelta(base, deltaOf(base, result)).equals(result)).toBe(true);
      }),
    );
  });

  it('end on random, truncated and mutated deltas, never writing past the declared size', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(bytes(300), bytes(300), fc.nat(), mutations, bytes(64), (base, result, cut, flips, random) => {
        const delta = deltaOf(base, result);
        for (const d of [delta.subarray(0, cut % (delta.length + 1)), mutate(delta, flips), random]) {
          const r = endsCleanly(() => applyDelta(base, d));
          if (!(r instanceof GitFormatError)) expect(r.length).toBeLessThanOrEqual(GIT_LIMITS.objectBytes);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('check the declared sizes before allocating: a 1 GiB delta bomb, a base size that lies', () => {
    const base = Buffer.alloc(0x10000);
    expect(() => applyDelta(base, bombDelta(base.length, 1024 ** 3))).toThrow(expect.objectContaining({ reason: 'limit', limit: 'objectBytes' }));
    expect(() => applyDelta(base, bombDelta(base.length + 1, 0x20000))).toThrow(/for a base of 65537 bytes, but its base has 65536/);
    // A copy outside the base, an insert past the delta's end, a result longer or shorter than declared.
    expect(() => applyDelta(Buffer.alloc(4), Buffer.concat([varint(4), varint(8), Buffer.from([0x91, 2, 8])]))).toThrow(/copies bytes 2-10 of a base of 4/);
    expect(() => applyDelta(Buffer.alloc(4), Buffer.concat([varint(4), varint(8), Buffer.from([9, 1, 2])]))).toThrow(/runs past the end/);
    expect(() => applyDelta(Buffer.alloc(4), Buffer.concat([varint(4), varint(2), Buffer.from([0x90, 4])]))).toThrow(/more than its declared 2 bytes/);
    expect(() => applyDelta(Buffer.alloc(4), Buffer.concat([varint(4), varint(8), Buffer.from([0x90, 4])]))).toThrow(/writes 4 bytes, not its declared 8/);
    expect(() => applyDelta(Buffer.alloc(4), Buffer.concat([varint(4), varint(8), Buffer.from([0])]))).toThrow(/invalid instruction/);
    expect(() => applyDelta(Buffer.alloc(4), Buffer.alloc(12, 0xff))).toThrow(/longer than 10 bytes/);
  });
});

describe('inflating an entry', () => {
  it('stops as soon as the data passes its declared size (a blob declared as 10 bytes that inflates to 1 GiB)', () => {
    // 1 GiB of zeros, deflated in 1 MiB pieces: about 1 MB of stream, never 1 GiB in memory.
    const deflate = zlib.createDeflate({ level: 1 });
    const parts: Buffer[] = [];
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 1024; i++) {
      deflate.write(zeros);
      deflate.flush(zlib.constants.Z_NO_FLUSH);
    }
    deflate.end();
    let chunk: Buffer | null;
    return new Promise<void>((resolve) => {
      deflate.on('readable', () => {
        while ((chunk = deflate.read() as Buffer | null)) parts.push(chunk);
      });
      deflate.on('end', () => {
        const stream = Buffer.concat(parts);
        expect(stream.length).toBeLessThan(8 * 1024 * 1024);
        expect(() => inflateExact(stream, 10, 'blob x')).toThrow(/blob x declares 10 bytes but inflates to more/);
        expect(() => inflateExact(stream, 1024 ** 3, 'blob x')).toThrow(expect.objectContaining({ limit: 'objectBytes' }));
        resolve();
      });
    });
  }, 60_000);

  it('names a shorter result, cut data and corrupt data', () => {
    const stream = zlib.deflateSync(Buffer.from('hello world'));
    expect(inflateExact(Buffer.concat([stream, Buffer.from('next entry')]), 11, 'x')).toEqual({ content: Buffer.from('hello world'), consumed: stream.length });
    expect(() => inflateExact(stream, 20, 'x')).toThrow(/declares 20 bytes but inflates to 11/);
    expect(() => inflateExact(stream.subarray(0, 6), 11, 'x')).toThrow(/cut short/);
    expect(() => inflateExact(Buffer.from('not zlib'), 11, 'x')).toThrow(/corrupt compressed data/);
  });
});

/** A small history: blobs, a tree, a commit, and deltas of both kinds against earlier objects. */
function realisticPack(): { pack: Buffer; ids: string[] } {
  const v1 = Buffer.from('# RFC\n\nA design, first version, with enough words to delta.\n'.repeat(4));
  const v2 = Buffer.concat([v1, Buffer.from('A second paragraph.\n')]);
  const v3 = Buffer.concat([v2, Buffer.from('A third.\n')]);
  const tree = treeContent([{ mode: '100644', path: 'rfc.md', oid: objectId('blob', v3), type: 'blob' }]);
  const commit = Buffer.from(`tree ${objectId('tree', tree)}\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\nmsg\n`);
  const entries: CraftEntry[] = [
    { type: 'commit', content: commit },
    { type: 'tree', content: tree },
    { type: 'blob', content: v1 },
    { ofsDelta: 2, delta: deltaOf(v1, v2) },
    { refDelta: objectId('blob', v2), delta: deltaOf(v2, v3) },
  ];
  return { pack: craftPack(entries), ids: [commit, tree, v1, v2, v3].map((c, i) => objectId(['commit', 'tree', 'blob', 'blob', 'blob'][i]!, c)) };
}

describe('indexPack', () => {
  it('indexes a pack with both kinds of delta, giving every object its id', () => {
    const { pack, ids } = realisticPack();
    expect(indexPack(pack).objects.map((o) => o.oid.toString('hex'))).toEqual(ids);
    const batch = new ObjectBatch();
    for (let i = 0; i < 5; i++) batch.add('blob', Buffer.from(`doc ${i}\n`));
    const { chunks, count } = batch.pack();
    expect(indexPack(Buffer.concat(chunks)).objects).toHaveLength(count);
  });

  it('refuses a size lie, a delta bomb, a missing or looping base, a bad tree or commit, a bad checksum, naming each', () => {
    const blob = Buffer.from('hello');
    const base = Buffer.alloc(0x10000);
    const refused = (entries: CraftEntry[], cause: RegExp, options?: { count?: number }): void => {
      expect(() => indexPack(craftPack(entries, options))).toThrow(cause);
    };
    refused([{ type: 'blob', content: blob, declaredSize: 3 }], /declares 3 bytes but inflates to more/);
    refused([{ type: 'blob', content: blob, declaredSize: 9 }], /declares 9 bytes but inflates to 5/);
    refused([{ type: 'blob', content: base }, { ofsDelta: 0, delta: bombDelta(base.length, 1024 ** 3) }], /result of the delta at byte \d+ \(1024 MiB\) is over the limit of 16 MiB/);
    refused([{ type: 'blob', content: blob }, { refDelta: 'ab'.repeat(20), delta: deltaOf(blob, blob) }], /1 delta whose base is not in it/);
    // Two ref deltas each naming the other: neither ever resolves.
    const a = Buffer.from('a');
    refused(
      [
        { refDelta: objectId('blob', Buffer.from('b')), delta: deltaOf(Buffer.from('b'), a) },
        { refDelta: objectId('blob', a), delta: deltaOf(a, Buffer.from('b')) },
      ],
      /2 deltas whose base is not in it/,
    );
    refused([{ type: 'tree', content: Buffer.from('100644 no-nul') }], /tree [0-9a-f]{40}: the tree entry at byte 0 has a name with no end/);
    refused([{ type: 'commit', content: Buffer.from('not a commit') }], /commit [0-9a-f]{40}: the commit does not start with a "tree <id>" line/);
    refused([{ type: 'blob', content: blob }], /ends after 1 of its 2 objects/, { count: 2 });
    refused([{ type: 'blob', content: blob }], /over the limit of 1,000,000/, { count: 2_000_000 });
    const good = craftPack([{ type: 'blob', content: blob }]);
    const flipped = Buffer.from(good);
    flipped[14] = flipped[14]! ^ 1;
    expect(() => indexPack(flipped)).toThrow(/SHA-1 checksum does not match/);
    expect(() => indexPack(good.subarray(0, good.length - 3))).toThrow(/checksum does not match/);
    expect(() => indexPack(withChecksum(Buffer.concat([good.subarray(0, good.length - 20), Buffer.from('junk')])))).toThrow(/4 bytes after its last object/);
    expect(() => indexPack(Buffer.from('PACK'))).toThrow(/cut short/);
  });

  it('resolves a delta chain far longer than 64 without recursion', { timeout: 30_000 }, () => {
    const versions = [Buffer.from('line 0\n')];
    for (let i = 1; i <= 1000; i++) versions.push(Buffer.concat([versions[i - 1]!, Buffer.from(`line ${i}\n`)]));
    const entries: CraftEntry[] = [{ type: 'blob', content: versions[0]! }];
    for (let i = 1; i < versions.length; i++) entries.push({ ofsDelta: i - 1, delta: deltaOf(versions[i - 1]!, versions[i]!) });
    const { objects } = indexPack(craftPack(entries));
    expect(objects.at(-1)!.oid.toString('hex')).toBe(objectId('blob', versions.at(-1)!));
  });

  it('holds two objects at a time along a straight chain: 40 revisions of an 8 MiB file (320 MiB of bases) are indexed', { timeout: 60_000 }, () => {
    /** A delta copying the whole base in 64 KiB pieces, then inserting one byte. */
    const appendOne = (baseSize: number, byte: number): Buffer => {
      const parts = [varint(baseSize), varint(baseSize + 1)];
      for (let at = 0; at < baseSize; at += 0x10000) {
        const size = Math.min(0x10000, baseSize - at);
        const copy = Buffer.from([0x80 | 0x0f | 0x30, at & 0xff, (at >> 8) & 0xff, (at >> 16) & 0xff, (at >> 24) & 0xff, size & 0xff, (size >> 8) & 0xff]);
        parts.push(copy);
      }
      parts.push(Buffer.from([1, byte]));
      return Buffer.concat(parts);
    };
    const size = 8 * 1024 * 1024;
    const entries: CraftEntry[] = [{ type: 'blob', content: Buffer.alloc(size) }];
    for (let i = 1; i <= 40; i++) entries.push({ ofsDelta: i - 1, delta: appendOne(size + i - 1, i) });
    const { objects } = indexPack(craftPack(entries));
    const last = Buffer.concat([Buffer.alloc(size), Buffer.from(Array.from({ length: 40 }, (_, i) => i + 1))]);
    expect(objects.at(-1)!.oid.toString('hex')).toBe(objectId('blob', last));
  });

  it('ends on random, truncated and mutated packs (checksums fixed so the mutation reaches the parsers)', { timeout: 60_000 }, () => {
    const { pack } = realisticPack();
    const body = pack.subarray(0, pack.length - 20);
    fc.assert(
      fc.property(fc.nat(), mutations, bytes(200), (cut, flips, random) => {
        endsCleanly(() => indexPack(withChecksum(body.subarray(0, cut % (body.length + 1)))));
        endsCleanly(() => indexPack(withChecksum(mutate(body, flips, 8))));
        endsCleanly(() => indexPack(withChecksum(Buffer.concat([body.subarray(0, 12), random]))));
        endsCleanly(() => indexPack(random));
      }),
      { numRuns: 500 },
    );
  });
});
