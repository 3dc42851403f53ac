// Delivery: offline play (the PWA), the SCORM 1.2 / 2004 packages run by scorm-again, cmi5 and xAPI
// statements to a loopback LRS. Run against the built site (`MANDATE_OUT_DIR=dist-lms` + `E2E_PORT`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import type { Golden } from '../../src/build/golden';
import { expect, test } from './support';

const ROOT = path.resolve(import.meta.dirname, '../..');
const golden = (file: string): Golden => parse(readFileSync(path.join(ROOT, 'scenarios', file), 'utf8')) as Golden;

/** Clicks through decisions `from`..`to` (exclusive) of a golden on the play screen. */
async function playChoices(page: Page, choices: string[], from = 0, to = choices.length): Promise<void> {
  for (let i = from; i < to; i++) {
    const option = choices[i] as string;
    const decision = page.getByTestId('decision');
    await expect(decision, `decision ${i + 1} of ${choices.length}`).toBeVisible();
    const node = await decision.getAttribute('data-node');
    await page.locator(`button[data-option="${option}"]`).click();
    await page.getByTestId('decide').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).not.toBe(node);
  }
}

/** From the library: start a scenario and get past the content note and the briefing. */
async function startScenario(page: Page, id: string): Promise<void> {
  await page.getByTestId(`start-${id}`).click();
  await expect(page.locator('body[data-screen="briefing"], [data-testid="content-note"]').first()).toBeVisible();
  if (await page.getByTestId('content-note').isVisible()) await page.getByTestId('dialog-confirm').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
  await page.getByTestId('begin').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
}

test.describe('offline (PWA)', () => {
  test('a first visit precaches the game; a cold start with the network off plays a scenario to its ending', async ({ page, context }) => {
    test.setTimeout(180_000);
    const g = golden('poc-red-lines/playthroughs/credible-and-even-handed.yaml');
    await page.goto(`/?seed=${g.seed}`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
    expect(manifest).toBe('./manifest.webmanifest');
    // The worker is installed once every precached file is stored.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 90_000 }).toBe('activated');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    for (const kind of [/poc-red-lines-.*\.js$/, /election-timing-.*\.js$/, /fpu-caveats-.*\.js$/, /mount-situation-map-.*\.js$/, /\.woff2$/, /\.ogg$/, /index\.html$/, /icon-512\.png$/]) {
      expect(cached.some((u) => kind.test(u)), `precached: ${kind} in ${cached.length} files: ${cached.slice(0, 8).join(" ")}`).toBe(true);
    }
    await page.close();

    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`/?seed=${g.seed}`);
    await expect(offline.locator('html')).toHaveAttribute('data-ready', '1');
    await startScenario(offline, g.scenario);
    // The map (the lazily loaded Phaser chunk) comes from the cache too.
    await expect(offline.locator('[data-map-ready="1"]')).toBeVisible({ timeout: 30_000 });
    await playChoices(offline, g.choices);
    await expect(offline.getByTestId('ending')).toBeVisible();
    expect(await offline.evaluate(() => window.__mandate?.store.getState().snapshot?.context.ending)).toBe(g.ending);
    await context.setOffline(false);
  });
});
