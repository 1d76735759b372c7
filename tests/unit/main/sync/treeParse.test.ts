import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GitFormatError } from '../../../../src/main/sync/gitLimits';
import { commitContent, treeContent, type TreeItem } from '../../../../src/main/sync/gitObjects';
import { parseCommit, parseLooseObject, parseTree } from '../../../../src/main/sync/gitPackReader';

// Trees and commits come from the server (a teammate's push, or a hostile host): the parsers must end on any
// bytes, either with the entries or with a GitFormatError naming where the bytes break (issue 13, item 3).

const hex40 = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => Buffer.from(b).toString('hex'));
const name = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => !s.includes('\0'));
const entry = fc.record({
  mode: fc.constantFrom('100644', '100755', '040000', '120000', '160000'),
  path: name,
  oid: hex40,
}).map((e): TreeItem => ({ ...e, type: e.mode === '040000' ? 'tree' : e.mode === '160000' ? 'commit' : 'blob' }));
const entries = fc.uniqueArray(entry, { selector: (e) => e.path, maxLength: 20 });

/** Either the parser's answer, or its GitFormatError: anything else thrown fails the property. */
function endsCleanly<T>(parse: () => T): T | GitFormatError {
  try {
    return parse();
  } catch (e) {
    expect(e).toBeInstanceOf(GitFormatError);
    expect((e as GitFormatError).message).toMatch(/\S/);
    return e as GitFormatError;
  }
}

describe('parseTree', () => {
  it('reads back every tree git would write, modes as isomorphic-git gives them', () => {
    fc.assert(
      fc.property(entries, (es) => {
        const parsed = parseTree(treeContent(es));
        expect(parsed.map((e) => e.path).sort()).toEqual(es.map((e) => e.path).sort());
        for (const e of es) expect(parsed.find((p) => p.path === e.path)).toEqual(e);
      }),
    );
  });

  it('refuses, naming the cause, a tree that ends without a space or a NUL (the app froze on it, then ran out of memory)', () => {
    expect(() => parseTree(Buffer.from('100644 no-nul-here'))).toThrow(/byte 0 has a name with no end/);
    expect(() => parseTree(Buffer.from('garbage without a space'))).toThrow(GitFormatError);
    expect(() => parseTree(Buffer.from('100644'))).toThrow(/no mode followed by a space/);
    const good = treeContent([{ mode: '100644', path: 'a.md', oid: 'ab'.repeat(20), type: 'blob' }]);
    expect(() => parseTree(Buffer.concat([good, Buffer.from('100644 b.md\0short')]))).toThrow(/byte 32 has its 20-byte object id cut short/);
    expect(() => parseTree(Buffer.from(`100644 \0${'x'.repeat(20)}`))).toThrow(/empty name/);
    expect(() => parseTree(Buffer.from(`10x644 a\0${'x'.repeat(20)}`))).toThrow(/invalid mode "10x644"/);
  });

  it('ends on random bytes with entries or a GitFormatError', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void endsCleanly(() => parseTree(Buffer.from(bytes)))), { numRuns: 2000 });
  });

  it('ends on truncated and mutated real trees', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), (es, cut, flips) => {
        const bytes = Buffer.from(treeContent(es));
        const truncated = bytes.subarray(0, bytes.length ? cut % (bytes.length + 1) : 0);
        const r = endsCleanly(() => parseTree(truncated));
        if (!(r instanceof GitFormatError)) expect(r.length).toBeLessThanOrEqual(es.length);
        for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
        endsCleanly(() => parseTree(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseCommit', () => {
  const who = { name: 'Ada', email: 'ada@example.com', timestamp: 1_800_000_000 };

  it('reads the tree and parents of commits as they are written', () => {
    fc.assert(
      fc.property(hex40, fc.array(hex40, { maxLength: 3 }), fc.string(), (tree, parents, message) => {
        expect(parseCommit(commitContent(tree, parents, who, who, message))).toEqual({ tree, parents });
      }),
    );
  });

  it('refuses a commit without a tree line or with a broken parent line, naming it', () => {
    expect(() => parseCommit(Buffer.from('author A <a@x> 1 +0000\n\nmsg\n'))).toThrow(/does not start with a "tree <id>" line/);
    expect(() => parseCommit(Buffer.from(`tree ${'a'.repeat(40)}\nparent xyz\n\nmsg\n`))).toThrow(/parent line 1/);
    expect(() => parseCommit(Buffer.alloc(0))).toThrow(GitFormatError);
  });

  it('ends on random, truncated and mutated commits', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void endsCleanly(() => parseCommit(Buffer.from(bytes)))), { numRuns: 2000 });
    fc.assert(
      fc.property(hex40, fc.array(hex40, { maxLength: 2 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (tree, parents, cut, at, value) => {
        const bytes = Buffer.from(commitContent(tree, parents, who, who, 'Publish\n'));
        endsCleanly(() => parseCommit(bytes.subarray(0, cut % (bytes.length + 1))));
        bytes[at % bytes.length] = value;
        endsCleanly(() => parseCommit(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseLooseObject', () => {
  const loose = (header: string, content: Buffer): Buffer => zlib.deflateSync(Buffer.concat([Buffer.from(header, 'latin1'), content]));

  it('reads a loose object, and refuses a wrong size, an unknown type or corrupt data', () => {
    expect(parseLooseObject(loose('blob 5\0', Buffer.from('hello')), 'x')).toEqual({ type: 'blob', content: Buffer.from('hello') });
    expect(() => parseLooseObject(loose('blob 10\0', Buffer.from('hello')), 'x')).toThrow(/declares 10 bytes but holds 5/);
    expect(() => parseLooseObject(loose('thing 5\0', Buffer.from('hello')), 'x')).toThrow(/no valid "type size" header/);
    expect(() => parseLooseObject(Buffer.from('not zlib'), 'x')).toThrow(/corrupt compressed data/);
  });

  it('stops inflating at the object limit (a 64 MiB zero blob deflates to 64 KB)', () => {
    const bomb = zlib.deflateSync(Buffer.concat([Buffer.from('blob 67108864\0'), Buffer.alloc(64 * 1024 * 1024)]), { level: 1 });
    expect(() => parseLooseObject(bomb, 'x')).toThrow(expect.objectContaining({ reason: 'limit', limit: 'objectBytes' }));
  });

  it('ends on random and mutated loose objects', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (content, at, value) => {
        const bytes = Buffer.from(loose(`blob ${content.length}\0`, Buffer.from(content)));
        bytes[at % bytes.length] = value;
        endsCleanly(() => parseLooseObject(bytes, 'x'));
        endsCleanly(() => parseLooseObject(Buffer.from(content), 'x'));
      }),
      { numRuns: 300 },
    );
  });
});
