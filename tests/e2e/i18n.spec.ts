// Every screen in every UI language and both pseudo-locales: screenshotted (reports/screenshots/i18n-*),
// checked for overflow and clipping, for hard-coded strings (under en-XA every UI string is accented,
// so plain English that is not scenario content was never translated), for lang/dir on <html>, and
// with axe (WCAG 2.x A/AA). Then a whole playthrough in Arabic by clicking the real UI, and the
// accessibility tree of each screen in Arabic and English (docs/a11y/, with UPDATE_A11Y_DOCS=1).
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import type { Golden } from '../../src/build/golden';
import { checkA11y, expect, snap, test } from './support';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GOLDEN = parse(readFileSync(path.join(ROOT, 'scenarios/poc-red-lines/playthroughs/bluff-called.yaml'), 'utf8')) as Golden;

const LANGS = [
  { code: 'ar', html: 'ar', dir: 'rtl' },
  { code: 'zh', html: 'zh-Hans', dir: 'ltr' },
  { code: 'en', html: 'en', dir: 'ltr' },
  { code: 'fr', html: 'fr', dir: 'ltr' },
  { code: 'ru', html: 'ru', dir: 'ltr' },
  { code: 'es', html: 'es', dir: 'ltr' },
  { code: 'en-XA', html: 'en-XA', dir: 'ltr' },
  { code: 'ar-XB', html: 'ar-XB', dir: 'rtl' },
] as const;

type Screen = 'library' | 'settings' | 'about' | 'briefing' | 'play' | 'debrief';

/** Boxes whose content is wider than the box and is cut off or spills (not scrollers, not the map canvas). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
    const sel = 'h1, h2, h3, h4, h5, p, li, dt, dd, td, th, label, legend, button, a, summary, output, .chip, .badge, .btn';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const cs = getComputedStyle(el);
      if (cs.display === 'inline' || cs.display === 'none' || el.closest('.sr-only, [hidden], canvas, .graph-scroll, [data-scrolls]')) continue;
      if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
      if (el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 2) {
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.scrollWidth}>${el.clientWidth} "${text}"`);
      }
    }
    return out;
  });
}

/**
 * Visible text that is plain ASCII English under en-XA and is not scenario content (titles, node
 * text, names from the library, the bundle and the glossary): a string that never went through t().
 */
async function hardCoded(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const state = window.__mandate?.store.getState() as unknown as Record<string, unknown> | undefined;
    const scenarioStrings: string[] = [];
    const collect = (v: unknown, depth: number): void => {
      if (depth > 12 || v === null || v === undefined) return;
      if (typeof v === 'string') scenarioStrings.push(v);
      else if (Array.isArray(v)) v.forEach((x) => collect(x, depth + 1));
      else if (typeof v === 'object') Object.values(v as Record<string, unknown>).forEach((x) => collect(x, depth + 1));
    };
    collect(state?.library, 0);
    collect(state?.bundle, 0);
    collect((state?.snapshot as Record<string, unknown> | undefined)?.context, 0);
    const glossary = document.querySelectorAll('[data-testid="term-tip"], .glossary-list');
    glossary.forEach((g) => scenarioStrings.push(g.textContent ?? ''));
    // Language names come from Intl.DisplayNames (the scenario-translation fallback notice names the language).
    const lang = document.documentElement.lang;
    scenarioStrings.push(new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? '');
    const haystack = scenarioStrings.join('\n');
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (!/[A-Za-z]{3}/.test(text)) continue;
      const el = n.parentElement;
      // Bibliographic citations keep their original language (the study's publisher and title).
      if (!el || el.closest('script, style, [hidden], .term-tips, [data-testid="glossary"], .glossary, .citation') || !el.getClientRects().length) continue;
      // A text node can join a translated template's punctuation with scenario words ("{{from}}: {{title}}",
      // "[… ~~]" around interpolated text): each piece must be accented (translated) or scenario content.
      const pieces = text.split(/[[\]~:·—–(),;.«»“”"!?§]+/).map((p) => p.trim()).filter((p) => /[A-Za-z]{3}/.test(p));
      const bad = pieces.filter((p) => !/[\u00c0-\u024f]/.test(p) && !haystack.includes(p));
      if (bad.length) out.add(text.slice(0, 80));
    }
    return [...out];
  });
}

