import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/** YAML text read, or where it could not be (a 1-based line of the text given, when known). */
export type YamlRead = { ok: true; value: unknown } | { ok: false; line: number | null };

/**
 * Reads YAML text as every reader of the repository format does: YAML 1.2
 * with the core schema (no dates, no custom tags, a duplicate key is an
 * error), one document. Empty text is null.
 *
 * js-yaml reads; the `yaml` package writes (documentMarkdown.ts), because
 * its document model decides quoting and block scalars for stable, readable
 * files. Reading with js-yaml is about ten times faster, which a pull of
 * many changed files feels (ADR 0011, docs/performance.md).
 */
export function readYaml(text: string): YamlRead {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) ?? null };
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    if (typeof e.mark?.line !== 'number') return { ok: false, line: null };
    // An error found at the end of the text (an unclosed bracket or quote) is given on its last line.
    const lines = text.replace(/\n+$/, '').split('\n').length;
    return { ok: false, line: Math.min(e.mark.line + 1, lines) };
  }
}
