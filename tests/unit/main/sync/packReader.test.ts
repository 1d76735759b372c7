import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitFormatError } from '../../../../src/main/sync/gitLimits';
import { packIndex } from '../../../../src/main/sync/gitObjects';
import { PackReader } from '../../../../src/main/sync/gitPackReader';
import { indexPack } from '../../../../src/main/sync/packIndexer';
import { craftPack, craftPackAt, deltaOf, objectId, withChecksum } from '../../../support/craftPack';

// PackReader reads packs already in the workspace: ones the fetch checked, and ones git or an older
// DesignDesk wrote. Whatever their bytes, a read ends with the object or a GitFormatError: chains are
// followed in a loop (no depth limit below git's), a loop of deltas is named, a cut or mutated entry too.

let gitdir: string;
beforeEach(() => {
  gitdir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-packreader-'));
  fs.mkdirSync(path.join(gitdir, 'objects', 'pack'), { recursive: true });
});
afterEach(() => fs.rmSync(gitdir, { recursive: true, force: true }));

/** Writes a pack and an index giving `ids` at `offsets` (as a broken or hostile writer might), returns a fresh reader. */
function store(pack: Buffer, entries: { oid: string; offset: number }[]): PackReader {
  const dir = path.join(gitdir, 'objects', 'pack');
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
  const sum = pack.subarray(pack.length - 20);
  fs.writeFileSync(path.join(dir, 'pack-test.pack'), pack);
  fs.writeFileSync(path.join(dir, 'pack-test.idx'), packIndex(entries.map((e) => ({ oid: Buffer.from(e.oid, 'hex'), crc: 0, offset: e.offset })), sum));
  return new PackReader(gitdir);
}

describe('PackReader', () => {
  it('reads the end of a 1,500-deep chain, and the objects along it from its cache', { timeout: 30_000 }, () => {
    const versions = [Buffer.from('v0\n')];
    for (let i = 1; i <= 1500; i++) versions.push(Buffer.concat([versions[i - 1]!, Buffer.from(`v${i}\n`)]));
    const pack = craftPack(versions.map((v, i) => (i === 0 ? { type: 'blob' as const, content: v } : { ofsDelta: i - 1, delta: deltaOf(versions[i - 1]!, v) })));
    const { objects } = indexPack(pack);
    const reader = store(pack, objects.map((o) => ({ oid: o.oid.toString('hex'), offset: o.offset })));
    expect(reader.read(objectId('blob', versions[1500]!))?.content.equals(versions[1500]!)).toBe(true);
    expect(reader.read(objectId('blob', versions[1499]!))?.content.equals(versions[1499]!)).toBe(true);
    expect(reader.has(objectId('blob', versions[17]!))).toBe(true);
    expect(reader.has('00'.repeat(20))).toBe(false);
  });

  it('names a loop of ref deltas in a stored pack instead of following it forever (the fetch refuses such a pack)', () => {
    const a = Buffer.from('a');
    const b = Buffer.from('b');
    const [idA, idB] = [objectId('blob', a), objectId('blob', b)];
    const { pack, offsets } = craftPackAt([
      { refDelta: idB, delta: deltaOf(b, a) },
      { refDelta: idA, delta: deltaOf(a, b) },
    ]);
    expect(() => indexPack(pack)).toThrow(/2 deltas whose base is not in it/);
    const reader = store(pack, [
      { oid: idA, offset: offsets[0]! },
      { oid: idB, offset: offsets[1]! },
    ]);
    expect(() => reader.read(idA)).toThrow(/the delta chain at byte \d+ of pack-test.pack loops/);
  });

  it('ends on mutated and cut stored packs with the object or a GitFormatError', { timeout: 60_000 }, () => {
    const v1 = Buffer.from('A design document, first version.\n'.repeat(8));
    const v2 = Buffer.concat([v1, Buffer.from('Second.\n')]);
    const v3 = Buffer.concat([v2, Buffer.from('Third.\n')]);
    const pack = craftPack([
      { type: 'blob', content: v1 },
      { ofsDelta: 0, delta: deltaOf(v1, v2) },
      { refDelta: objectId('blob', v2), delta: deltaOf(v2, v3) },
    ]);
    const entries = indexPack(pack).objects.map((o) => ({ oid: o.oid.toString('hex'), offset: o.offset }));
    const body = pack.subarray(0, pack.length - 20);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat(), (flips, cut) => {
        const mutated = Buffer.from(body);
        for (const [at, value] of flips) mutated[12 + (at % (mutated.length - 12))] = value;
        for (const candidate of [withChecksum(mutated), withChecksum(body.subarray(0, 12 + (cut % (body.length - 12))))]) {
          const reader = store(candidate, entries);
          for (const { oid } of entries) {
            try {
              reader.read(oid);
            } catch (e) {
              expect(e).toBeInstanceOf(GitFormatError);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
