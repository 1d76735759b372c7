// The 200 search queries of figure 4, and what ripgrep counts for each.
import { FUNCTION_WORDS, LEXICON, prng } from './corpus';

export interface BenchQuery {
  q: string;
  type: 'term' | 'two-terms' | 'phrase' | 'prefix';
  /** What ripgrep counts for the same query: fixed strings (phrase, terms) or a regex (prefix). */
  rg: { fixed: boolean; patterns: string[] };
}

/**
 * `count` search queries, a quarter of each type: single terms, two terms,
 * two-word phrases lifted from the corpus, and 3-4 letter prefixes. Terms are
 * what people search for: words past the function words, drawn evenly on a
 * log scale of frequency (from words in most documents to words in a few).
 */
export function benchQueries(seed: number, count: number, sampleBody: (i: number) => string): BenchQuery[] {
  const rand = prng(seed ^ 0x5eed);
  const first = FUNCTION_WORDS.length;
  const term = (): string => LEXICON[Math.min(LEXICON.length - 1, Math.floor(first * Math.pow(6000 / first, rand())))]!;
  const functionWord = new Set(FUNCTION_WORDS);
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 4) {
      case 0: {
        const w = term();
        out.push({ q: w, type: 'term', rg: { fixed: true, patterns: [w] } });
        break;
      }
      case 1: {
        const a = term();
        const b = term();
        out.push({ q: `${a} ${b}`, type: 'two-terms', rg: { fixed: true, patterns: [a, b] } });
        break;
      }
      case 2: {
        const words = sampleBody(i).replace(/[^a-z0-9 ]+/gi, ' ').toLowerCase().split(/\s+/);
        const start = Math.floor(rand() * Math.max(1, words.length - 2));
        let at = start;
        while (at < words.length - 1 && (functionWord.has(words[at]!) || functionWord.has(words[at + 1]!) || !words[at] || !words[at + 1])) at++;
        const phrase = at < words.length - 1 ? `${words[at]} ${words[at + 1]}` : 'error budget';
        out.push({ q: `"${phrase}"`, type: 'phrase', rg: { fixed: true, patterns: [phrase] } });
        break;
      }
      case 3: {
        let w = term();
        while (w.length < 5) w = term();
        const p = w.slice(0, 3 + Math.floor(rand() * 2));
        out.push({ q: `${p}*`, type: 'prefix', rg: { fixed: false, patterns: [`\\b${p}\\w*`] } });
        break;
      }
    }
  }
  return out;
}
