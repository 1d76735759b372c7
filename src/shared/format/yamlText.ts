import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { Document as YamlDocument, visit, type Scalar } from 'yaml';

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

/**
 * Options for every YAML the app writes. `compat: 'yaml-1.1'` makes the
 * `yaml` package quote each string that a YAML 1.1 reader (PyYAML, Ruby,
 * Jekyll) would take for something else: `14:02` (the number 842 there),
 * `017`, `yes`/`no`/`on`/`off`/`y`/`n`, `~`, `.inf`, `2026-11-20`, `1_000`.
 * YAML 1.2 readers read the quoted text as the same string (ADR fix-yaml-quoting).
 */
export const YAML_WRITE_OPTIONS = { compat: 'yaml-1.1', lineWidth: 0 } as const;

/**
 * Whether a string must be quoted beyond what `compat` decides: `=` is the
 * YAML 1.1 "value" key, which PyYAML's safe loader refuses, and `<<` the
 * merge key (the `yaml` package already quotes `<<`; kept here to pin it).
 */
function quoteBeyondCompat(s: string): boolean {
  return s === '=' || s === '<<';
}

/**
 * A YAML document for data the app writes, quoted for YAML 1.1 and 1.2
 * readers alike; `style` may pick a scalar's style (QUOTE_DOUBLE) first.
 */
export function yamlDocumentToWrite(data: unknown, style?: (value: string) => Scalar.Type | undefined): YamlDocument {
  const ydoc = new YamlDocument(data, { compat: YAML_WRITE_OPTIONS.compat });
  visit(ydoc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const chosen = style?.(node.value);
      if (chosen) node.type = chosen;
      else if (quoteBeyondCompat(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return ydoc;
}

/** YAML text of data the app writes (review records, exports, `show`): see yamlDocumentToWrite. */
export function writeYaml(data: unknown): string {
  return yamlDocumentToWrite(data).toString({ lineWidth: YAML_WRITE_OPTIONS.lineWidth });
}
