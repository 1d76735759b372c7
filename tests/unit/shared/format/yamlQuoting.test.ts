import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document';
import { documentToMarkdown, frontMatter } from '../../../../src/shared/format/documentMarkdown';
import { parseDocument } from '../../../../src/shared/format/parseDocument';
import { readYaml, writeYaml } from '../../../../src/shared/format/yamlText';
import { FIELD_SCHEMAS } from '../../../../src/shared/kinds/fields';
import { DOC_KINDS, type DocKind } from '../../../../src/shared/kinds/kinds';
import { LIFECYCLES } from '../../../../src/shared/kinds/lifecycle';
import { reviewFileText } from '../../../../src/shared/reviews/reviewFile';
import type { ReviewRecord } from '../../../../src/shared/reviews/schemas';
import { configFileText } from '../../../../src/shared/sync/repoLayout';
import { adrToolsMarkdown, madrMarkdown } from '../../../../src/main/importExport/exportFormats';

// Issue 15 item 6: every YAML the app writes reads as the same strings in a
// YAML 1.1 reader (PyYAML, Ruby, Jekyll) and a YAML 1.2 reader.

const frontMatterOf = (md: string) => /^---\n([\s\S]*?)\n---\n/.exec(md)![1]!;
const read11 = (text: string): unknown => yamlParse(text, { version: '1.1' });
const read12 = (text: string): unknown => yamlParse(text);

function postmortem(time: string): Document {
  return {
    id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    kind: 'postmortem',
    number: 1,
    title: 'Checkout outage',
    status: 'Draft',
    body: '',
    fields: { author: 'Ada', incidentDate: '2026-11-20', severity: 'SEV-2', timeline: [{ id: 't1', time, event: 'Pager fired' }] },
    createdAt: '2026-11-20T15:00:00.000Z',
    updatedAt: '2026-11-20T15:00:00.000Z',
    revision: 1,
    createdBy: { name: 'Ada', email: '' },
  };
}

describe('YAML a 1.1 reader reads as written', () => {
  it('a timeline time 14:02 stays the text 14:02 for a YAML 1.1 reader, not the number 842', () => {
    const fm = frontMatterOf(documentToMarkdown(postmortem('14:02')));
    expect(fm).toContain('time: "14:02"');
    expect((read11(fm) as { timeline: { time: unknown }[] }).timeline[0]!.time).toBe('14:02');
  });

  it('still reads an old file with unquoted times, dates and yes/no as text', () => {
    const old = postmortem('14:02');
    const md = documentToMarkdown(old).replace('time: "14:02"', 'time: 14:02').replace('incidentDate: "2026-11-20"', 'incidentDate: 2026-11-20');
    expect(md).toContain('time: 14:02\n');
    const r = parseDocument('postmortems/2026-11-20-checkout-outage.md', md);
    if (!r.ok) throw new Error(r.reason);
    expect(r.doc.fields).toMatchObject({ incidentDate: '2026-11-20', timeline: [{ time: '14:02' }] });
  });

  it('quotes every shape a YAML 1.1 reader would retype', () => {
    const shapes = ['14:02', '1:30:00', '190:20:30', '-1:20', '0o17', '017', '0x1F', '0b101', '1_000', '1e3', '1.0e+3', '+12', '.5', '.inf', '-.Inf', '.NaN', '~', 'null', 'NULL', 'yes', 'No', 'on', 'OFF', 'y', 'N', 'true', 'False', '2026-11-20', '2026-11-20T14:02:00Z', '2001-12-14 21:59:43.10 -5', '=', '<<'];
    const text = writeYaml({ shapes });
    expect(read11(text)).toEqual({ shapes });
    expect(read12(text)).toEqual({ shapes });
    expect(readYaml(text)).toEqual({ ok: true, value: { shapes } });
    // Keys too: an imported extra field may be called "on" or "2026-11-20".
    const keyed = Object.fromEntries(shapes.map((k, i) => [k, i]));
    const keyedText = writeYaml(keyed);
    expect(read11(keyedText)).toEqual(keyed);
    expect(read12(keyedText)).toEqual(keyed);
  });
});

// Strings in the shapes another reader retypes, mixed with ordinary text.
const clock = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.boolean()).map(([h, m, pad]) => `${pad ? String(h).padStart(2, '0') : h}:${String(m).padStart(2, '0')}`);
const sexagesimal = fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 2, maxLength: 4 }).map((p) => p.join(':'));
const cased = fc.tuple(fc.constantFrom('yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false', 'null', 'nan', 'inf'), fc.constantFrom('lower', 'upper', 'title')).map(([w, c]) => (c === 'lower' ? w : c === 'upper' ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)));
const numeric = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: 0, max: 0o7777 }).map((n) => `0${n.toString(8)}`),
  fc.integer({ min: 0, max: 0xffff }).map((n) => `0x${n.toString(16)}`),
  fc.integer({ min: 0, max: 255 }).map((n) => `0b${n.toString(2)}`),
  fc.integer({ min: 1000, max: 999999 }).map((n) => n.toLocaleString('en-US').replace(/,/g, '_')),
  fc.constantFrom('1e3', '.5', '+1', '-0', '3.', '.inf', '-.Inf', '.NaN', '~', '=', '<<', ''),
);
const dated = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).chain((d) => fc.constantFrom(d.toISOString().slice(0, 10), d.toISOString(), d.toISOString().replace('T', ' ').replace('Z', ' -5')));
const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validTime = fc.oneof(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean()).map(([h, m, pad]) => `${pad ? String(h).padStart(2, '0') : h}:${String(m).padStart(2, '0')}`), dated.filter((s) => s.endsWith('Z')).map((s) => s.slice(0, 16) + 'Z'));
const risky: fc.Arbitrary<string> = fc.oneof(clock, sexagesimal, cased, numeric, dated, fc.string({ maxLength: 20 }), fc.string({ unit: fc.constantFrom(...'0123456789:.-_+eExob '.split('')), maxLength: 10 }));
const riskyName = risky.map((s) => s.trim()).filter((s) => s.length > 0);
const riskyList = fc.array(riskyName, { maxLength: 3 });

