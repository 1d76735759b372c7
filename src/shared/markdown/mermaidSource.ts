/**
 * Checks on a Mermaid diagram's source before anything renders it. A
 * diagram comes from a teammate's push or an import, so its text is
 * hostile: these checks bound its size and take out every way the text
 * could change the renderer's configuration or ask for something from
 * elsewhere. Pure: the app's views and the published site share it.
 * Decision and the layers around it: docs/adr/0030-mermaid-diagrams-sandboxed.md.
 */

/** The fence's info string that makes a code block a diagram. */
export const MERMAID_LANGUAGE = 'mermaid';

export const MERMAID_LIMITS = {
  /** Characters of source; Mermaid's own default cap is 50,000. */
  maxChars: 20_000,
  /** Lines of source. */
  maxLines: 1_000,
  /** Edges (links) in one diagram, enforced by Mermaid itself (its maxEdges). */
  maxEdges: 500,
  /** A render that takes longer is given up on and reported (the work itself cannot be interrupted). */
  renderTimeoutMs: 10_000,
} as const;

export type MermaidCheck = { ok: true; source: string } | { ok: false; reason: string };

/**
 * The HTML a label may hold: a few formatting tags, without attributes (so
 * no event handler, no address, no style). Anything else is refused.
 */
const LABEL_TAGS = new Set(['br', 'b', 'i', 'em', 'strong', 'u', 's', 'sub', 'sup', 'small', 'code']);

/** CSS that would make the browser fetch something, with the words a reader sees. */
const FETCHING_CSS: { re: RegExp; what: string }[] = [
  { re: /url\s*\(/i, what: 'a CSS url()' },
  { re: /@import/i, what: 'a CSS @import' },
  { re: /image-set\s*\(/i, what: 'a CSS image-set()' },
];

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/**
 * The first HTML tag outside LABEL_TAGS, or one with attributes, as the
 * reader should see it named; null when there is none. Linear: each `<`
 * is looked at once, up to the end of its tag name.
 */
function disallowedTag(source: string): string | null {
  for (let at = source.indexOf('<'); at >= 0; at = source.indexOf('<', at + 1)) {
    let i = at + 1;
    if (source[i] === '/') i++;
    if (!isLetter(source[i])) continue;
    const start = i;
    while (i < source.length && /[A-Za-z0-9-]/.test(source[i]!)) i++;
    const name = source.slice(start, i).toLowerCase();
    while (source[i] === ' ' || source[i] === '\t') i++;
    if (source[i] === '/') i++;
    if (!LABEL_TAGS.has(name)) return `an HTML <${name}> element`;
    if (source[i] !== '>') return `an HTML <${name}> tag with attributes`;
  }
  return null;
}

/** Shape data (`A@{ img: "...", icon: "..." }`) whose fields fetch an image or need an icon pack. */
const FETCHING_SHAPE_FIELD = /\b(img|icon|image)\s*:/i;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Removes `%%{ ... }%%` directives, which would otherwise set Mermaid's
 * configuration from inside the document (securityLevel, themeCSS, ...).
 * Each becomes one space; a directive that never closes is dropped to the
 * end. Linear in the input.
 */
export function stripDirectives(source: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = source.indexOf('%%{', at);
    if (open < 0) return out + source.slice(at);
    out += source.slice(at, open);
    const close = source.indexOf('}%%', open + 3);
    if (close < 0) return out;
    // A space where it was, so the text on either side cannot join into a new directive ("%" + "%{").
    out += ' ';
    at = close + 3;
  }
}

/**
 * Mermaid reads a `---` front matter block at the top as the diagram's
 * title and configuration. Only a plain `title:` line is kept; the
 * configuration comes from the app alone.
 */
export function stripFrontMatter(source: string): string {
  const lines = source.split('\n');
  let first = 0;
  while (first < lines.length && !lines[first]!.trim()) first++;
  if (lines[first]?.trimEnd() !== '---') return source;
  let end = first + 1;
  while (end < lines.length && lines[end]!.trimEnd() !== '---') end++;
  if (end >= lines.length) return lines.slice(first + 1).join('\n');
  const title = lines.slice(first + 1, end).find((l) => /^title:\s*\S/.test(l));
  const kept = title ? ['---', title, '---'] : [];
  return [...kept, ...lines.slice(end + 1)].join('\n');
}

/** The first `@{ ... }` shape data field that would fetch something, or null. Linear in the input. */
function fetchingShapeField(source: string): string | null {
  let at = 0;
  for (;;) {
    const open = source.indexOf('@{', at);
    if (open < 0) return null;
    const close = source.indexOf('}', open + 2);
    const body = source.slice(open + 2, close < 0 ? source.length : close);
    const hit = FETCHING_SHAPE_FIELD.exec(body);
    if (hit) return hit[1]!.toLowerCase();
    if (close < 0) return null;
    at = close + 1;
  }
}

/**
 * Whether a diagram's source may be rendered, and the source to render:
 * within the limits, with directives and front matter configuration taken
 * out, with HTML in labels only as a few formatting tags without
 * attributes, and with nothing that would load an image or a stylesheet. The reason, when refused, names the cause for the reader.
 */
export function checkMermaidSource(raw: string): MermaidCheck {
  if (raw.length > MERMAID_LIMITS.maxChars) {
    return { ok: false, reason: `The diagram is ${count(raw.length)} characters long; a diagram may have at most ${count(MERMAID_LIMITS.maxChars)}.` };
  }
  const source = stripFrontMatter(stripDirectives(raw.replace(/\r\n?/g, '\n')));
  const lines = source.split('\n').length;
  if (lines > MERMAID_LIMITS.maxLines) {
    return { ok: false, reason: `The diagram has ${count(lines)} lines; a diagram may have at most ${count(MERMAID_LIMITS.maxLines)}.` };
  }
  if (!source.trim()) return { ok: false, reason: 'The diagram is empty.' };
  const tag = disallowedTag(source);
  if (tag) return { ok: false, reason: `The diagram contains ${tag}; a label may only use ${[...LABEL_TAGS].map((t) => `<${t}>`).join(' ')}, without attributes.` };
  for (const { re, what } of FETCHING_CSS) {
    if (re.test(source)) return { ok: false, reason: `The diagram contains ${what}; diagrams cannot load images, styles or scripts.` };
  }
  const field = fetchingShapeField(source);
  if (field) return { ok: false, reason: `The diagram gives a shape an ${field} field; diagrams cannot load images or icons.` };
  return { ok: true, source };
}

/** A small diagram to start from, as the fenced block the file keeps (the editor's "Insert a diagram"). */
export const MERMAID_SKELETON = ['```mermaid', 'flowchart LR', '  Client[Client] --> Service[Service]', '  Service --> Store[(Database)]', '```'].join('\n');

/**
 * The text to insert for a diagram at `at` in `text`: the skeleton on lines
 * of its own, with a blank line before and after unless one is there.
 */
export function diagramInsertion(text: string, at: number): string {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return `${lead}${MERMAID_SKELETON}${trail}`;
}
