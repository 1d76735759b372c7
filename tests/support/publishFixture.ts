import { createApp, type App } from '../../src/main/app';
import type { Channel, Input, Output } from '../../src/shared/contract';

/** A word only the body of RFC-1 holds: the site's search must find it. */
export const BODY_WORD = 'quokkaquartz';

async function call<C extends Channel>(app: App, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<C>;
}

/**
 * A workspace with one of everything the published site shows: an RFC with
 * a diagram, a reference, an approval and an open concern; two ADRs, one
 * superseding the other, with tags; a scored decision matrix; a postmortem
 * with a timeline and action items. Made through the app's own calls.
 */
export async function seedPublishWorkspace(dir: string): Promise<void> {
  const app = createApp({ workspaceDir: dir, bridge: 'web', version: 'test', fallbackIdentity: () => ({ name: 'Ada Lovelace', email: 'ada@example.com' }) });
  try {
    const c = <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => call(app, channel, input);
    const adr1 = await c('docs:create', { kind: 'adr', title: 'Use PostgreSQL for the ledger' });
    await c('docs:update', { id: adr1.id, baseRevision: adr1.revision, body: '## Context and Problem Statement\n\nWe need a database for the ledger.\n', fields: { ...adr1.fields, tags: ['storage', 'ledger'] } });
    const adr2 = await c('docs:create', { kind: 'adr', title: 'Use CockroachDB for the ledger' });
    await c('docs:update', { id: adr2.id, baseRevision: adr2.revision, body: '## Context and Problem Statement\n\nThe ledger outgrew one region; see ADR-1.\n', fields: { ...adr2.fields, tags: ['storage'] } });
    await c('docs:move', { id: adr2.id, to: 'accepted' });
    await c('docs:move', { id: adr1.id, to: 'accepted' });
    await c('adrs:supersede', { id: adr1.id, byId: adr2.id });

    const rfc = await c('docs:create', { kind: 'rfc', title: 'Payments retry queue' });
    const body = [
      '## Summary',
      '',
      `Retries go through a durable queue, the ${BODY_WORD} design. It builds on ADR-2.`,
      '',
      '## Detailed Design',
      '',
      '```mermaid',
      'graph TD',
      '  A[Client] --> B[Retry queue]',
      '  B --> C[Payment provider]',
      '```',
      '',
      '<script>window.pwned = true</script><img src="https://tracker.example/pixel.png" alt="pixel">',
      '',
    ].join('\n');
    const rfcNow = await c('docs:update', { id: rfc.id, baseRevision: rfc.revision, body });
    await c('reviews:setReviewers', { docId: rfcNow.id, reviewers: [{ name: 'Grace Hopper', email: 'grace@example.com', required: true }] });
    await c('reviews:request', { docId: rfcNow.id });
    await c('identity:set', { name: 'Grace Hopper', email: 'grace@example.com' });
    await c('reviews:verdict', { docId: rfcNow.id, verdict: 'approve', note: 'Looks right.' });
    await c('reviews:raiseConcern', { docId: rfcNow.id, title: 'Retry storms', text: 'What bounds the retries?', anchor: { section: '', quote: '', prefix: '', suffix: '' } });
    await c('identity:set', { name: 'Ada Lovelace', email: 'ada@example.com' });

    const dm = await c('docs:create', { kind: 'matrix', title: 'Message broker' });
    await c('docs:update', {
      id: dm.id,
      baseRevision: dm.revision,
      fields: {
        ...dm.fields,
        criteria: [{ id: 'c1', name: 'Throughput', weight: 3 }, { id: 'c2', name: 'Operations', weight: 1 }],
        options: [{ id: 'o1', name: 'Kafka' }, { id: 'o2', name: 'RabbitMQ' }],
        ratings: { c1: { o1: { rating: 'good', note: '' }, o2: { rating: 'partial', note: '' } }, c2: { o1: { rating: 'poor', note: '' }, o2: { rating: 'good', note: '' } } },
        decision: 'Kafka',
      },
    });

    const pm = await c('docs:create', { kind: 'postmortem', title: 'Checkout outage' });
    await c('docs:update', {
      id: pm.id,
      baseRevision: pm.revision,
      fields: {
        ...pm.fields,
        incidentDate: '2026-11-20',
        severity: 'SEV-2',
        timeline: [{ id: 't1', time: '09:05', event: 'Error rate alert fired' }, { id: 't2', time: '09:40', event: 'Rolled back the deploy' }],
        actionItems: [{ id: 'a1', action: 'Add a canary stage', owner: 'Grace', due: '2026-12-15', status: 'open' }],
      },
    });
  } finally {
    app.close();
  }
}