async function open(page: Page, lang: string): Promise<void> {
  await page.goto(`/?lang=${lang}&nomap=1&seed=${GOLDEN.seed}`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

async function check(page: Page, lang: (typeof LANGS)[number], screen: Screen, problems: string[]): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-screen', screen);
  await expect(page.locator('html')).toHaveAttribute('lang', lang.html);
  await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
  await page.evaluate(() => document.fonts.ready);
  await snap(page, `i18n-${lang.code}-${screen}`, { fullPage: true });
  for (const o of await overflowing(page)) problems.push(`${lang.code}/${screen} overflow: ${o}`);
  if (lang.code === 'en-XA') for (const s of await hardCoded(page)) problems.push(`${lang.code}/${screen} hard-coded: "${s}"`);
  await checkA11y(page, `i18n-${lang.code}-${screen}`, { exclude: ['.term-tips'] });
}

/** Plays the golden through the store (fast), leaving the debrief screen open. */
async function playGolden(page: Page): Promise<void> {
  await page.evaluate(async (choices) => {
    const store = window.__mandate?.store;
    if (!store) throw new Error('no store');
    for (const c of choices) if (!(await store.getState().actions.choose(c))) throw new Error(`could not choose ${c}`);
  }, GOLDEN.choices);
  await expect(page.getByTestId('ending')).toBeVisible();
}

async function startGolden(page: Page): Promise<void> {
  if (GOLDEN.seat) await page.getByTestId(`seat-${GOLDEN.scenario}`).selectOption(GOLDEN.seat);
  await page.getByTestId(`start-${GOLDEN.scenario}`).click();
  await expect(page.locator('body[data-screen="briefing"], [data-testid="content-note"]').first()).toBeVisible();
  if (await page.getByTestId('content-note').isVisible()) await page.getByTestId('dialog-confirm').click();
}

for (const lang of LANGS) {
  test(`every screen in ${lang.code}: no overflow, no hard-coded text, no axe violation`, async ({ page, expectNoErrors }) => {
    // Six screens, each screenshotted and checked with axe: generous for a loaded CI machine.
    test.setTimeout(360_000);
    const problems: string[] = [];
    await open(page, lang.code);
    await check(page, lang, 'library', problems);
    await page.getByTestId('nav-settings').click();
    await check(page, lang, 'settings', problems);
    await page.getByTestId('nav-about').click();
    await check(page, lang, 'about', problems);
    await page.getByTestId('nav-library').click();
    await startGolden(page);
    await check(page, lang, 'briefing', problems);
    await page.getByTestId('begin').click();
    await check(page, lang, 'play', problems);
    await playGolden(page);
    await page.getByTestId('open-debrief').click();
    await expect(page.getByTestId('debrief-ending')).toBeVisible();
    await check(page, lang, 'debrief', problems);
    expect(problems).toEqual([]);
    expectNoErrors();
  });
}

test('the high-contrast theme passes axe (contrast included) on the library and a decision', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'en');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('setting-high-contrast').check();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await checkA11y(page, 'i18n-high-contrast-settings');
  await page.getByTestId('nav-library').click();
  await checkA11y(page, 'i18n-high-contrast-library');
  await startGolden(page);
  await page.getByTestId('begin').click();
  await expect(page.getByTestId('decision')).toBeVisible();
  await snap(page, 'i18n-high-contrast-play', { fullPage: true });
  await checkA11y(page, 'i18n-high-contrast-play', { exclude: ['.term-tips'] });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
});

