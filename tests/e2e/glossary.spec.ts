// The in-game glossary: terms in scenario text explain themselves on keyboard focus, hover and tap,
// Escape closes the explanation, the page stays axe-clean, and the About screen lists every term.
import type { Page } from '@playwright/test';
import { loadGlossary } from '../../src/build/glossary-file';
import { checkA11y, expect, snap, test } from './support';

const SCENARIO = 'poc-red-lines';
const glossary = new Map(loadGlossary().entries.map((e) => [e.term, e]));

/** Presses Tab until the focused element matches `selector` (keyboard only; fails after `max`). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function startScenario(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await page.locator(`[data-testid="start-${SCENARIO}"]`).click();
  await page.locator('[data-testid="dialog-confirm"]').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
  await page.locator('[data-testid="begin"]').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
  await expect(page.getByTestId('decision-title')).toBeVisible();
}

/** The tooltip an element points at through aria-describedby. */
async function tooltipOf(page: Page, selector: string) {
  const id = await page.locator(selector).first().getAttribute('aria-describedby');
  expect(id, `${selector} has aria-describedby`).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

test.describe('In-game glossary', () => {
  test('a term explains itself on keyboard focus; Escape closes it; axe finds nothing', async ({ page, expectNoErrors }) => {
    await startScenario(page);
    await expect(page.getByTestId('map-panel')).toHaveAttribute('data-renderer', /webgl|canvas|none/, { timeout: 30_000 });
    const decisionTerm = '[data-testid="decision"] button.term';
    await expect(page.locator(decisionTerm).first()).toBeVisible();

    // Keyboard: Tab to the first term of the situation text.
    await page.getByTestId('decision-title').focus();
    await tabTo(page, decisionTerm);
    const focused = page.locator(`${decisionTerm}:focus`);
    const term = (await focused.getAttribute('data-term')) ?? '';
    const entry = glossary.get(term);
    expect(entry, `"${term}" is in the glossary`).toBeTruthy();
    const tip = await tooltipOf(page, `${decisionTerm}:focus`);
    await expect(tip).toBeVisible();
    await expect(tip).toHaveAttribute('role', 'tooltip');
    await expect(tip).toContainText(entry!.expansion);
    await expect(tip).toContainText(entry!.explanation.slice(0, 40));
    // The tooltip sits beside its term and inside the viewport.
    const [termBox, tipBox] = [await focused.boundingBox(), await tip.boundingBox()];
    expect(termBox && tipBox).toBeTruthy();
    expect(Math.abs(tipBox!.y - (termBox!.y + termBox!.height)) < 24 || Math.abs(tipBox!.y + tipBox!.height - termBox!.y) < 24).toBe(true);
    expect(tipBox!.x).toBeGreaterThanOrEqual(0);
    expect(tipBox!.x + tipBox!.width).toBeLessThanOrEqual(1280);
    // The term's accessible description is the explanation.
    const description = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
    expect(description).toContain(entry!.expansion);
    await checkA11y(page, 'glossary-tooltip-open');
    await snap(page, 'glossary-tooltip');

    // Escape closes the tooltip, keeps focus on the term, and does nothing else.
    await page.keyboard.press('1');
    await expect(page.getByTestId('option-1')).toHaveAttribute('aria-pressed', 'true');
    const sameTerm = page.locator(`${decisionTerm}[data-term="${term}"]`).first();
    await sameTerm.focus();
    await expect(tip).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect(sameTerm).toBeFocused();
    await expect(page.getByTestId('option-1')).toHaveAttribute('aria-pressed', 'true');
    // Moving focus on to something that is not a term hides it too.
    await tabTo(page, '[data-testid^="consult-"]');
    await expect(page.locator('[role="tooltip"]:visible')).toHaveCount(0);
    await checkA11y(page, 'glossary-play');
    expectNoErrors();
  });

  test('a term explains itself on hover and on tap; the text around it is unchanged', async ({ page, expectNoErrors }) => {
    await startScenario(page);
    const first = page.locator('[data-testid="decision"] button.term').first();
    const tip = await tooltipOf(page, '[data-testid="decision"] button.term');

    // Hover shows it; the pointer can move onto the tooltip (WCAG 1.4.13); leaving both hides it.
    await first.hover();
    await expect(tip).toBeVisible();
    await tip.hover();
    await page.waitForTimeout(400);
    await expect(tip).toBeVisible();
    await page.mouse.move(5, 790);
    await expect(tip).toBeHidden();

    // Tap (click) pins it open; a second tap closes it; a tap elsewhere closes it as well.
    await first.click();
    await expect(tip).toBeVisible();
    await page.mouse.move(5, 790);
    await page.waitForTimeout(400);
    await expect(tip).toBeVisible();
    await first.click();
    await expect(tip).toBeHidden();
    await first.click();
    await expect(tip).toBeVisible();
    await page.getByTestId('decision-title').click();
    await expect(tip).toBeHidden();

    // The marked-up text reads exactly as authored.
    const situation = await page.evaluate(() => {
      const { store } = window.__mandate!;
      const s = store.getState();
      return s.bundle?.scenario.nodes.find((n) => n.id === s.snapshot?.node)?.text ?? '';
    });
    await expect(page.locator('[data-testid="decision"] .situation')).toHaveText(situation.trim());

    // Inside an option button no control may nest: terms are plain <abbr>s, explained through the
    // button's description.
    const optionWithTerm = page.locator('button.option:has(abbr.term-static)').first();
    if (await optionWithTerm.count()) {
      const ids = ((await optionWithTerm.getAttribute('aria-describedby')) ?? '').split(' ');
      expect(ids.length).toBeGreaterThan(0);
      await expect(page.locator(`[id="${ids[0]}"]`)).toHaveAttribute('role', 'tooltip');
    }
    await expect(page.locator('button.option button')).toHaveCount(0);
    expectNoErrors();
  });

  test('right to left: the tooltip stays beside its term and inside the viewport', async ({ page, expectNoErrors }) => {
    await startScenario(page);
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    const first = page.locator('[data-testid="decision"] button.term').first();
    await first.hover();
    const tip = await tooltipOf(page, '[data-testid="decision"] button.term');
    await expect(tip).toBeVisible();
    const [termBox, tipBox] = [await first.boundingBox(), await tip.boundingBox()];
    // Start-aligned in RTL: the tooltip's right edge lines up with the term's (unless clamped).
    expect(tipBox!.x).toBeGreaterThanOrEqual(0);
    expect(tipBox!.x + tipBox!.width).toBeLessThanOrEqual(1280);
    expect(Math.abs(tipBox!.x + tipBox!.width - (termBox!.x + termBox!.width)) < 2 || tipBox!.x <= 8).toBe(true);
    await snap(page, 'glossary-rtl');
    expectNoErrors();
  });

  test('the Glossary button opens the list of every term, in English and French', async ({ page, expectNoErrors }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await page.getByTestId('nav-glossary').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'about');
    await expect(page.locator('#glossary-title')).toBeFocused();
    const list = page.getByTestId('glossary-list');
    await expect(list.locator('.glossary-item')).toHaveCount(glossary.size);
    const hrddp = list.locator('.glossary-item[data-term="HRDDP"]');
    await expect(hrddp.locator('dt')).toContainText('Human Rights Due Diligence Policy');
    await checkA11y(page, 'glossary-list');
    await snap(page, 'glossary-list');

    await page.getByTestId('lang-fr').click();
    await expect(page.locator('#glossary-title')).toHaveText('Glossaire');
    await expect(page.getByTestId('glossary-list').locator('.glossary-item[data-term="HRDDP"] dt')).toContainText("Politique de diligence voulue en matière de droits de l'homme");
    await checkA11y(page, 'glossary-list-fr');
    await snap(page, 'glossary-list-fr');
    await page.getByTestId('lang-en').click();
    expectNoErrors();
  });
});
