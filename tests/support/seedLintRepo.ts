import fs from 'node:fs';
import path from 'node:path';

/** A document id for seeded files: a valid ULID ending in `tail`. */
export const seedId = (tail: string): string => `01J${'0'.repeat(23 - tail.length)}${tail}`;

function doc(id: string, ref: string, title: string, status: string, extra: string, body: string): string {
  return `---\nid: ${id}\nref: ${ref}\ntitle: ${title}\nstatus: ${status}\ncreated: 2026-01-01T00:00:00.000Z\nupdated: 2026-01-01T00:00:00.000Z\n${extra}---\n\n# ${title}\n\n${body}\n`;
}

/**
 * The finding each seeded file of `seedBadRepo` must produce, as
 * [path, part of the reason]. One per kind of problem `designdesk lint` knows.
 */
export const EXPECTED_FINDINGS: ReadonlyArray<readonly [string, string]> = [
  ['designdesk.yml', 'is not valid YAML'],
  ['adrs/0001-use-kafka.md', 'duplicate number ADR-1 (also adrs/0001-use-rabbitmq.md)'],
  ['adrs/0001-use-rabbitmq.md', 'duplicate number ADR-1 (also adrs/0001-use-kafka.md)'],
  ['adrs/0002-use-mysql.md', 'one-sided supersede link: ADR-2 is superseded by ADR-3, but adrs/0003-use-postgres.md does not list ADR-2 under supersedes'],
  ['adrs/0003-use-postgres.md', 'supersedes ADR-7, which does not exist'],
  ['adrs/0004-no-front-matter.md', 'no YAML front matter'],
  ['rfcs/0001-rate-limits.md', 'broken reference RFC-99: no such document in the repo'],
  ['rfcs/0002-ship-it.md', 'status "shipped" is not in the RFC lifecycle'],
  ['rfcs/0005-bad-reviewers.md', 'front matter: reviewers'],
  ['rfcs/0006-wrong-name.md', 'file name says 6 but the document is RFC-8'],
  [`reviews/${seedId('Z')}.yml`, `points at a missing document ${seedId('Z')}`],
  ['reviews/notes.yml', 'a review file is named after its document id'],
];

/** Writes a team repo with one of each problem lint reports (see EXPECTED_FINDINGS). */
export function seedBadRepo(root: string): void {
  const files: Record<string, string> = {
    'designdesk.yml': 'format: [1\n',
    'adrs/0001-use-kafka.md': doc(seedId('1'), 'ADR-1', 'Use Kafka', 'accepted', '', 'Events go through Kafka.'),
    'adrs/0001-use-rabbitmq.md': doc(seedId('2'), 'ADR-1', 'Use RabbitMQ', 'proposed', '', 'Commands go through RabbitMQ.'),
    'adrs/0002-use-mysql.md': doc(seedId('3'), 'ADR-2', 'Use MySQL', 'superseded', 'superseded-by: 3\n', 'Orders in MySQL.'),
    'adrs/0003-use-postgres.md': doc(seedId('4'), 'ADR-3', 'Use Postgres', 'accepted', 'supersedes: [7]\n', 'Orders in Postgres (see ADR-1).'),
    'adrs/0004-no-front-matter.md': '# Written by hand\n\nNo front matter here.\n',
    'adrs/README.md': '# ADRs\n\nNot a document; lint leaves it alone.\n',
    'rfcs/0001-rate-limits.md': doc(seedId('5'), 'RFC-1', 'Rate limits', 'draft', 'author: Ada\n', 'Builds on RFC-99 and ADR-3. `RFC-98` in code is no reference.'),
    'rfcs/0002-ship-it.md': doc(seedId('6'), 'RFC-2', 'Ship it', 'shipped', '', 'Done.'),
    'rfcs/0005-bad-reviewers.md': doc(seedId('7'), 'RFC-5', 'Bad reviewers', 'draft', 'reviewers: 42\n', 'Text.'),
    'rfcs/0006-wrong-name.md': doc(seedId('8'), 'RFC-8', 'Renumbered', 'draft', '', 'Text.'),
    [`reviews/${seedId('5')}.yml`]: 'reviewers: []\n',
    [`reviews/${seedId('Z')}.yml`]: 'reviewers: []\n',
    'reviews/notes.yml': 'just: notes\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}
