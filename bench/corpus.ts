// A deterministic corpus of design documents for the benchmark: the same
// seed gives the same titles, bodies and fields on every machine. Sizes
// follow a log-normal curve (median about 6 KB per file, a tail capped at
// 60 KB); matrices have 5-10 criteria x 3-6 options, postmortems 20-50
// timeline rows.
import type { DocKind } from '../src/shared/kinds/kinds';
import { ADR_SECTIONS } from '../src/shared/kinds/adr';
import { MATRIX_SECTIONS } from '../src/shared/kinds/matrix';
import { POSTMORTEM_SECTIONS } from '../src/shared/kinds/postmortem';
import { RFC_SECTIONS } from '../src/shared/kinds/rfc';

/** A small fast PRNG (mulberry32): deterministic across platforms. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Technical vocabulary of design documents. */
export const VOCABULARY: readonly string[] = (
  'the service request latency database cache queue we this deploy cluster replica schema migration index shard partition ' +
  'token session client server gateway proxy retry timeout backoff throughput capacity budget rollout rollback canary flag ' +
  'metric alert dashboard trace span log incident outage pager oncall runbook escalation customer region zone failover ' +
  'consistency availability durability snapshot backup restore checkpoint compaction vacuum transaction isolation lock ' +
  'deadlock contention pool connection thread worker scheduler cron batch stream consumer producer topic offset lag ' +
  'kafka postgres redis sqlite mysql kubernetes terraform nginx envoy grpc graphql protobuf json yaml avro parquet ' +
  'authentication authorization oauth saml mfa secret vault rotation certificate encryption hashing signature audit ' +
  'privacy retention gdpr anonymization consent pii compliance policy review approval reviewer checklist threat model ' +
  'scalability reliability observability maintainability cost pricing invoice billing ledger payment refund checkout ' +
  'search ranking tokenizer stemming embedding vector recommendation feed notification email webhook mobile desktop ' +
  'frontend backend monolith microservice boundary contract versioning deprecation compatibility upgrade sdk library ' +
  'benchmark profile flamegraph allocation garbage heap memory leak regression bisect hotfix patch release train ' +
  'pipeline build artifact registry container image layer volume storage bucket object blob lifecycle archive cold ' +
  'warm hot tier quota limit throttle burst spike saturation headroom forecast growth tenant isolation noisy neighbour ' +
  'idempotency deduplication ordering exactly once delivery acknowledgement poison dead letter replay reconciliation ' +
  'drift config rollout percentage cohort experiment guardrail baseline variance percentile p99 p95 median error rate ' +
  'slo sli sla objective burn window error budget toil automation migration plan phase milestone owner deadline risk'
)
  .split(' ')
  .filter(Boolean);

/** The most frequent words of English prose, most frequent first. */
export const FUNCTION_WORDS: readonly string[] = (
  'the of and to a in is that for it as with be on this are by we or from at an not will can which when if all each our has but more ' +
  'than only into they their so should would must also may one two new use used how what there these then about after before'
).split(' ');

/**
 * The lexicon the corpus draws from, most frequent first: function words,
 * the technical vocabulary, then 8,000 made-up words (names of services,
 * libraries, teams) for the long tail a real corpus has. A small vocabulary
 * would put every query term in every document, which no real library does.
 */
export const LEXICON: readonly string[] = (() => {
  const rand = prng(7);
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'pl', 'st', 'tr', 'sh', 'ch', 'gl', 'fl'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io'];
  const codas = ['', '', 'n', 'r', 'l', 's', 'x', 'k', 'm', 'th'];
  const seen = new Set<string>([...FUNCTION_WORDS, ...VOCABULARY]);
  const made: string[] = [];
  while (made.length < 8000) {
    const syllables = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(rand, onsets) + pick(rand, vowels) + (i === syllables - 1 ? pick(rand, codas) : '');
    if (!seen.has(w)) {
      seen.add(w);
      made.push(w);
    }
  }
  return [...FUNCTION_WORDS, ...VOCABULARY.filter((w) => !FUNCTION_WORDS.includes(w)), ...made];
})();

