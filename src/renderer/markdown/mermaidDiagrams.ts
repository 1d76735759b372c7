import { cachedDiagram, renderDiagram, type DiagramOutcome, type DiagramTheme } from './mermaidRender';

/**
 * The attribute rehypeMermaid puts on a <div> for each ```mermaid block,
 * holding its source. The preview only renders plain tag names (no custom
 * elements), so a document-wide observer finds these and draws them.
 */
export const DIAGRAM_ATTR = 'data-diagram';

/** While someone types in the live preview, redraw once they pause. */
const TYPING_PAUSE_MS = 250;

const STYLE = `
:host { display: block; margin: 0 0 16px; }
.diagram { margin: 0; overflow-x: auto; }
.diagram img { display: block; max-width: 100%; height: auto; }
.status { color: var(--text-muted, #57606a); font-style: italic; margin: 0; }
.problem { border: 1px solid var(--border, #d9dde3); border-left: 4px solid var(--danger, #b42318); border-radius: var(--radius, 6px); padding: 8px 12px; color: var(--text, #1b1f24); }
.problem p { margin: 0 0 6px; }
.problem pre { margin: 0; max-height: 12em; overflow: auto; font: 12px var(--mono, monospace); white-space: pre-wrap; color: var(--text-muted, #57606a); }
`;

/** Light or dark, as the page shows it; printing is always light. */
function themeOf(el: Element): DiagramTheme {
  if (el.closest('.print-view')) return 'light';
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Draws one diagram. The drawing lives in the element's shadow root as an
 * <img> of an SVG document: the browser neither runs script nor fetches
 * anything for an SVG shown as an image. The fenced code block stays in
 * the light DOM (not shown) for whatever reads the Markdown's structure.
 */
class DiagramView {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = '';
  private done: Promise<void> = Promise.resolve();
  private finish: () => void = () => undefined;

  constructor(host: HTMLElement) {
    this.host = host;
    this.root = host.attachShadow({ mode: 'open' });
  }

  /** Resolves once the current source is drawn or its problem is shown. */
  get settled(): Promise<void> {
    return this.done;
  }

  private get dataset(): DOMStringMap {
    return this.host.dataset;
  }

  /** Draws again, for a new source or a new theme. */
  update(delay: number): void {
    const source = this.dataset.diagram ?? '';
    const theme = themeOf(this.host);
    const key = `${theme}\n${source}`;
    if (key === this.shown) return;
    clearTimeout(this.timer);
    const hit = cachedDiagram(source, theme);
    if (hit) return this.paint(hit, key);
    if (this.dataset.state !== 'pending') {
      this.done = new Promise((resolve) => (this.finish = resolve));
      this.dataset.state = 'pending';
    }
    if (!this.shown) this.paintStatus();
    this.timer = setTimeout(() => {
      void renderDiagram(source, theme).then((outcome) => {
        if (this.host.isConnected && (this.dataset.diagram ?? '') === source && themeOf(this.host) === theme) this.paint(outcome, key);
      });
    }, delay);
  }

  private paintStatus(): void {
    const p = document.createElement('p');
    p.className = 'status';
    p.textContent = 'Drawing the diagram…';
    this.replace(p);
  }

  private paint(outcome: DiagramOutcome, key: string): void {
    this.shown = key;
    if ('error' in outcome) {
      const box = document.createElement('div');
      box.className = 'problem';
      const p = document.createElement('p');
      p.textContent = `Diagram not shown. ${outcome.error}`;
      const pre = document.createElement('pre');
      pre.textContent = this.dataset.diagram ?? '';
      box.append(p, pre);
      this.replace(box);
      this.dataset.state = 'error';
    } else {
      const figure = document.createElement('figure');
      figure.className = 'diagram';
      const img = document.createElement('img');
      img.alt = outcome.label;
      img.width = outcome.width;
      img.height = outcome.height;
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(outcome.svg)}`;
      figure.append(img);
      this.replace(figure);
      this.dataset.state = 'drawn';
    }
    this.finish();
  }

  private replace(content: Node): void {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.root.replaceChildren(style, content);
  }
}

const views = new WeakMap<HTMLElement, DiagramView>();

/** The view of every diagram element under `root`, created for the new ones and told of a changed source. */
function scan(root: ParentNode, changed?: Set<Element>): DiagramView[] {
  const found: DiagramView[] = [];
  const all = root instanceof Element && root.hasAttribute(DIAGRAM_ATTR) ? [root, ...root.querySelectorAll(`[${DIAGRAM_ATTR}]`)] : [...root.querySelectorAll(`[${DIAGRAM_ATTR}]`)];
  for (const el of all as HTMLElement[]) {
    let view = views.get(el);
    if (!view) {
      if (el.shadowRoot) continue;
      view = new DiagramView(el);
      views.set(el, view);
      view.update(0);
    } else if (changed?.has(el)) {
      view.update(TYPING_PAUSE_MS);
    }
    found.push(view);
  }
  return found;
}

function redrawAll(): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[${DIAGRAM_ATTR}]`)) views.get(el)?.update(0);
}

/** Starts drawing every diagram element the page shows, now and later, and redraws them when the theme changes. */
export function startMermaidDiagrams(): void {
  if (typeof document === 'undefined' || started) return;
  started = true;
  new MutationObserver((records) => {
    const changed = new Set<Element>();
    let added = false;
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === DIAGRAM_ATTR) changed.add(r.target as Element);
      // Most mutations (a keystroke in the editor) add nothing holding a diagram: look only at what was added.
      if (r.type === 'childList' && !added) added = Array.from(r.addedNodes).some((n) => n instanceof Element && (n.hasAttribute(DIAGRAM_ATTR) || n.querySelector(`[${DIAGRAM_ATTR}]`) !== null));
    }
    if (added || changed.size) scan(document, changed);
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: [DIAGRAM_ATTR] });
  new MutationObserver(redrawAll).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', redrawAll);
  scan(document);
}
let started = false;

/** Resolves once every diagram under `root` is drawn or shows its problem (print waits for it). */
export async function diagramsSettled(root: ParentNode = document): Promise<void> {
  await Promise.all(scan(root).map((view) => view.settled));
}
