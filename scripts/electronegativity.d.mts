// Types of scripts/electronegativity.mjs, for the tests that import it.
export declare const ROOT: string;

export interface Guard {
  file: string;
  pattern: RegExp;
}

export interface Exclusion {
  check: string;
  file: string;
  reason: string;
  guards: Guard[];
}

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface Triaged extends Finding {
  status: 'excluded' | 'open';
  reason: string;
}

export declare const EXCLUSIONS: Exclusion[];
export declare function parseCsv(text: string): string[][];
export declare function findingsOf(csvText: string): Finding[];
export declare function triage(findings: Finding[], options?: { root?: string; exclusions?: Exclusion[]; readFile?: (file: string) => string }): Triaged[];
export declare function failing(triaged: Triaged[]): Triaged[];
