import type { MermaidConfig } from 'mermaid';
import { checkMermaidSource, MERMAID_LIMITS } from '../../shared/markdown/mermaidSource';

export type DiagramTheme = 'light' | 'dark';

/** A drawn diagram (an SVG document to show as an image) or the reason it is not shown. */
export type DiagramOutcome = { svg: string; width: number; height: number; label: string } | { error: string };

/**
 * Mermaid's configuration, all of it from the app: strict security (labels
 * sanitised, no click callbacks, links through a URL sanitiser), labels as
 * SVG text instead of HTML, and every key listed as secure so that nothing
 * in a diagram can change it (directives are also stripped before).
 */
function config(theme: DiagramTheme): MermaidConfig {
  const base: MermaidConfig = {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    maxTextSize: MERMAID_LIMITS.maxChars,
    maxEdges: MERMAID_LIMITS.maxEdges,
    suppressErrorRendering: true,
    deterministicIds: true,
    fontFamily: 'system-ui, "DejaVu Sans", sans-serif',
  };
  return { ...base, secure: [...Object.keys(base), 'secure', 'themeCSS', 'themeVariables', 'look', 'darkMode', 'dompurifyConfig', 'arrowMarkerAbsolute', 'elk', 'layout'] };
}

type Mermaid = (typeof import('mermaid'))['default'];
let loading: Promise<Mermaid> | null = null;
/** Mermaid is a large chunk of its own, loaded the first time a diagram is on screen. */
const loadMermaid = (): Promise<Mermaid> => (loading ??= import('mermaid').then((m) => m.default));

const CACHE_SIZE = 64;
const cache = new Map<string, DiagramOutcome>();
let queue: Promise<unknown> = Promise.resolve();
let seq = 0;

/** A drawn outcome for this source and theme, if one was drawn before. */
export function cachedDiagram(source: string, theme: DiagramTheme): DiagramOutcome | undefined {
  const key = `${theme}\n${source}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function remember(source: string, theme: DiagramTheme, outcome: DiagramOutcome): DiagramOutcome {
  cache.set(`${theme}\n${source}`, outcome);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return outcome;
}

const firstLines = (s: string): string => {
  const text = s.split('\n').slice(0, 4).join('\n').trim();
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/**
 * Mermaid's SVG as a standalone XML document (parsed in an inert document:
 * nothing in it runs or loads), with its size and a label for the image.
 */
function asImage(markup: string, source: string): DiagramOutcome {
  const svg = new DOMParser().parseFromString(markup, 'text/html').querySelector('svg');
  if (!svg) return { error: 'The diagram could not be drawn: the renderer returned no picture.' };
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Math.max(1, Math.ceil(box[2] ?? 0) || 300);
  const height = Math.max(1, Math.ceil(box[3] ?? 0) || 150);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.removeAttribute('style');
  const title = svg.querySelector('title')?.textContent?.trim() || /^---\ntitle:\s*(.+)\n---\n/.exec(source)?.[1]?.trim();
  const kind = /^\s*(?:---[\s\S]*?---\s*)?([A-Za-z-]+)/.exec(source)?.[1] ?? 'diagram';
  return { svg: new XMLSerializer().serializeToString(svg), width, height, label: title ? `Diagram: ${title}` : `Diagram (${kind})` };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`drawing took longer than ${ms / 1000} s and was given up`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function draw(source: string, theme: DiagramTheme): Promise<DiagramOutcome> {
  const checked = checkMermaidSource(source);
  if (!checked.ok) return { error: checked.reason };
  const mermaid = await loadMermaid();
  const id = `mermaid-diagram-${++seq}`;
  try {
    mermaid.initialize(config(theme));
    const { svg } = await withTimeout(mermaid.render(id, checked.source), MERMAID_LIMITS.renderTimeoutMs);
    return asImage(svg, checked.source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const edges = /Edge limit exceeded\. (\d+) edges/.exec(message);
    if (edges) return { error: `The diagram has ${edges[1]} or more links; a diagram may have at most ${MERMAID_LIMITS.maxEdges}.` };
    return { error: `The diagram could not be drawn: ${firstLines(message)}` };
  } finally {
    // Mermaid draws in a scratch element of its own and leaves it behind on some errors.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

/**
 * Draws a diagram, one at a time (Mermaid keeps global state), checked by
 * checkMermaidSource first. Never rejects: a failure is an outcome with a
 * message naming the cause.
 */
export function renderDiagram(source: string, theme: DiagramTheme): Promise<DiagramOutcome> {
  const hit = cachedDiagram(source, theme);
  if (hit) return Promise.resolve(hit);
  const next = queue.then(() => draw(source, theme)).then((outcome) => remember(source, theme, outcome));
  queue = next.catch(() => undefined);
  return next.catch((e: unknown) => ({ error: `The diagram could not be drawn: ${e instanceof Error ? e.message : String(e)}` }));
}
