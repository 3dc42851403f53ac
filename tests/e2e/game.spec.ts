import type { Page } from '@playwright/test';
import type { MandateStore } from '../../src/store';
import { checkA11y, expect, snap, test } from './support';

declare global {
  interface Window {
    /** The app's test hook (src/app/start-app.ts). */
    __mandate?: { store: MandateStore };
  }
}

const SCENARIO = 'poc-red-lines';

/** Presses Tab until the focused element matches `selector` (keyboard only; fails after `max`). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function openLibrary(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'library');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

/** From the library to the first decision, by keyboard. */
async function startByKeyboard(page: Page): Promise<void> {
  await tabTo(page, `[data-testid="start-${SCENARIO}"]`);
  await page.keyboard.press('Enter');
  const note = page.getByTestId('content-note');
  await expect(note).toBeVisible();
  await tabTo(page, '[data-testid="dialog-confirm"]', 5);
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
  await tabTo(page, '[data-testid="begin"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
  await expect(page.getByTestId('decision-title')).toBeVisible();
}

async function currentNode(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null);
}

async function lastLogType(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__mandate?.store.getState().session?.log().at(-1)?.type ?? null);
}

test.describe('Mandate game', () => {
  test('keyboard only: library → briefing → every decision → debrief, with axe and screenshots', async ({ page, expectNoErrors }) => {
    test.setTimeout(240_000);
    await openLibrary(page);
    await checkA11y(page, 'library');
    await snap(page, 'library');
    await snap(page, 'library-full', { fullPage: true });

    await tabTo(page, `[data-testid="start-${SCENARIO}"]`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('content-note')).toBeVisible();
    await snap(page, 'content-note');
    await tabTo(page, '[data-testid="dialog-confirm"]', 5);
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
    await expect(page.getByTestId('map-panel')).toHaveAttribute('data-renderer', /webgl|canvas|none/, { timeout: 30_000 });
    await checkA11y(page, 'briefing');
    await snap(page, 'briefing');
    await tabTo(page, '[data-testid="begin"]');
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');

    // Consult the first adviser by keyboard once, to exercise it.
    await tabTo(page, '[data-testid^="consult-"]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.adviser.is-consulted').first()).toBeVisible();
    await page.keyboard.press('1');
    await expect(page.getByTestId('option-1')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('map-panel')).toHaveAttribute('data-renderer', /webgl|canvas|none/, { timeout: 30_000 });
    await checkA11y(page, 'play');
    await snap(page, 'play');

    let decisions = 0;
    for (; decisions < 30; decisions++) {
      if (await page.getByTestId('ending').isVisible()) break;
      const before = await currentNode(page);
      await page.keyboard.press('1');
      await expect(page.getByTestId('decide')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect.poll(() => currentNode(page)).not.toBe(before);
      if (decisions === 2) await snap(page, 'play-later');
      if (!(await page.getByTestId('ending').isVisible())) {
        // Focus moves to the new decision's heading.
        await expect(page.getByTestId('decision-title')).toBeFocused();
      }
    }
    expect(decisions).toBeGreaterThanOrEqual(5);
    await expect(page.getByTestId('ending')).toBeVisible();
    await expect(page.getByTestId('open-debrief')).toBeFocused();
    await snap(page, 'ending');
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    await expect(page.getByTestId('decision-review')).toHaveCount(decisions);
    await checkA11y(page, 'debrief');
    await snap(page, 'debrief');
    await snap(page, 'debrief-full', { fullPage: true });
    for (const part of ['debrief-polarities', 'debrief-meters', 'debrief-decisions', 'debrief-timeline']) {
      await page.getByTestId(part).scrollIntoViewIfNeeded();
      await page.getByTestId(part).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await snap(page, part);
    }
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, 'debrief-print');
    await page.emulateMedia({ media: 'screen' });

    // The debrief in French.
    await page.getByTestId('lang-fr').click();
    await expect(page.locator('h1')).toHaveText('Débriefing');
    await checkA11y(page, 'debrief-fr');
    await snap(page, 'debrief-fr');
    expectNoErrors();
  });

  test('a reload mid-scenario resumes at the same decision with the countdown where it was', async ({ page, expectNoErrors }) => {
    // The map is off here: under a fake clock, runFor() would also run ~1,500 Phaser frames.
    await page.clock.install();
    await openLibrary(page, '/?nomap=1');
    await startByKeyboard(page);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().session?.log().length)).toBe(1);
    const node = await currentNode(page);
    await page.clock.pauseAt(Date.now() + 1000);
    await page.clock.runFor(25_000);
    const before = await page.evaluate(() => window.__mandate?.store.getState().countdown);
    expect(before?.nodeId).toBe(node);
    expect(before!.remainingMs).toBeLessThan(before!.totalMs - 20_000);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    const resume = page.locator('[data-testid^="resume-"]').first();
    await expect(resume).toBeVisible();
    await tabTo(page, '[data-testid^="resume-"]');
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
    expect(await currentNode(page)).toBe(node);
    const after = await page.evaluate(() => window.__mandate?.store.getState().countdown);
    expect(after?.nodeId).toBe(node);
    expect(Math.abs(after!.remainingMs - before!.remainingMs)).toBeLessThanOrEqual(1_500);
    await expect(page.getByTestId('countdown')).toHaveAttribute('aria-valuenow', String(Math.ceil(after!.remainingMs / 1000)));
    expectNoErrors();
  });

  test('when the countdown runs out the timeout outcome is logged and shown', async ({ page, expectNoErrors }) => {
    await page.clock.install();
    await openLibrary(page, '/?nomap=1');
    await startByKeyboard(page);
    const node = await currentNode(page);
    const total = await page.evaluate(() => window.__mandate?.store.getState().countdown?.totalMs ?? 0);
    expect(total).toBeGreaterThan(0);
    await page.clock.pauseAt(Date.now() + 500);
    await page.clock.runFor(total * 0.8 + 1_000);
    await expect(page.getByTestId('countdown').locator('..')).toHaveClass(/is-warning/);
    await expect(page.getByTestId('captions')).toContainText(/time is running out/i);
    await page.clock.runFor(total * 0.25);
    await expect.poll(() => lastLogType(page)).toBe('decision.timeout');
    expect(await currentNode(page)).not.toBe(node);
    await expect(page.locator('.feed-item.kind-timeout').first()).toBeVisible();
    await snap(page, 'play-after-timeout');
    expectNoErrors();
  });

  test('without a map the game stays playable and lists the situation as text', async ({ page, expectNoErrors }) => {
    await openLibrary(page, '/?nomap=1');
    await startByKeyboard(page);
    await expect(page.getByTestId('map-panel')).toHaveAttribute('data-renderer', 'none');
    const list = page.getByTestId('map-list').last();
    await expect(list).toBeVisible();
    await expect(list).toContainText(/Mission units/);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastLogType(page)).toBe('decision.choose');
    await checkA11y(page, 'play-nomap');
    await snap(page, 'play-nomap');
    expectNoErrors();
  });

  test('French, settings, about and a narrow phone screen', async ({ page, expectNoErrors }) => {
    await openLibrary(page);
    await page.getByTestId('lang-fr').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('h1')).toHaveText('Mandate');
    await expect(page.getByTestId('nav-settings')).toHaveText('Paramètres');
    await checkA11y(page, 'library-fr');
    await snap(page, 'library-fr');
    await page.getByTestId('nav-settings').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'settings');
    await checkA11y(page, 'settings-fr');
    await snap(page, 'settings-fr', { fullPage: true });
    await page.getByTestId('nav-about').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'about');
    await checkA11y(page, 'about-fr');
    await snap(page, 'about-fr');
    await page.getByTestId('nav-library').click();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId(`start-${SCENARIO}`).click();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('begin').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
    await checkA11y(page, 'play-fr-360');
    await snap(page, 'play-fr-360');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expectNoErrors();
  });

  test('a hostile imported file is refused with a clear message', async ({ page, expectNoErrors }) => {
    await openLibrary(page);
    await page.getByTestId('import-file').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"mandate-session","log":"<img src=x onerror=alert(1)>"}') });
    await expect(page.getByTestId('notice-error')).toContainText('not a valid Mandate session');
    await expect(page.locator('img')).toHaveCount(0);
    await snap(page, 'import-refused');
    expectNoErrors();
  });

  test('projector size', async ({ page, expectNoErrors }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openLibrary(page);
    await snap(page, 'library-1920');
    await page.getByTestId(`start-${SCENARIO}`).click();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('begin').click();
    await expect(page.getByTestId('map-panel')).toHaveAttribute('data-renderer', /webgl|canvas|none/, { timeout: 30_000 });
    await snap(page, 'play-1920');
    expectNoErrors();
  });
});
