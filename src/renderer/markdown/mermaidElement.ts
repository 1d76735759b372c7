import { cachedDiagram, renderDiagram, type DiagramOutcome, type DiagramTheme } from './mermaidRender';

/** The element a ```mermaid block becomes in every rendered view (rehypeMermaid). */
export const DIAGRAM_TAG = 'mermaid-diagram';

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

const live = new Set<MermaidDiagram>();

/** Light or dark, as the page shows it; printing is always light. */
function themeOf(el: Element): DiagramTheme {
  if (el.closest('.print-view')) return 'light';
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * A Mermaid diagram. The drawing lives in the element's shadow root as an
 * <img> of an SVG document: the browser neither runs script nor fetches
 * anything for an SVG shown as an image. The fenced code block stays in
 * the light DOM (not shown) for whatever reads the Markdown's structure.
 */
class MermaidDiagram extends HTMLElement {
  static observedAttributes = ['data-source'];
  private readonly root: ShadowRoot;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = '';
  private done: Promise<void> = Promise.resolve();
  private finish: () => void = () => undefined;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  /** Resolves once the current source is drawn or its problem is shown. */
  get settled(): Promise<void> {
    return this.done;
  }

  connectedCallback(): void {
    live.add(this);
    this.update(0);
  }

  disconnectedCallback(): void {
    live.delete(this);
    clearTimeout(this.timer);
    this.finish();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.update(this.shown ? TYPING_PAUSE_MS : 0);
  }

  /** Draws again, for a new source or a new theme. */
  update(delay: number): void {
    const source = this.dataset.source ?? '';
    const theme = themeOf(this);
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
        if (this.isConnected && (this.dataset.source ?? '') === source && themeOf(this) === theme) this.paint(outcome, key);
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
      pre.textContent = this.dataset.source ?? '';
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

function redrawAll(): void {
  for (const el of live) el.update(0);
}

/** Registers the element (once) and redraws diagrams when the theme changes. */
export function defineMermaidElement(): void {
  if (typeof customElements === 'undefined' || customElements.get(DIAGRAM_TAG)) return;
  customElements.define(DIAGRAM_TAG, MermaidDiagram);
  new MutationObserver(redrawAll).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', redrawAll);
}

/** Resolves once every diagram under `root` is drawn or shows its problem (print waits for it). */
export async function diagramsSettled(root: ParentNode = document): Promise<void> {
  await Promise.all([...root.querySelectorAll(DIAGRAM_TAG)].map((el) => (el as MermaidDiagram).settled));
}
