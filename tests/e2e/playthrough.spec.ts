// A playthrough of every shipped scenario, from every seat, in the browser: the test follows one golden
// playthrough per seat (scenarios/<id>/playthroughs/*.yaml) by clicking through the real UI with the
// golden's seed (`?seed=`), and checks the browser reaches the golden's ending, meters and polarities.
// The engine already replays these goldens in Node (tests/scenarios/golden.test.ts); this proves the
// screens drive the same game: library → seat → briefing → each decision → ending → debrief.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Golden as GoldenFile } from '../../src/build/golden';
import { checkA11y, expect, test } from './support';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCENARIOS = path.join(ROOT, 'scenarios');

type Golden = GoldenFile & { file: string };

/** One golden per seat of each shipped scenario: the first by name that a trainee can play by clicking (no timeouts). */
function goldensToPlay(): Golden[] {
  const picked: Golden[] = [];
  for (const id of readdirSync(SCENARIOS).sort()) {
    const dir = path.join(SCENARIOS, id, 'playthroughs');
    if (!existsSync(dir)) continue;
    const bySeat = new Map<string, Golden>();
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const g = { ...(parse(readFileSync(path.join(dir, name), 'utf8')) as GoldenFile), file: `${id}/${name}` };
      if (g.choices.includes('timeout')) continue;
      const seat = g.seat ?? '';
      if (!bySeat.has(seat)) bySeat.set(seat, g);
    }
    picked.push(...bySeat.values());
  }
  return picked;
}

const goldens = goldensToPlay();

test('there is a golden to play for every shipped scenario', () => {
  const shipped = readdirSync(SCENARIOS).filter((id) => existsSync(path.join(SCENARIOS, id, 'scenario.yaml')));
  expect(new Set(goldens.map((g) => g.scenario))).toEqual(new Set(shipped));
});

for (const g of goldens) {
  test(`plays ${g.file} (${g.seat ?? 'first seat'}) in the browser to "${g.ending}"`, async ({ page, expectNoErrors }) => {
    test.setTimeout(180_000);
    // No map: this test is about the decisions, and the map has its own spec.
    await page.goto(`/?nomap=1&seed=${g.seed}`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    if (g.seat) await page.getByTestId(`seat-${g.scenario}`).selectOption(g.seat);
    await page.getByTestId(`start-${g.scenario}`).click();
    const note = page.getByTestId('content-note');
    await expect(page.locator('body[data-screen="briefing"], [data-testid="content-note"]').first()).toBeVisible();
    if (await note.isVisible()) await page.getByTestId('dialog-confirm').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
    await page.getByTestId('begin').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');

    for (const [i, option] of g.choices.entries()) {
      const decision = page.getByTestId('decision');
      await expect(decision, `decision ${i + 1} of ${g.choices.length}`).toBeVisible();
      const node = await decision.getAttribute('data-node');
      const button = page.locator(`button[data-option="${option}"]`);
      await expect(button, `option "${option}" at ${node}`).toBeVisible();
      await button.click();
      await page.getByTestId('decide').click();
      await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).not.toBe(node);
    }

    await expect(page.getByTestId('ending')).toBeVisible();
    const context = await page.evaluate(() => window.__mandate?.store.getState().snapshot?.context);
    expect(context?.ending).toBe(g.ending);
    expect(context?.meters).toEqual(g.meters);
    expect(context?.polarities).toEqual(g.polarities);

    await page.getByTestId('open-debrief').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    await expect(page.getByTestId('debrief-ending')).toBeVisible();
    await checkA11y(page, `debrief-${g.scenario}-${g.seat ?? 'first'}`);
    expectNoErrors();
  });
}
