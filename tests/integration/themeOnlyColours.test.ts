import fs from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { requireRenderer } from '../support/renderer';

// The accessibility scan runs every axe rule in the light setting and only the
// colour rules in the two dark ones (tests/support/axeScan.ts, COLOUR_RULES).
// That holds while a theme setting changes colours and nothing else: every
// declaration the shipped CSS makes under a theme selector (data-theme,
// data-color-mode) or a prefers-color-scheme query sets a colour.

/** What a theme may set: colour properties, colour-scheme, and custom properties holding a colour (or blank, lightningcss's light-dark() switch). */
const COLOUR_PROPS = /^(color|color-scheme|caret-color|accent-color|fill|stroke|background(-color)?|border(-(top|right|bottom|left|block|inline))?-color|outline-color|text-decoration-color|column-rule-color|scrollbar-color)$/;
const COLOUR_VALUE = /^(|#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|light-dark|var|color-mix)\(.*\)|transparent|currentcolor|inherit|initial|unset|none|[a-z]+)$/i;
const THEMED = /data-theme|data-color-mode|prefers-color-scheme/;

/** Declarations under a theme selector or colour-scheme query that set something other than a colour. */
export function nonColourThemeRules(css: string): string[] {
  const found: string[] = [];
  postcss.parse(css).walkDecls((d) => {
    const context: string[] = [];
    for (let n = d.parent; n && n.type !== 'root'; n = n.parent) context.push(n.type === 'rule' ? (n as postcss.Rule).selector : `@${(n as postcss.AtRule).name} ${(n as postcss.AtRule).params}`);
    if (!context.some((c) => THEMED.test(c))) return;
    const value = d.value.trim();
    const colour = d.prop.startsWith('--') ? COLOUR_VALUE.test(value) : COLOUR_PROPS.test(d.prop) && !/url\(|gradient\(/.test(value);
    if (!colour) found.push(`${context.join(' < ')} { ${d.prop}: ${value} }`);
  });
  return found;
}

describe('a theme setting changes colours only', () => {
  it('finds a theme rule that changes layout or visibility (the check can fail)', () => {
    expect(nonColourThemeRules(':root[data-theme=dark] .toolbar { display: none; color: #fff }')).toEqual([':root[data-theme=dark] .toolbar { display: none }']);
    expect(nonColourThemeRules('@media (prefers-color-scheme: dark) { .a { --gap: 12px; --ink: #eee; background: url(x.png) } }')).toHaveLength(2);
    expect(nonColourThemeRules('.theme-swatch-dark { width: 2rem } [data-color-mode*=dark] .md { --fg: light-dark(#111, #eee) }')).toEqual([]);
  });

  it('holds for every stylesheet the renderer ships', () => {
    const assets = path.join(requireRenderer(), 'assets');
    const sheets = fs.readdirSync(assets).filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    const themed = sheets.filter((f) => THEMED.test(fs.readFileSync(path.join(assets, f), 'utf8')));
    expect(themed.length, 'some stylesheet has theme rules').toBeGreaterThan(0);
    for (const f of sheets) expect(nonColourThemeRules(fs.readFileSync(path.join(assets, f), 'utf8')), f).toEqual([]);
  });
});
