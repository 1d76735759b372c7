import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_MENU_ITEMS } from '../../../../src/main/electron/menu';
import { toolFileReason } from '../../../../src/main/importExport/detect';
import { openDatabase, type Db } from '../../../../src/main/store/openDatabase';
import { buildCommands, MENU_TO_COMMAND, type CommandContext } from '../../../../src/renderer/commands';
import { DOC_KINDS, displayRef, KINDS, parseDisplayRef, type DocKind } from '../../../../src/shared/kinds/kinds';
import { findRefs } from '../../../../src/shared/links/refs';
import { MENU_COMMAND_IDS } from '../../../../src/shared/menuCommands';
import { ReviewPolicySchema } from '../../../../src/shared/reviews/schemas';
import { parseRefQuery } from '../../../../src/shared/search/ftsQuery';

// Issue 17 item 2: the KINDS table in src/shared/kinds/kinds.ts is the one
// list of kinds. Every kind is walked through every table built from it, and
// no prefix outside it is accepted anywhere. Migrations are history and keep
// their literal SQL CHECK, so the live schema is compared with DOC_KINDS:
// adding a kind without a migration fails here.

let dir: string;
let db: Db;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designdesk-kinds-'));
  db = openDatabase(path.join(dir, 'kinds.sqlite'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ctx: CommandContext = {
  create: () => {},
  go: () => {},
  quickOpen: () => {},
  search: () => {},
  save: () => {},
  syncNow: () => {},
  showShortcuts: () => {},
  setTheme: () => {},
  askRemoveSamples: () => {},
  theme: 'system',
  hasSamples: false,
};

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const ownFile = (ref: string) => ({ path: 'docs/x.md', text: `---\nid: ${ID}\nref: ${ref}\n---\n# X\n` });
const OWN_FILE_REASON = /DesignDesk team-repo file/;

let nextNumber = 1;
function insertDoc(kind: string): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO documents (id, kind, number, title, status, created_at, updated_at, created_by_name, created_by_email)
     VALUES (?, ?, ?, 'T', 'draft', ?, ?, 'Ada', 'ada@example.test')`,
  ).run(`01ARZ3NDEKTSV4RRFFQ69G${String(nextNumber).padStart(4, '0')}`, kind, nextNumber++, now, now);
}

describe.each(DOC_KINDS.map((k) => [k] as [DocKind]))('kind %s', (kind) => {
  const { prefix } = KINDS[kind];

  it('round-trips its display reference, in any case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), (n) => {
        expect(parseDisplayRef(displayRef(kind, n))).toEqual({ kind, number: n });
        expect(parseDisplayRef(displayRef(kind, n).toLowerCase())).toEqual({ kind, number: n });
      }),
    );
  });

  it('is found as a reference in text and as a ref query in search', () => {
    expect(findRefs(`see ${prefix}-7 here`)).toEqual([{ kind, number: 7, text: `${prefix}-7`, index: 4 }]);
    expect(parseRefQuery(`${prefix.toLowerCase()} 7`)).toEqual({ kind, number: 7 });
    expect(parseRefQuery(`${kind} 7`)).toEqual({ kind, number: 7 });
  });

  it('is recognised by the import detector as our own file', () => {
    expect(toolFileReason(ownFile(`${prefix}-3`))).toMatch(OWN_FILE_REASON);
  });

  it('has an entry in the review policy schemas', () => {
    expect(ReviewPolicySchema.parse({ minApprovals: { [kind]: 2 }, finalCommentPeriodDays: { [kind]: 5 } })).toMatchObject({
      minApprovals: { [kind]: 2 },
      finalCommentPeriodDays: { [kind]: 5 },
    });
  });

  it('has a "New" command in the menu, the palette and the menu-to-palette map', () => {
    const id = `new-${kind}` as const;
    expect(MENU_COMMAND_IDS).toContain(id);
    expect(APP_MENU_ITEMS.find((i) => i.id === id)?.label.toLowerCase()).toBe(`new ${KINDS[kind].label.toLowerCase()}`);
    expect(buildCommands(ctx).find((c) => c.id === id)?.label).toBe(`New ${KINDS[kind].label}`);
    expect(MENU_TO_COMMAND[id]).toBe(id);
  });

  it('is accepted by the documents table CHECK (real SQLite)', () => {
    expect(() => insertDoc(kind)).not.toThrow();
  });
});

describe('the kinds table is the only list', () => {
  it('the live schema CHECK lists exactly DOC_KINDS', () => {
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get() as { sql: string };
    const list = /CHECK\s*\(\s*kind\s+IN\s*\(([^)]*)\)\s*\)/i.exec(sql)?.[1];
    expect(list, 'documents.kind CHECK').toBeDefined();
    const kinds = list!.split(',').map((s) => s.trim().replace(/^'|'$/g, ''));
    expect([...kinds].sort()).toEqual([...DOC_KINDS].sort());
    expect(() => insertDoc('memo')).toThrow(/CHECK constraint/);
  });

  it('holds exactly one "New" menu command per kind, in table order', () => {
    expect(MENU_COMMAND_IDS.filter((id) => id.startsWith('new-'))).toEqual(DOC_KINDS.map((k) => `new-${k}`));
    expect(APP_MENU_ITEMS.filter((i) => i.id.startsWith('new-')).map((i) => i.id)).toEqual(DOC_KINDS.map((k) => `new-${k}`));
  });

  it('the review policy refuses a kind it does not know', () => {
    expect(ReviewPolicySchema.safeParse({ minApprovals: { memo: 1 } }).success).toBe(false);
  });

  it('accepts no other prefix anywhere (property)', () => {
    const known = new Set(DOC_KINDS.map((k) => KINDS[k].prefix));
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z]{1,6}$/).filter((p) => !known.has(p.toUpperCase())),
        fc.integer({ min: 1, max: 999_999 }),
        (p, n) => {
          const ref = `${p}-${n}`;
          expect(parseDisplayRef(ref)).toBeNull();
          expect(findRefs(`see ${ref} here`)).toEqual([]);
          expect(toolFileReason(ownFile(ref)) ?? '').not.toMatch(OWN_FILE_REASON);
        },
      ),
    );
  });
});
