import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document';
import { documentToMarkdown } from '../../../../src/shared/format/documentMarkdown';
import { GENERATED_END, stripGeneratedBlock } from '../../../../src/shared/format/generatedBlocks';
import { templateBody } from '../../../../src/shared/kinds/templates';

const base = (over: Partial<Document>): Document => ({
  id: '01JDESIGNDESK0000000000001',
  kind: 'rfc',
  number: 12,
  title: 'Cache | invalidation',
  status: 'draft',
  body: templateBody('rfc'),
  fields: { author: 'Ada', reviewers: ['Grace'] },
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T11:00:00.000Z',
  revision: 3,
  createdBy: { name: 'Ada', email: 'ada@example.com' },
  ...over,
});

function frontMatterOf(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  expect(m).not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('documentToMarkdown', () => {
  it('writes identity and fields as front matter, the title as H1, then the body', () => {
    const md = documentToMarkdown(base({}));
    expect(frontMatterOf(md)).toMatchObject({ id: '01JDESIGNDESK0000000000001', ref: 'RFC-12', status: 'draft', author: 'Ada', reviewers: ['Grace'] });
    expect(md).toContain('\n# Cache | invalidation\n');
    expect(md).toContain('## Summary');
    expect(md).toContain('### Key Algorithms');
  });

  it('is stable: the same document gives the same bytes', () => {
    expect(documentToMarkdown(base({}))).toBe(documentToMarkdown(base({})));
  });

  it('uses MADR 4 key names for ADRs', () => {
    const fm = frontMatterOf(documentToMarkdown(base({ kind: 'adr', status: 'accepted', fields: { decisionMakers: ['Ada'], supersededBy: 4, date: '2026-11-27' } })));
    expect(fm['decision-makers']).toEqual(['Ada']);
    expect(fm['superseded-by']).toBe(4);
    expect(fm.status).toBe('accepted');
  });

  it('renders a matrix as a table with scores and escapes pipes in cells', () => {
    const md = documentToMarkdown(
      base({
        kind: 'matrix',
        body: '## Notes\n\nBenchmarks attached.\n',
        fields: {
          scale: 'good-partial-poor',
          criteria: [{ id: 'c1', name: 'Latency', weight: 2 }, { id: 'c2', name: 'Cost', weight: 1 }],
          options: [{ id: 'o1', name: 'Postgres' }, { id: 'o2', name: 'Mongo | Atlas' }],
          ratings: { c1: { o1: { rating: 'good', note: 'v16+' }, o2: { rating: 'poor', note: '' } }, c2: { o1: { rating: 'partial', note: '$$' } } },
          decision: 'Postgres',
        },
      }),
    );
    expect(md).toContain('| Criterion | Weight | Postgres | Mongo \\| Atlas |');
    expect(md).toMatch(/\| Latency \| 2 \| ✅ \(v16\+\) \| ❌ \|/);
    expect(md).toContain('**Rank**');
    expect(md).toContain('## Decision\n\nPostgres');
    expect(md).toContain('Benchmarks attached.');
  });

  it('renders postmortem timeline and action items, and the block can be stripped back out', () => {
    const md = documentToMarkdown(
      base({
        kind: 'postmortem',
        body: '## Summary\n\nDB failover.\n',
        fields: {
          incidentDate: '2026-11-20',
          severity: 'SEV-2',
          timeline: [{ id: 't1', time: '10:02', event: 'Alert fired' }],
          actionItems: [{ id: 'a1', action: 'Add replica lag alert', owner: 'Ada', due: '2026-12-01', status: 'open' }],
        },
      }),
    );
    expect(md).toContain('| 10:02 | Alert fired |');
    expect(md).toContain('| Add replica lag alert | Ada | 2026-12-01 | Open |');
    const afterTitle = md.slice(md.indexOf('# Cache | invalidation') + '# Cache | invalidation\n\n'.length);
    const stripped = stripGeneratedBlock(afterTitle);
    expect(stripped).not.toContain(GENERATED_END);
    expect(stripped).toBe('## Summary\n\nDB failover.\n');
  });

  it('shows milestones, contributing factors, the RFC or ADR addressing an item and a won\'t-do reason only when they are used', () => {
    const md = documentToMarkdown(
      base({
        kind: 'postmortem',
        body: '## Summary\n\nDB failover.\n',
        fields: {
          incidentDate: '2026-11-20',
          timeline: [
            { id: 't1', time: '10:02', event: 'Alert fired', milestone: 'detection' },
            { id: 't2', time: '10:30', event: 'Failed over' },
          ],
          contributingFactors: ['No lag alert', 'A factor <!-- /designdesk:generated --> that tries to end the block'],
          actionItems: [
            { id: 'a1', action: 'Add replica lag alert', owner: 'Ada', due: '2026-12-01', status: 'open', link: 'ADR-3' },
            { id: 'a2', action: 'Own the replicas', owner: '', due: '', status: 'wont-do', reason: 'ADR-3 moves them to the cloud' },
          ],
        },
      }),
    );
    expect(md).toContain('| Time (UTC) | Event | Milestone |');
    expect(md).toContain('| 10:02 | Alert fired | Detection |');
    expect(md).toContain('| 10:30 | Failed over |   |');
    expect(md).toContain('## Contributing Factors\n\n1. No lag alert\n2. A factor &lt;!-- /designdesk:generated --> that tries to end the block\n');
    expect(md).toContain('| Add replica lag alert | Ada | 2026-12-01 | Open | ADR-3 |');
    expect(md).toContain("| Own the replicas |   |   | Won't do: ADR-3 moves them to the cloud |   |");
    const afterTitle = md.slice(md.indexOf('# Cache | invalidation') + '# Cache | invalidation\n\n'.length);
    expect(stripGeneratedBlock(afterTitle)).toBe('## Summary\n\nDB failover.\n');
  });
});
