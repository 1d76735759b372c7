import { describe, expect, it } from 'vitest';
import { KEP_STATUSES } from '../../../../src/main/importExport/formats/kep';
import { mapStatus } from '../../../../src/main/importExport/formats/status';

describe('mapStatus', () => {
  it.each([
    ['adr', 'Accepted', 'accepted'],
    ['adr', '**Proposed**', 'proposed'],
    ['adr', 'deprecated.', 'deprecated'],
    ['adr', 'Superseded', 'superseded'],
    ['rfc', 'In Review', 'in-review'],
    ['rfc', 'in_review', 'in-review'],
    ['postmortem', 'Published', 'published'],
  ] as const)('maps %s "%s" to %s', (kind, raw, status) => {
    expect(mapStatus(kind, raw, 'x.md')).toEqual({ status, known: true });
  });

  it('reads "superseded by" with a link, a reference, or adr-tools\' "Superceded"', () => {
    expect(mapStatus('adr', 'superseded by ADR-0123', 'x.md')).toEqual({ status: 'superseded', known: true, supersededBy: { text: 'ADR-0123', number: 123 } });
    expect(mapStatus('adr', 'Superceded by [7. New](0007-new.md)', 'doc/adr/0002-x.md').supersededBy).toEqual({ text: '[7. New](0007-new.md)', path: 'doc/adr/0007-new.md', number: 7 });
  });

  it('never guesses: an unknown status is kept as written (accepted is no RFC status; draft no ADR one)', () => {
    expect(mapStatus('adr', 'On Hold', 'x.md')).toEqual({ status: 'On Hold', known: false });
    expect(mapStatus('adr', 'draft', 'x.md')).toEqual({ status: 'draft', known: false });
    expect(mapStatus('rfc', 'accepted', 'x.md')).toEqual({ status: 'accepted', known: false });
    expect(mapStatus('rfc', 'superseded by RFC-2', 'x.md').known).toBe(false);
  });

  it('uses a format\'s own table (KEP: implementable means approved)', () => {
    expect(mapStatus('rfc', 'implementable', 'x.md', KEP_STATUSES)).toEqual({ status: 'approved', known: true });
    expect(mapStatus('rfc', 'withdrawn', 'x.md', KEP_STATUSES)).toEqual({ status: 'withdrawn', known: false });
  });
});
