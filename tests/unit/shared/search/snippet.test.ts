import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, leadSegments, toSegments } from '../../../../src/shared/search/snippet';

const m = (s: string): string => s.replaceAll('[', HIT_START).replaceAll(']', HIT_END);

describe('toSegments', () => {
  it('splits marked text into plain and hit segments', () => {
    expect(toSegments(m('We use [Kafka] for the [event] bus'))).toEqual([
      { text: 'We use ', hit: false },
      { text: 'Kafka', hit: true },
      { text: ' for the ', hit: false },
      { text: 'event', hit: true },
      { text: ' bus', hit: false },
    ]);
  });

  it('tidies Markdown noise and newlines into one line, leaving out headings without a hit', () => {
    expect(toSegments(m('## [Kafka] plan\n## Summary\n\nWe **move** to [Kafka].\n- one\n'))).toEqual([
      { text: 'Kafka', hit: true },
      { text: ' plan We move to ', hit: false },
      { text: 'Kafka', hit: true },
      { text: '. one', hit: false },
    ]);
  });

  it('keeps the space after emphasis around a hit, and starts at the line of the first hit', () => {
    expect(toSegments(m('…API Design\n\n### Data Model\n\nSome text on *[caching]* layers.'))).toEqual([
      { text: 'Some text on ', hit: false },
      { text: 'caching', hit: true },
      { text: ' layers.', hit: false },
    ]);
  });

  it('is safe with stray markers and returns [] for nothing', () => {
    expect(toSegments(m('a [b'))).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
    ]);
    expect(toSegments('')).toEqual([]);
    expect(toSegments('<b>html</b> stays text')).toEqual([{ text: '<b>html</b> stays text', hit: false }]);
  });
});

describe('leadSegments', () => {
  it('takes the first words of the body, skipping headings', () => {
    expect(leadSegments('## Summary\n\nMove billing to the new ledger.\n\n## Motivation\n')).toEqual([{ text: 'Move billing to the new ledger.', hit: false }]);
    expect(leadSegments('## Summary\n\n## Motivation\n\n')).toEqual([]);
    expect(leadSegments('x'.repeat(300))[0]!.text).toHaveLength(161);
  });
});
