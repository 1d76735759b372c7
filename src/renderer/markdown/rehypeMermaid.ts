import { MERMAID_LANGUAGE } from '../../shared/markdown/mermaidSource';
import type { HastElement, HastNode } from '../../shared/markdown/hast';

const textOf = (n: HastNode): string => (n.type === 'text' ? (n.value ?? '') : 'children' in n && n.children ? n.children.map(textOf).join('') : '');

/** The source of a `<pre><code class="language-mermaid">` block, or null for any other node. */
export function mermaidBlockSource(node: HastNode): string | null {
  if (node.type !== 'element' || node.tagName !== 'pre') return null;
  const code = node.children.find((c): c is HastElement => c.type === 'element' && c.tagName === 'code');
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? classes.split(/\s+/) : [];
  return code && list.includes(`language-${MERMAID_LANGUAGE}`) ? textOf(code).replace(/\n$/, '') : null;
}

/**
 * Wraps each ```mermaid block in a <div data-diagram="source">, which
 * mermaidDiagrams.ts finds and draws. Runs after the
 * sanitizer, so it adds only this element and one data attribute; the code
 * block stays inside it, unchanged, for the plugins that read the text.
 */
export function rehypeMermaid() {
  const walk = (n: HastNode): void => {
    if (!('children' in n) || !n.children) return;
    n.children = n.children.map((child) => {
      const source = mermaidBlockSource(child);
      if (source === null) {
        walk(child);
        return child;
      }
      const wrapper: HastElement = { type: 'element', tagName: 'div', properties: { className: ['mermaid-diagram'], dataDiagram: source }, children: [child], position: child.position };
      return wrapper;
    });
  };
  return walk;
}