/** Cumulative Zipf-Mandelbrot weights over the lexicon (rank r drawn with weight 1 / (r + 2.7)), as in natural language. */
const CUMULATIVE: Float64Array = (() => {
  const c = new Float64Array(LEXICON.length);
  let sum = 0;
  for (let r = 0; r < LEXICON.length; r++) c[r] = sum += 1 / (r + 3.7);
  for (let r = 0; r < c.length; r++) c[r]! /= sum;
  return c;
})();

/** The lexicon rank a uniform draw falls on. */
function zipfRank(u: number): number {
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Barbara Liskov', 'Ken Thompson', 'Margaret Hamilton', 'Edsger Dijkstra', 'Frances Allen', 'Donald Knuth', 'Radia Perlman', 'Leslie Lamport', 'Katherine Johnson', 'Linus Torvalds', 'Sophie Wilson', 'John Ousterhout', 'Jeff Dean'];

const KIND_MIX: readonly DocKind[] = ['rfc', 'rfc', 'rfc', 'rfc', 'rfc', 'rfc', 'rfc', 'adr', 'adr', 'adr', 'adr', 'adr', 'adr', 'adr', 'matrix', 'matrix', 'postmortem', 'postmortem', 'postmortem', 'postmortem'];

/** One generated document, as its creation call and first save give it. */
export interface CorpusDoc {
  kind: DocKind;
  title: string;
  body: string;
  fields: Record<string, unknown>;
}

/** Draws words of the lexicon with their Zipf frequencies. */
function wordPicker(rand: () => number): () => string {
  return () => LEXICON[zipfRank(rand())]!;
}

function sentence(rand: () => number, word: () => string): string {
  const len = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: len }, word);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand: () => number, word: () => string): string {
  return Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(rand, word)).join(' ');
}

