import { describe, expect, it } from 'vitest';
import type { HastElement, HastNode } from '../../../../src/shared/markdown/hast';
import { mermaidBlockSource, rehypeMermaid } from '../../../../src/renderer/markdown/rehypeMermaid';

const el = (tagName: string, properties: Record<string, unknown>, children: HastNode[] = []): HastElement => ({ type: 'element', tagName, properties, children });
const text = (value: string): HastNode => ({ type: 'text', value });
const block = (lang: string, source: string): HastElement => el('pre', {}, [el('code', { className: [`language-${lang}`] }, [text(`${source}\n`)])]);

describe('rehypeMermaid', () => {
  it('wraps a mermaid block, at any depth, in a diagram element holding its source and the block itself', () => {
    const diagram = block('mermaid', 'flowchart LR\n  A --> B');
    const tree: HastNode = { type: 'root', children: [el('blockquote', {}, [diagram]), block('js', 'x()')] };
    rehypeMermaid()(tree);
    const wrapper = (tree.children![0] as HastElement).children[0] as HastElement;
    expect(wrapper).toMatchObject({ tagName: 'div', properties: { className: ['mermaid-diagram'], dataDiagram: 'flowchart LR\n  A --> B' } });
    expect(wrapper.children).toEqual([diagram]);
    // Other code blocks stay as they are.
    expect((tree.children![1] as HastElement).tagName).toBe('pre');
  });

  it('reads only a pre > code.language-mermaid as a diagram', () => {
    expect(mermaidBlockSource(block('mermaid', 'pie'))).toBe('pie');
    expect(mermaidBlockSource(el('pre', {}, [el('code', { className: 'language-mermaid other' }, [text('pie')])]))).toBe('pie');
    expect(mermaidBlockSource(block('mermaidx', 'pie'))).toBeNull();
    expect(mermaidBlockSource(el('code', { className: ['language-mermaid'] }, [text('pie')]))).toBeNull();
    expect(mermaidBlockSource(el('pre', {}, [text('pie')]))).toBeNull();
  });
});