const fieldsFor: Record<DocKind, fc.Arbitrary<Record<string, unknown>>> = {
  rfc: fc.record({ author: riskyName, reviewers: riskyList, extra: risky }),
  adr: fc.record({ author: riskyName, date: dated, decisionMakers: riskyList, consulted: riskyList, informed: riskyList, tags: riskyList, extra: risky }),
  matrix: fc.record({ scale: fc.constantFrom('good-partial-poor', 'one-to-five'), requirements: riskyList, criteria: fc.constant([{ id: 'c1', name: 'Cost', weight: 3 }]), options: fc.constant([{ id: 'o1', name: 'A' }]), decision: risky, rationale: risky, revisitWhen: risky }).chain((f) =>
    risky.map((note) => ({ ...f, ratings: { c1: { o1: { rating: f.scale === 'one-to-five' ? 3 : 'good', note } } } })),
  ),
  postmortem: fc.record({
    author: riskyName,
    incidentDate: day,
    severity: fc.constantFrom('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'),
    extra: risky,
    attendees: riskyList,
    timeline: fc.array(fc.record({ id: fc.constantFrom('a', 'b'), time: validTime, event: riskyName }), { maxLength: 3 }),
    actionItems: fc.array(fc.record({ id: fc.constant('x'), action: riskyName, owner: riskyName, due: day, status: fc.constantFrom('open', 'done') }), { maxLength: 2 }),
  }),
};

function docOf(kind: DocKind): fc.Arbitrary<Document> {
  const fields = fieldsFor[kind].filter((f) => FIELD_SCHEMAS[kind].safeParse(f).success).map((f) => FIELD_SCHEMAS[kind].parse(f));
  return fc.record({ title: risky, fields, status: fc.constantFrom(...LIFECYCLES[kind].statuses), number: fc.integer({ min: 1, max: 9999 }) }).map((d) => ({
    ...d,
    title: d.title.trim() || 'T',
    id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    kind,
    body: '',
    createdAt: '2026-11-27T00:00:00.000Z',
    updatedAt: '2026-11-27T00:00:00.000Z',
    revision: 1,
    createdBy: { name: 'A', email: '' },
  }));
}

const review = fc.record({ name: risky, note: risky, text: risky, day: dated }).map(({ name, note, text, day }): ReviewRecord[] => [
  { id: '01ARZ3NDEKTSV4RRFFQ69G5FA1', type: 'verdict', at: day, by: { name: name.trim() || 'n', email: '' }, verdict: 'approve', note, revision: 1, bodyHash: '0' } as ReviewRecord,
  { id: '01ARZ3NDEKTSV4RRFFQ69G5FA2', type: 'comment', at: day, by: { name: 'x', email: name }, text: text.trim() || 't', anchor: { section: name, quote: note, prefix: '', suffix: text }, revision: 1, bodyHash: '0' } as ReviewRecord,
]);

/** Every YAML text the app writes for one document: front matter, its review file, MADR and adr-tools exports. */
function writtenYaml(doc: Document, records: ReviewRecord[]): { text: string; expected: unknown }[] {
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  const out = [{ text: frontMatterOf(documentToMarkdown(doc)), expected: plain(frontMatter(doc)) }];
  const reviews = reviewFileText('RFC-1', doc.title, records);
  out.push({ text: reviews, expected: read12(reviews) });
  if (doc.kind === 'adr') {
    out.push({ text: frontMatterOf(madrMarkdown(doc)), expected: null });
    const hidden = /<!-- designdesk\n([\s\S]*?)\n-->/.exec(adrToolsMarkdown(doc, () => undefined))?.[1];
    if (hidden) out.push({ text: hidden, expected: null });
  }
  return out;
}

describe('every YAML the app writes reads the same in YAML 1.1 and 1.2 readers (property)', () => {
  it.each(DOC_KINDS)('%s: front matter, review file and exports', (kind) => {
    fc.assert(
      fc.property(docOf(kind), review, (doc, records) => {
        for (const { text, expected } of writtenYaml(doc, records)) {
          const v12 = read12(text);
          expect(read11(text)).toEqual(v12);
          expect(readYaml(text)).toEqual({ ok: true, value: v12 });
          if (expected !== null) expect(v12).toEqual(expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('designdesk.yml reads the same', () => {
    expect(read11(configFileText())).toEqual(read12(configFileText()));
  });
});

// PyYAML is the YAML 1.1 reader the issue names; where python3 has it, it reads a sample of written files too.
const pyYaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!pyYaml)('PyYAML (python3 -c "import yaml" works here) reads written files as the same strings', () => {
  it('front matter of every kind', () => {
    const texts = DOC_KINDS.flatMap((kind) => fc.sample(docOf(kind), { numRuns: 60, seed: 15 }).map((d) => frontMatterOf(documentToMarkdown(d))));
    const script = 'import sys, json, yaml\nprint(json.dumps([yaml.safe_load(t) for t in json.load(sys.stdin)], default=repr))';
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout) as unknown[];
    texts.forEach((t, i) => expect(read[i], t).toEqual(read12(t)));
  });
});
