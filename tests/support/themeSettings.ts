import type { Page } from 'playwright';

/**
 * The three theme settings every screen must read well in: light, dark from
 * the system, and dark chosen by hand (Settings > Theme) on a light system.
 */
export const THEME_SETTINGS = [
  { name: 'light', slug: 'light', system: 'light', theme: null },
  { name: 'dark (system)', slug: 'dark', system: 'dark', theme: null },
  { name: 'dark (chosen on a light system)', slug: 'manual-dark', system: 'light', theme: 'dark' },
] as const;

export type ThemeSetting = (typeof THEME_SETTINGS)[number];

/**
 * Puts the page in one setting without reloading it: the system scheme through
 * media emulation, the app's own choice through the same attributes
 * src/renderer/theme.ts applyTheme() sets. Waits two frames for styles to settle.
 */
export async function applyThemeSetting(page: Page, setting: ThemeSetting): Promise<void> {
  await page.emulateMedia({ colorScheme: setting.system });
  await page.evaluate((theme) => {
    const root = document.documentElement;
    if (theme) {
      root.dataset.theme = theme;
      root.dataset.colorMode = theme;
    } else {
      delete root.dataset.theme;
      delete root.dataset.colorMode;
    }
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, setting.theme);
}

/** Back to the default: a light system and no choice made in the app. */
export async function resetThemeSetting(page: Page): Promise<void> {
  await applyThemeSetting(page, THEME_SETTINGS[0]);
}

/**
 * WCAG contrast ratio between an element's text colour and its own background
 * colour, as the browser computed them (so light-dark() and var() are resolved).
 */
export async function ownContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    const rgb = (c: string): number[] => {
      const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(c);
      if (!m) throw new Error(`not an rgb colour: ${c}`);
      return [Number(m[1]), Number(m[2]), Number(m[3])];
    };
    const lum = (c: number[]): number => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const a = lum(rgb(style.color));
    const b = lum(rgb(style.backgroundColor));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}
