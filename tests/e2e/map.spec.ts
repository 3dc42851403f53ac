import { expect, snap, test, type PageProblem } from './support';
import type { Page } from '@playwright/test';

/**
 * Flip to true once the app's library → briefing → play flow exists (src/ui). Until then the
 * placeholder index.html has no scenario to start, so these tests would fail for reasons that
 * have nothing to do with the map.
 */
const APP_READY = false;

/** Walks from the library into play by pressing the first "Start…" button on each screen. */
async function startFirstScenario(page: Page): Promise<void> {
  await expect(page.locator('body[data-screen]')).toBeAttached();
  for (let step = 0; step < 3; step++) {
    if ((await page.locator('body').getAttribute('data-screen')) === 'play') return;
    const before = await page.locator('body').getAttribute('data-screen');
    await page.getByRole('button', { name: /start/i }).first().click();
    await expect(page.locator('body')).not.toHaveAttribute('data-screen', before ?? '');
  }
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
}

test.describe('situation map', () => {
  test.skip(!APP_READY, 'The app shell (library → briefing → play) is not in place yet; the map was checked in a harness.');

  for (const renderer of ['auto', 'canvas'] as const) {
    test(`draws the map when play starts (renderer: ${renderer})`, async ({ page, expectNoErrors }) => {
      await page.goto(renderer === 'auto' ? '/' : '/?renderer=canvas');
      await startFirstScenario(page);

      const map = page.locator('[data-map-ready="1"]');
      await expect(map).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('body')).toHaveAttribute('data-renderer', renderer === 'canvas' ? 'canvas' : /^(webgl|canvas)$/);

      // A drawn map compresses far worse than an empty dark canvas.
      const png = await map.locator('canvas').screenshot();
      expect(png.byteLength).toBeGreaterThan(20_000);
      await snap(page, `map-${renderer}`);
      expectNoErrors();
    });
  }

  test('the game stays playable without the map (?nomap=1)', async ({ page, pageProblems }) => {
    await page.goto('/?nomap=1');
    await startFirstScenario(page);
    await expect(page.locator('canvas')).toHaveCount(0);
    await expect(page.locator('[data-map-ready="1"]')).toHaveCount(0);
    await snap(page, 'map-nomap-fallback');
    const crashes = pageProblems.filter((p: PageProblem) => p.kind === 'pageerror');
    expect(crashes).toEqual([]);
  });
});