// FIXME (issue 10, reflow): at 320 CSS px with text at 200 % the library still scrolls sideways
// (447 px in Arabic, 465 px in en-XA: the scenario cards' controls), and a few card headings in en-XA
// spill by ~20 px. The header and the language switch now wrap (styles.css). Unskip once the library
// cards reflow.
test.fixme('the text at 320 CSS px and 200 % zoom reflows without loss (Arabic and the long pseudo-locale)', async ({ page }) => {
  test.setTimeout(60_000);
  for (const lang of ['ar', 'en-XA']) {
    await page.setViewportSize({ width: 320, height: 640 });
    await open(page, lang);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    for (const o of await overflowing(page)) expect.soft(o, `${lang} at 320 px, 200 %`).toBe('');
    await snap(page, `i18n-${lang}-library-320px-200pc`, { fullPage: true });
  }
});

test('switching language in Settings reloads the strings, sets lang/dir, and the choice is kept', async ({ page }) => {
  await open(page, 'en');
  await page.getByTestId('nav-settings').click();
  await page.locator('[data-testid="setting-language"] input[value="ar"]').check();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('الإعدادات');
  // Each language is offered in its own name, marked with its language.
  await expect(page.locator('[data-testid="setting-language"] label[lang="zh-Hans"]')).toHaveText('中文');
  await page.locator('[data-testid="setting-language"] input[value="es"]').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('h1')).toHaveText('Configuración');
  // The choice is kept: a new visit without ?lang= opens in Spanish.
  await page.goto('/?nomap=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('a whole playthrough in Arabic, by clicking the real UI, reaches the golden ending', async ({ page, expectNoErrors }) => {
  test.setTimeout(180_000);
  await open(page, 'ar');
  await startGolden(page);
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
  await page.getByTestId('begin').click();
  for (const [i, option] of GOLDEN.choices.entries()) {
    const decision = page.getByTestId('decision');
    await expect(decision, `decision ${i + 1}`).toBeVisible();
    const node = await decision.getAttribute('data-node');
    await page.locator(`button[data-option="${option}"]`).click();
    await page.getByTestId('decide').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).not.toBe(node);
  }
  await expect(page.getByTestId('ending')).toBeVisible();
  const context = await page.evaluate(() => window.__mandate?.store.getState().snapshot?.context);
  expect(context?.ending).toBe(GOLDEN.ending);
  expect(context?.meters).toEqual(GOLDEN.meters);
  await page.getByTestId('open-debrief').click();
  await expect(page.getByTestId('debrief-ending')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expectNoErrors();
});

test('the accessibility tree of every screen, in Arabic and English, reads as a screen reader would say it', async ({ page }) => {
  test.setTimeout(300_000);
  const write = process.env.UPDATE_A11Y_DOCS === '1';
  for (const lang of ['en', 'ar']) {
    const screens: [string, string][] = [];
    const grab = async (name: string) => {
      const tree = await page.locator('body').ariaSnapshot();
      // Every control has a name: no unnamed button, link, textbox, radio or checkbox.
      expect(tree, `${lang}/${name}`).not.toMatch(/- (button|link|textbox|radio|checkbox|combobox)\s*(\[|$)/m);
      screens.push([name, tree]);
    };
    await open(page, lang);
    await grab('library');
    await page.getByTestId('nav-settings').click();
    await grab('settings');
    await page.getByTestId('nav-about').click();
    await grab('about');
    await page.getByTestId('nav-library').click();
    await startGolden(page);
    await grab('briefing');
    await page.getByTestId('begin').click();
    await expect(page.getByTestId('decision')).toBeVisible();
    await grab('play');
    await playGolden(page);
    await page.getByTestId('open-debrief').click();
    await expect(page.getByTestId('debrief-ending')).toBeVisible();
    await grab('debrief');
    if (write) {
      await mkdir(path.join(ROOT, 'docs/a11y'), { recursive: true });
      const body = screens.map(([n, tree]) => `## ${n}\n\n\`\`\`yaml\n${tree}\n\`\`\`\n`).join('\n');
      await writeFile(path.join(ROOT, `docs/a11y/tree-${lang}.md`), `# Accessibility tree, ${lang} (generated by tests/e2e/i18n.spec.ts)\n\n${body}`);
    }
  }
});
