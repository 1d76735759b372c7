import { readYaml } from '../../shared/format/yamlText';
import { fromMadrKey } from '../../shared/format/documentMarkdown';
import { parseDisplayRef, type DocKind } from '../../shared/kinds/kinds';
import { UsageError } from './context';

/** Keys `set` refuses, with what to do instead. */
const NOT_FIELDS: Record<string, string> = {
  status: 'the status follows the lifecycle: use "designdesk move REF STATUS"',
  body: 'the body is Markdown: use "designdesk set REF --body-file FILE"',
  id: 'a document id never changes',
  ref: 'a number is given once: it never changes',
  number: 'a number is given once: it never changes',
  kind: 'the kind of a document never changes',
  created: 'the creation time is kept by DesignDesk',
  updated: 'the update time is kept by DesignDesk',
};

export interface Assignment {
  key: string;
  value: unknown;
}

/**
 * Reads `key=value` for a document's fields. The value is read after the
 * field's current type: a list takes "a, b" or a YAML list "[a, b]", a number
 * takes digits (or a reference such as ADR-3), a string takes the text as
 * written; an empty value clears the field. `title=...` sets the title.
 */
export function parseAssignment(kind: DocKind, fields: Record<string, unknown>, text: string): Assignment {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`"${text}" is not key=value (for example reviewers="Ada, Grace").`);
  const rawKey = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(rawKey)) throw new UsageError(`"${rawKey}" is not a field name.`);
  const reason = NOT_FIELDS[rawKey.toLowerCase()];
  if (reason) throw new UsageError(`${rawKey} cannot be set: ${reason}.`);
  if (rawKey === 'title') return { key: 'title', value: raw };
  const key = kind === 'adr' ? fromMadrKey(rawKey) : rawKey;
  return { key, value: valueFor(fields[key], raw, key) };
}

function valueFor(current: unknown, raw: string, key: string): unknown {
  const t = raw.trim();
  if (Array.isArray(current)) {
    if (t === '') return [];
    const items = t.startsWith('[') ? yaml(t, key) : t.split(',');
    if (!Array.isArray(items)) throw new UsageError(`${key} is a list: give "a, b" or "[a, b]".`);
    const numeric = current.length > 0 && current.every((v) => typeof v === 'number');
    return items.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '' && v !== null).map((v) => (numeric || key === 'supersedes' ? toNumber(v) : v));
  }
  if (typeof current === 'number' || current === null) {
    if (t === '' || t === 'null') return null;
    return toNumber(t);
  }
  if (typeof current === 'boolean') {
    if (t === 'true' || t === 'false') return t === 'true';
    throw new UsageError(`${key} is true or false.`);
  }
  if (current !== undefined && typeof current === 'object') {
    const v = yaml(t, key);
    if (!v || typeof v !== 'object') throw new UsageError(`${key} holds structured data: give it as YAML or JSON, e.g. ${key}='{...}'.`);
    return v;
  }
  if (current === undefined && (t.startsWith('[') || t.startsWith('{'))) return yaml(t, key);
  return raw;
}

function toNumber(v: unknown): unknown {
  if (typeof v === 'number') return v;
  const s = String(v).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const ref = parseDisplayRef(s);
  return ref ? ref.number : s;
}

function yaml(text: string, key: string): unknown {
  const read = readYaml(text);
  if (!read.ok) throw new UsageError(`the value of ${key} is not valid YAML: ${text}`);
  return read.value;
}
