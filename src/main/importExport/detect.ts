import { PREFIX_SOURCE } from '../../shared/kinds/kinds';
import type { ImportFormat, SourceFile } from './importedDoc';
import { baseName, splitFrontMatter, splitTitle } from './formats/common';
import { BULLET_KEYS } from './formats/madr';
import { takeBullets } from './formats/metadata';
import { RUST_RFC_KEYS } from './formats/rustRfc';

/** File names ADR tools use for their template, index and README pages: never decisions. */
const TOOL_FILES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:adr-|madr-|_)?template(?:[-_.][^/]*)?\.(md|markdown)$/i, 'a template of the ADR tool, not a decision'],
  [/^\d{1,4}-template\.(md|markdown)$/i, 'a template (0000-template.md), not a decision'],
  [/^index\.(md|markdown)$/i, 'the index page of the decision log, not a decision'],
  [/^readme\.(md|markdown)$/i, 'the README of the decision log, not a decision'],
  [/^(changelog|contributing|license|code_of_conduct)\.(md|markdown)$/i, 'a project file, not a decision'],
];

/**
 * Why a file is a tool's own page (template, index, README) rather than a
 * decision, or null when it looks like a decision. A KEP README (beside its
 * kep.yaml) is the KEP itself; a heading that is all placeholder
 * ("[short title of solved problem]", "{short title}") marks a template.
 */
export function toolFileReason(file: SourceFile): string | null {
  if (/(^|\/)[^/]*kep-template\//i.test(file.path)) return 'the KEP template, not a proposal';
  if (file.kepYaml !== undefined) return null;
  if (isDesignDeskFile(file.text)) return 'a DesignDesk team-repo file (it has an id and a ref): sync the team repo instead of importing it';
  const name = baseName(file.path);
  for (const [re, reason] of TOOL_FILES) if (re.test(name)) return reason;
  const title = safeTitle(file.text);
  if (title && /^(\[[^\]]*\]|\{[^}]*\})$/.test(title.replace(/^\d+\.\s*/, ''))) return 'a template (its title is a placeholder), not a decision';
  return null;
}

/** A `ref:` line of our front matter: a display reference of any kind (RFC-12, DM-3). */
const DESIGNDESK_REF_LINE = new RegExp(`^ref:\\s*["']?${PREFIX_SOURCE}-\\d+["']?\\s*$`, 'm');

/** Front matter with a document id and a display ref: a file of our own repo format. */
function isDesignDeskFile(text: string): boolean {
  const fm = /^---[ \t]*\n([\s\S]*?)\n---/.exec(text)?.[1];
  return fm !== undefined && /^id:\s*["']?[0-9A-HJKMNP-TV-Z]{26}["']?\s*$/m.test(fm) && DESIGNDESK_REF_LINE.test(fm);
}

function safeTitle(text: string): string | null {
  try {
    const fm = splitFrontMatter(text);
    return splitTitle(fm ? fm.rest : text, 1).title;
  } catch {
    return splitTitle(text, 1).title;
  }
}

/**
 * Which format a decision file is written in, from its content and name:
 * kep.yaml beside it -> kep; "- Feature Name:" bullets -> rust-rfc;
 * "# N. Title" or a "## Status" section with "Date:" -> adr-tools; YAML front
 * matter -> madr (3/4); status bullets under the title -> log4brains when the
 * name starts with a date, else madr (2); MADR section headings -> madr;
 * anything else -> markdown.
 */
export function detectFormat(file: SourceFile): ImportFormat {
  if (file.kepYaml !== undefined) return 'kep';
  const text = file.text;
  const name = baseName(file.path);
  if (takeBullets(text, RUST_RFC_KEYS)) return 'rust-rfc';
  if (/^---[ \t]*\n/.test(text)) return 'madr';
  const t = splitTitle(text, 1);
  const hasStatusSection = /^\s{0,3}##\s+Status\s*$/im.test(text);
  if (t.title && /^\d{1,6}\.\s/.test(t.title) && hasStatusSection) return 'adr-tools';
  if (hasStatusSection && /^\s*Date:\s*\S/im.test(text)) return 'adr-tools';
  if (t.title && takeBullets(t.rest, BULLET_KEYS)) return /^\d{8}-/.test(name) ? 'log4brains' : 'madr';
  if (/^\d{1,6}-/.test(name) && /^\s{0,3}##\s+(Context and Problem Statement|Decision Outcome|Considered Options)\s*$/im.test(text)) return 'madr';
  return 'markdown';
}
