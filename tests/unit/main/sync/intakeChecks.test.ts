import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimezone } from '../../../../src/main/sync/gitObjects';
import { isLfsPointer, lfsRuleFor, readLfsRules } from '../../../../src/main/sync/gitLfs';
import { commitMessage } from '../../../../src/main/sync/syncEngine';
import { classifyEntry, isDotGitLookalike, nameProblem } from '../../../../src/main/sync/treeEntryCheck';
import type { SyncChange } from '../../../../src/shared/contract/sync';
import { MAX_DOCUMENT_FILE_BYTES, readDocumentFile } from '../../../../src/shared/format/documentChecks';
import { printablePath, printableText } from '../../../../src/shared/format/printable';

describe('tree entry names and modes', () => {
  it('skips what git fsck flags and what is not a regular file', () => {
    for (const name of ['..', '.', '', 'a/b', 'a\\b', 'x\u001b[2J', 'x\u009b', 'x\u007f', 'x\n', '.git', '.GIT', '.Git', '.git.', '.git ', '.git. .', '.git::$INDEX_ALLOCATION', 'git~1', 'GIT~1', '.g\u200cit', '\ufeff.git', '.gi\u200dt']) {
      expect(nameProblem(name), JSON.stringify(name)).not.toBeNull();
    }
    for (const name of ['0001-x.md', '.gitkeep', '.gitattributes', '.github', 'git', '..md', '...', 'a..b.md', 'Ünïcode.md', 'x y.md']) {
      expect(nameProblem(name), name).toBeNull();
    }
    expect(isDotGitLookalike('.gitmodules')).toBe(false);
    expect(classifyEntry('0001-x.md', '100644')).toEqual({ type: 'file' });
    expect(classifyEntry('0001-x.md', '100755')).toEqual({ type: 'file' });
    expect(classifyEntry('rfcs', '40000')).toEqual({ type: 'folder' });
    expect(classifyEntry('rfcs', '040000')).toEqual({ type: 'folder' });
    expect(classifyEntry('x.md', '120000')).toMatchObject({ type: 'skip', reason: expect.stringContaining('symbolic link') });
    expect(classifyEntry('x.md', '160000')).toMatchObject({ type: 'skip', reason: expect.stringContaining('submodule') });
    expect(classifyEntry('x.md', '100600')).toMatchObject({ type: 'skip', reason: 'skipped: an entry of unknown mode 100600' });
  });

  it('property: any name and mode classifies without throwing; a name kept is a safe path component', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('100644', '100755', '40000', '120000', '160000', '0', 'zzz'), (name, mode) => {
        const c = classifyEntry(name, mode);
        if (c.type !== 'skip') {
          expect(name === '' || name === '.' || name === '..' || name.includes('/') || /[\u0000-\u001f\u007f-\u009f]/.test(name)).toBe(false);
          expect(isDotGitLookalike(name)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('printable paths and text', () => {
  it('escapes every control character and doubles a backslash', () => {
    expect(printablePath('rfcs/\u001b[2Jx\\y\u009b.md')).toBe('rfcs/\\x1b[2Jx\\\\y\\x9b.md');
    expect(printableText('a\tb\nc\u001b[31m\u0007')).toBe('a\tb\nc\\x1b[31m\\x07');
  });

  it('property: nothing printable holds a control character (but tab and newline in text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        expect(printablePath(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(printableText(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
    );
  });
});

describe('Git LFS', () => {
  const POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

  it('recognises a pointer file and nothing else', () => {
    expect(isLfsPointer(POINTER)).toBe(true);
    expect(isLfsPointer(POINTER.replace('size 12345', 'size x'))).toBe(false);
    expect(isLfsPointer(`---\ntitle: x\n---\n${POINTER}`)).toBe(false);
    expect(isLfsPointer(POINTER + 'x'.repeat(1024))).toBe(false);
  });

  it('reads filter=lfs rules as git matches them (last line wins, folders relative)', () => {
    const top = readLfsRules('', '# LFS\n*.md filter=lfs diff=lfs merge=lfs -text\nREADME.md -filter\n*.pdf filter=lfs\n');
    const sub = readLfsRules('rfcs', '0001-*.md filter=lfs\n');
    expect(lfsRuleFor('rfcs/0001-x.md', top)?.pattern).toBe('*.md');
    expect(lfsRuleFor('README.md', top)).toBeNull();
    expect(lfsRuleFor('adrs/0001-x.md', sub)).toBeNull();
    expect(lfsRuleFor('rfcs/0001-x.md', sub)?.dir).toBe('rfcs');
    expect(lfsRuleFor('rfcs/0002-x.md', readLfsRules('', 'rfcs/**/*.md filter=lfs\n'))?.pattern).toBe('rfcs/**/*.md');
    expect(lfsRuleFor('adrs/0002-x.md', readLfsRules('', 'rfcs/*.md filter=lfs\n'))).toBeNull();
  });

  it('matches a hostile pattern in linear time (a table, not a backtracking regular expression)', () => {
    const rules = readLfsRules('', `${'*a'.repeat(200)}b filter=lfs\n${'**/'.repeat(100)}*.md filter=lfs\n`);
    expect(lfsRuleFor(`rfcs/${'a'.repeat(400)}`, rules)).toBeNull();
    expect(lfsRuleFor(`rfcs/${'a/'.repeat(50)}x.md`, rules)?.pattern).toBe(`${'**/'.repeat(100)}*.md`);
  });

  it('property: any .gitattributes text and path give a rule or null, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 30 }), (text, path) => {
        const rules = readLfsRules('', `${text}\n${text.replace(/\n/g, ' ')} filter=lfs\n`);
        const r = lfsRuleFor(path, rules);
        expect(r === null || typeof r.pattern === 'string').toBe(true);
        expect(typeof isLfsPointer(text)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('document files from the team repository', () => {
  it('refuses a file over the size cap before parsing it', () => {
    const r = readDocumentFile('rfcs/0001-x.md', `---\nref: RFC-1\n---\n# X\n\n${'é'.repeat(MAX_DOCUMENT_FILE_BYTES / 2)}`);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^the file is \d+ bytes; a document file is at most 5242880 bytes$/) });
  });

  it('refuses what the API refuses: a number past 999999, a long title, a long status', () => {
    expect(readDocumentFile('rfcs/x.md', '---\nnumber: 1e308\n---\n# X\n')).toEqual({ ok: false, reason: 'number: a document number is at most 999999' });
    expect(readDocumentFile('rfcs/x.md', '---\nnumber: 1000000\n---\n# X\n')).toEqual({ ok: false, reason: 'number: a document number is at most 999999' });
    expect(readDocumentFile('rfcs/x.md', `---\nstatus: ${'s'.repeat(41)}\n---\n# X\n`)).toEqual({ ok: false, reason: 'status: at most 40 characters' });
    expect(readDocumentFile('rfcs/x.md', '---\nnumber: 999999\n---\n# X\n')).toMatchObject({ ok: true, doc: { number: 999999 } });
  });

  it('property: any text gives a document or a reason, never a throw', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.tuple(fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 })).map(([fm, body]) => `---\n${fm}\n---\n# T\n${body}`),
      fc.dictionary(fc.constantFrom('ref', 'number', 'id', 'status', 'author', 'reviewers', 'x'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }).map((o) => `---\n${JSON.stringify(o)}\n---\n# T\n`),
    );
    fc.assert(
      fc.property(fc.constantFrom('rfcs/0001-a.md', 'adrs/x.md', 'decisions/0002-d.md', 'postmortems/2026-01-01-p.md'), text, (path, t) => {
        const r = readDocumentFile(path, t);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('commits', () => {
  it("write git's time-zone field from the user's offset", () => {
    expect([formatTimezone(0), formatTimezone(-0), formatTimezone(-120), formatTimezone(300), formatTimezone(-330), formatTimezone(-345)]).toEqual(['+0000', '+0000', '+0200', '-0500', '+0530', '+0545']);
  });

  const change = (action: SyncChange['action'], ref: string, title: string, path: string): SyncChange => ({ direction: 'out', action, ref, title, path });

  it('does not count a renumber as a second document', () => {
    const msg = commitMessage([change('added', 'RFC-3', 'Bob idea', 'rfcs/0003-bob-idea.md'), change('renumbered', 'RFC-3', 'Bob idea (was RFC-2)', 'rfcs/0003-bob-idea.md')], false);
    expect(msg.split('\n')[0]).toBe('Add RFC-3: Bob idea');
    expect(msg).toContain('Renumber RFC-3 Bob idea (was RFC-2) (rfcs/0003-bob-idea.md)');
  });

  it('names a commit that only writes ids back for what it does', () => {
    const msg = commitMessage([{ direction: 'in', action: 'added', ref: 'RFC-10', title: 'Hand made', path: 'rfcs/0010-hand-made.md' }], false, new Map([['rfcs/0010-hand-made.md', 'a'.repeat(40)]]));
    expect(msg).toBe('DesignDesk: write ids and numbers into 1 file\n\nWrite back the id and number of rfcs/0010-hand-made.md\n');
    expect(commitMessage([], true).split('\n')[0]).toBe('DesignDesk: set up the team repository');
  });
});