/** A standard normal draw (Box-Muller). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** The target size of a file in bytes: log-normal, median 4.8 KB before the fields (files: median about 6 KB), between 1.5 KB and 60 KB. */
function targetSize(rand: () => number): number {
  return Math.round(Math.min(60_000, Math.max(1_500, 4_800 * Math.exp(0.75 * normal(rand)))));
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function someOf<T>(rand: () => number, items: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rand() * (max - min + 1));
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

function date(rand: () => number): string {
  const d = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 1000) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Fills the sections with paragraphs, round-robin, until the body reaches `size` characters. */
function fillSections(rand: () => number, word: () => string, sections: readonly { heading: string; depth: number }[], size: number): string {
  const parts = sections.map((s) => ({ head: `${'#'.repeat(s.depth)} ${s.heading}`, paras: [] as string[] }));
  let total = parts.reduce((n, p) => n + p.head.length + 2, 0);
  let i = 0;
  do {
    const p = paragraph(rand, word);
    parts[i % parts.length]!.paras.push(p);
    total += p.length + 2;
    i++;
  } while (total < size);
  return `${parts.map((p) => [p.head, ...p.paras].join('\n\n')).join('\n\n')}\n`;
}

function matrixFields(rand: () => number, word: () => string, author: string): Record<string, unknown> {
  const criteria = Array.from({ length: 5 + Math.floor(rand() * 6) }, (_, i) => ({ id: `c${i + 1}`, name: `${word()} ${word()}`, weight: 1 + Math.floor(rand() * 5) }));
  const options = Array.from({ length: 3 + Math.floor(rand() * 4) }, (_, i) => ({ id: `o${i + 1}`, name: `${word()}-${word()}` }));
  const ratings: Record<string, Record<string, { rating: string; note: string }>> = {};
  for (const c of criteria) {
    ratings[c.id] = {};
    for (const o of options) ratings[c.id]![o.id] = { rating: pick(rand, ['good', 'partial', 'poor']), note: rand() < 0.5 ? `${word()} ${word()}` : '' };
  }
  return {
    author,
    scale: 'good-partial-poor',
    requirements: Array.from({ length: 3 + Math.floor(rand() * 6) }, () => sentence(rand, word)),
    criteria,
    options,
    ratings,
    decision: rand() < 0.6 ? `${options[0]!.name}` : '',
    rationale: paragraph(rand, word),
    revisitWhen: `revisit at ${1 + Math.floor(rand() * 500)}K users`,
  };
}

function postmortemFields(rand: () => number, word: () => string, author: string): Record<string, unknown> {
  const day = date(rand);
  let minute = 8 * 60 + Math.floor(rand() * 600);
  const timeline = Array.from({ length: 20 + Math.floor(rand() * 31) }, (_, i) => {
    minute = Math.min(23 * 60 + 59, minute + 1 + Math.floor(rand() * 6));
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return { id: `t${i + 1}`, time: `${hh}:${mm}`, event: sentence(rand, word) };
  });
  const actionItems = Array.from({ length: 3 + Math.floor(rand() * 8) }, (_, i) => ({
    id: `a${i + 1}`,
    action: sentence(rand, word),
    owner: pick(rand, PEOPLE),
    due: date(rand),
    status: pick(rand, ['open', 'in-progress', 'done'] as const),
  }));
  return {
    author,
    incidentDate: day,
    duration: `${1 + Math.floor(rand() * 5)}h ${Math.floor(rand() * 60)}m`,
    severity: pick(rand, ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const),
    attendees: someOf(rand, PEOPLE, 2, 6),
    impact: { usersAffected: Math.floor(rand() * 100_000), downtimeMinutes: Math.floor(rand() * 300), revenueImpact: `$${Math.floor(rand() * 50)}k in SLA credits` },
    timeline,
    actionItems,
  };
}

/** Document `i` of the corpus for `seed`: the same pair always gives the same document. */
export function corpusDoc(seed: number, i: number): CorpusDoc {
  const rand = prng(seed * 1_000_003 + i);
  const word = wordPicker(rand);
  const kind = KIND_MIX[i % KIND_MIX.length]!;
  const author = pick(rand, PEOPLE);
  const title = `${word()} ${word()} ${word()} ${i}`.replace(/^./, (c) => c.toUpperCase());
  const size = targetSize(rand);
  let fields: Record<string, unknown>;
  let sections: readonly { heading: string; depth: number }[];
  switch (kind) {
    case 'rfc':
      fields = { author, reviewers: someOf(rand, PEOPLE, 1, 4) };
      sections = RFC_SECTIONS;
      break;
    case 'adr':
      fields = { author, date: date(rand), decisionMakers: someOf(rand, PEOPLE, 1, 3), consulted: someOf(rand, PEOPLE, 0, 3), informed: someOf(rand, PEOPLE, 0, 3), tags: someOf(rand, VOCABULARY.slice(0, 80), 0, 3) };
      sections = ADR_SECTIONS;
      break;
    case 'matrix':
      fields = matrixFields(rand, word, author);
      sections = MATRIX_SECTIONS;
      break;
    case 'postmortem':
      fields = postmortemFields(rand, word, author);
      sections = POSTMORTEM_SECTIONS;
      break;
  }
  // The file also holds the front matter and, for matrices and postmortems, the tables generated from the fields (about twice their JSON).
  const overhead = 400 + (kind === 'matrix' || kind === 'postmortem' ? 2 : 1) * JSON.stringify(fields).length;
  // Paragraphs are added whole: stop a paragraph short of the target so the largest file stays under 60 KB.
  const body = fillSections(rand, word, sections, Math.max(400, size - overhead - 600));
  return { kind, title, body, fields };
}

/** A paragraph for an edit (a teammate's change, an autosave): deterministic in (seed, n). */
export function editParagraph(seed: number, n: number): string {
  const rand = prng(seed * 7919 + n);
  return paragraph(rand, wordPicker(rand));
}

/** A body of about `size` characters (the 20 KB autosave document). */
export function bodyOfSize(seed: number, size: number): string {
  const rand = prng(seed);
  return fillSections(rand, wordPicker(rand), RFC_SECTIONS, size);
}
