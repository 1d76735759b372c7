import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMermaidSource, diagramInsertion, MERMAID_LIMITS, MERMAID_SKELETON, stripDirectives, stripFrontMatter } from '../../../../src/shared/markdown/mermaidSource';

const reasonOf = (source: string): string => {
  const r = checkMermaidSource(source);
  if (r.ok) throw new Error(`accepted: ${source}`);
  return r.reason;
};

describe('checkMermaidSource', () => {
  it('lets labels use a few formatting tags without attributes, and a < that starts no tag', () => {
    const source = 'flowchart LR\n  A["one<br>two<br/>three <b>bold</b> <i>it</i>"] --> B["x < 3 and 2<3"]';
    expect(checkMermaidSource(source)).toEqual({ ok: true, source });
  });

  it('passes an ordinary diagram through unchanged', () => {
    const source = 'flowchart LR\n  A[Client] --> B{Cache?}\n  B -- hit --> C[(Redis)]\n  click A href "https://example.com"';
    expect(checkMermaidSource(source)).toEqual({ ok: true, source });
  });

  it('takes out directives, so a diagram cannot change the renderer’s configuration', () => {
    const r = checkMermaidSource('%%{init: {"securityLevel":"loose", "themeCSS": "x"}}%%\nflowchart LR\n  A --> B %%{init: {"startOnLoad": true}}%%');
    expect(r).toEqual({ ok: true, source: ' \nflowchart LR\n  A --> B  ' });
    expect(stripDirectives('%%%{x}%%%{y}%%')).toBe('% %{y}%%');
    expect(stripDirectives('a %%{never closed\nflowchart')).toBe('a ');
  });

  it('keeps only the title of a front matter block', () => {
    expect(stripFrontMatter('---\ntitle: Cache path\nconfig:\n  securityLevel: loose\n---\nflowchart LR\n  A-->B')).toBe('---\ntitle: Cache path\n---\nflowchart LR\n  A-->B');
    expect(stripFrontMatter('\n---\nconfig:\n  theme: dark\n---\nsequenceDiagram')).toBe('sequenceDiagram');
    expect(stripFrontMatter('---\nconfig: {}\nflowchart LR')).toBe('config: {}\nflowchart LR');
  });

  it('refuses anything that would load an image, a stylesheet or a script, naming it', () => {
    expect(reasonOf('flowchart LR\n  A["<img src=x onerror=alert(1)>"]')).toBe('The diagram contains an HTML <img> element; a label may only use <br> <b> <i> <em> <strong> <u> <s> <sub> <sup> <small> <code>, without attributes.');
    expect(reasonOf('flowchart LR\n  A["<script>window.x=1</script>"]')).toContain('an HTML <script> element');
    expect(reasonOf('flowchart LR\n  A["<b onmouseover=\'x()\'>hover</b>"]')).toContain('an HTML <b> tag with attributes');
    expect(reasonOf('flowchart LR\n  A["<IMG/src=x>"]')).toContain('an HTML <img> element');
    expect(reasonOf('flowchart LR\n  A --> B\n  style A fill:url(https://evil.example/x.png)')).toContain('a CSS url()');
    expect(reasonOf('flowchart LR\n  classDef x @import "https://evil.example/a.css"')).toContain('a CSS @import');
    expect(reasonOf('flowchart LR\n  A@{ img: "https://evil.example/x.png", label: "x" }')).toBe('The diagram gives a shape an img field; diagrams cannot load images or icons.');
    expect(reasonOf('flowchart LR\n  A@{ shape: rect }\n  B@{ icon: "fa:user" }')).toContain('an icon field');
  });

  it('bounds the size, naming the limit', () => {
    expect(reasonOf(`flowchart LR\n${'  A --> B\n'.repeat(3000)}`)).toBe(`The diagram is 30,013 characters long; a diagram may have at most ${MERMAID_LIMITS.maxChars.toLocaleString('en-US')}.`);
    expect(reasonOf(`flowchart LR${'\n'.repeat(1500)}`)).toBe('The diagram has 1,501 lines; a diagram may have at most 1,000.');
    expect(reasonOf('  \n')).toBe('The diagram is empty.');
  });

  it('answers for any text, within the limits and without directives or front matter configuration in what it passes on', () => {
    const piece = fc.constantFrom('%%{', '}%%', '---', '\n', 'config:', 'title: t', '@{', '}', 'img:', 'A-->B', '<img', '<b', '<br/>', '>', ' on=', 'url(', ' ', 'flowchart LR');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(piece, { maxLength: 80 }).map((a) => a.join(''))), (text) => {
        const r = checkMermaidSource(text);
        if (!r.ok) {
          expect(r.reason).toMatch(/^The diagram /);
          return;
        }
        expect(r.source.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxChars);
        expect(r.source).not.toContain('%%{');
        expect(r.source).not.toMatch(/<\/?(?!(br|b|i|em|strong|u|s|sub|sup|small|code)\s*\/?>)[a-z]|url\(/i);
        // Checking again changes nothing: the output is already clean.
        expect(checkMermaidSource(r.source)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on the worst inputs for its scans (many openers, nothing closed)', () => {
    for (const opener of ['%%{', '@{', '---\n']) {
      const text = opener.repeat(Math.floor(MERMAID_LIMITS.maxChars / opener.length));
      expect(() => checkMermaidSource(text)).not.toThrow();
    }
  });
});

describe('diagramInsertion', () => {
  it('puts the skeleton on lines of its own, with one blank line around it', () => {
    expect(diagramInsertion('', 0)).toBe(`${MERMAID_SKELETON}\n\n`);
    expect(diagramInsertion('Before.', 7)).toBe(`\n\n${MERMAID_SKELETON}\n\n`);
    expect(diagramInsertion('Before.\n\nAfter.', 9)).toBe(`${MERMAID_SKELETON}\n\n`);
    expect(diagramInsertion('Before.\nAfter.', 8)).toBe(`\n${MERMAID_SKELETON}\n\n`);
  });

  it('the skeleton itself is a diagram the checks accept', () => {
    const inner = MERMAID_SKELETON.split('\n').slice(1, -1).join('\n');
    expect(checkMermaidSource(inner)).toEqual({ ok: true, source: inner });
  });
});
