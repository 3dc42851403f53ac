import { expect, snap, test, type PageProblem } from './support';
import type { Page } from '@playwright/test';

/** Walks from the library into play: start the scenario, accept the content note, begin. */
async function startFirstScenario(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'library');
  await page.locator('[data-testid^="start-"]').first().click();
  await page.getByTestId('dialog-confirm').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
  await page.getByTestId('begin').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
}

test.describe('situation map', () => {
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
