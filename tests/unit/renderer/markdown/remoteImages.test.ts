import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HastElement, HastNode } from '../../../../src/shared/markdown/hast';
import { cssUrls, isDataImage, isRemoteUrl, rehypeRemoteImages, srcsetUrls } from '../../../../src/renderer/markdown/remoteImages';

const el = (tagName: string, properties: Record<string, unknown>, children: HastNode[] = []): HastElement => ({ type: 'element', tagName, properties, children });

function run(tree: HastNode, allow: boolean): number {
  let n = -1;
  rehypeRemoteImages({ allow, onBlocked: (c) => (n = c) })(tree);
  return n;
}

describe('remote image addresses', () => {
  it('tells remote addresses from local ones, as a browser reads them', () => {
    for (const u of ['https://t.example/p.png', 'http://t.example/p.png', '//t.example/p.png', 'HTTPS://T.EXAMPLE', ' ht\ttps://x', '\\\\t.example\\p.png', '/\\t.example']) expect(isRemoteUrl(u), u).toBe(true);
    for (const u of ['data:image/png;base64,AAAA', 'images/p.png', '/p.png', '#x', 'app://designdesk/x.png']) expect(isRemoteUrl(u), u).toBe(false);
  });

  it('reads every address of a srcset and of CSS', () => {
    expect(srcsetUrls('a.png 1x, https://t.example/b.png 2x,c.png')).toEqual(['a.png', 'https://t.example/b.png', 'c.png']);
    expect(cssUrls(`background:url("https://t/a.png"); mask: url(b.svg); x: image-set('https://t/c.png' 1x)`)).toEqual(['https://t/a.png', 'b.svg', 'https://t/c.png']);
  });

  it('keeps data: raster images only', () => {
    expect(isDataImage('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isDataImage('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isDataImage('data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
  });
});

describe('rehypeRemoteImages', () => {
  it('takes every remote address out and counts them, leaving a labelled placeholder for an img', () => {
    const tree: HastNode = {
      type: 'root',
      children: [
        el('p', {}, [el('img', { src: 'https://t.example/p.png', alt: 'chart' }), el('img', { src: 'data:image/png;base64,AAAA', alt: 'local' })]),
        el('picture', {}, [el('source', { srcSet: 'https://t.example/2.png 2x' })]),
        el('video', { poster: '//t.example/v.png' }),
        el('span', { style: 'background:url(https://t.example/bg.png)' }),
        el('svg', {}, [el('image', { href: 'https://t.example/i.png' })]),
        el('a', { href: 'https://t.example/page' }, [{ type: 'text', value: 'a link stays' }]),
      ],
    };
    expect(run(tree, false)).toBe(5);
    const json = JSON.stringify(tree);
    expect(json).not.toContain('t.example/p.png');
    expect(json).not.toContain('2.png');
    expect(json).not.toContain('v.png');
    expect(json).not.toContain('bg.png');
    expect(json).not.toContain('i.png');
    expect(json).toContain('https://t.example/page');
    expect(json).toContain('Remote image not loaded: chart');
    expect(json).toContain('data:image/png;base64,AAAA');
  });

  it('leaves them when the reader allowed it', () => {
    const tree: HastNode = { type: 'root', children: [el('img', { src: 'https://t.example/p.png' })] };
    expect(run(tree, true)).toBe(0);
    expect(JSON.stringify(tree)).toContain('https://t.example/p.png');
  });

  it('never lets a remote address through, whatever the tree (property)', () => {
    const url = fc.oneof(fc.webUrl(), fc.constantFrom('//x.example/a', ' https://x.example/b', 'HTTP://X.EXAMPLE/c'), fc.string({ maxLength: 20 }));
    const prop = fc.constantFrom('src', 'srcSet', 'poster', 'style', 'href', 'data', 'background');
    const tag = fc.constantFrom('img', 'source', 'video', 'span', 'image', 'use', 'link', 'object', 'a');
    const value = fc.tuple(url, fc.boolean()).map(([u, css]) => (css ? `url(${u})` : u));
    const node = (children: fc.Arbitrary<HastNode[]>): fc.Arbitrary<HastElement> =>
      fc.record({ type: fc.constant('element' as const), tagName: tag, properties: fc.dictionary(prop, value, { maxKeys: 3 }), children });
    const tree = node(fc.array(node(fc.array(node(fc.constant([])), { maxLength: 3 })), { maxLength: 3 }));
    fc.assert(
      fc.property(tree, (root) => {
        const wrapped: HastNode = { type: 'root', children: [root] };
        run(wrapped, false);
        const check = (n: HastNode): void => {
          if (n.type !== 'element') return;
          const e = n as HastElement;
          for (const k of ['src', 'poster', 'data', 'background']) if (k in e.properties) expect(isRemoteUrl(String(e.properties[k]))).toBe(false);
          if ('srcSet' in e.properties) expect(srcsetUrls(String(e.properties.srcSet)).some(isRemoteUrl)).toBe(false);
          if ('style' in e.properties) expect(cssUrls(String(e.properties.style)).some(isRemoteUrl)).toBe(false);
          if (['image', 'use', 'link'].includes(e.tagName) && 'href' in e.properties) expect(isRemoteUrl(String(e.properties.href))).toBe(false);
          e.children.forEach(check);
        };
        check(wrapped.children![0]!);
      }),
    );
  });

  it('reads any CSS or srcset text without hanging or throwing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: fc.constantFrom('u', 'r', 'l', '(', ')', '"', "'", ' ', ',', 'h', 't', 'p', 's', ':', '/', 'image-set(', '@import') }), (css) => {
        expect(Array.isArray(cssUrls(css))).toBe(true);
        expect(Array.isArray(srcsetUrls(css))).toBe(true);
      }),
    );
  });
});
