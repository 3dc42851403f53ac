/**
 * Scenarios without npm: an instructor opens or drops a scenario file on the library screen of the
 * production build; it is checked in the browser, added "on this device", plays, survives a reload
 * and can be removed. Files are tests/fixtures/dropin/*.yaml.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { checkA11y, expect, snap, test } from './support';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/dropin');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

async function openLibrary(page: Page, url = '/?nomap=1'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'library');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

/** Opens a fixture through the "Open a scenario file…" button, by keyboard. */
async function openByDialog(page: Page, name: string): Promise<void> {
  const button = page.getByTestId('open-scenario-file');
  await button.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(path.join(FIXTURES, name));
}

/** Drops a file on the library screen the way a browser does (DataTransfer with a File). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const target = document.querySelector('.screen-library') as HTMLElement;
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/yaml' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { name, text },
  );
}

async function clearDevice(page: Page): Promise<void> {
  await page.goto('/?nomap=1');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase('mandate');
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );
}

async function playToEnding(page: Page): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if (await page.getByTestId('ending').isVisible()) return;
    await expect(page.getByTestId('decision-title')).toBeVisible();
    const before = await page.evaluate(() => window.__mandate?.store.getState().logLength);
    await page.getByTestId('option-1').click();
    await page.getByTestId('decide').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().logLength)).not.toBe(before);
  }
  await expect(page.getByTestId('ending')).toBeVisible();
}

test.describe('Scenario files on the library screen', () => {
  test.beforeEach(async ({ page }) => {
    await clearDevice(page);
  });

  test('a clean file opened by keyboard is added, plays to an ending, survives a reload and can be removed', async ({ page, expectNoErrors }) => {
    test.setTimeout(120_000);
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await openLibrary(page);
    // The compiler is not part of the first screen.
    expect(loaded.filter((u) => /\/content-|mandate-shared/.test(u))).toEqual([]);

    await openByDialog(page, 'clean.yaml');
    const result = page.getByTestId('file-check-result');
    await expect(result).toHaveAttribute('data-status', 'added');
    await expect(result).toContainText('“Drop-in clean scenario” was added to the library.');
    const card = page.getByTestId('scenario-dropin-clean');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('imported-dropin-clean')).toHaveText('Imported on this device');
    await checkA11y(page, 'authoring-library-imported');
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'authoring-library-imported');
    await snap(page, 'authoring-library-imported-full', { fullPage: true });

    // Plays like a shipped scenario.
    await card.getByTestId('start-dropin-clean').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
    await expect(page.locator('main')).toContainText('A column approaches Kessrin.');
    await page.getByTestId('begin').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
    await page.getByTestId('option-1').click();
    await page.getByTestId('decide').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node)).toBe('d2');

    // Reload mid-scenario: the scenario is still listed and the session resumes where it was.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await expect(page.getByTestId('scenario-dropin-clean')).toBeVisible();
    const resume = page.locator('[data-testid^="resume-"]').first();
    await expect(resume).toBeVisible();
    await resume.click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
    expect(await page.evaluate(() => window.__mandate?.store.getState().snapshot?.node)).toBe('d2');
    await playToEnding(page);
    await snap(page, 'authoring-imported-ending');
    await page.getByTestId('open-debrief').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');

    // Remove, with confirmation (cancel first: nothing changes).
    await page.getByTestId('nav-library').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'library');
    await page.getByTestId('remove-dropin-clean').click();
    await expect(page.getByTestId('remove-dialog')).toBeVisible();
    await page.getByTestId('dialog-cancel').click();
    await expect(page.getByTestId('scenario-dropin-clean')).toBeVisible();
    await page.getByTestId('remove-dropin-clean').click();
    await page.getByTestId('dialog-confirm').click();
    await expect(page.getByTestId('scenario-dropin-clean')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await expect(page.getByTestId('scenario-dropin-clean')).toHaveCount(0);
    expectNoErrors();
  });

  test('a file with errors shows the diagnostics as the CLI prints them', async ({ page, expectNoErrors }) => {
    await openLibrary(page);
    await dropFile(page, 'broken.yaml', fixture('broken.yaml'));
    const result = page.getByTestId('file-check-result');
    await expect(result).toHaveAttribute('data-status', 'errors');
    await expect(result).toContainText('broken.yaml was not added: 1 error, 0 warnings.');
    const pre = page.getByTestId('diagnostics').locator('pre');
    await expect(pre).toHaveCount(1);
    expect(await pre.textContent()).toBe('broken.yaml:60:15 error SCN011 Node "d3" does not exist. Did you mean "d1"?\n  60 |         next: d3\n     |               ^^');
    await expect(page.getByTestId('scenario-dropin-broken')).toHaveCount(0);
    await checkA11y(page, 'authoring-diagnostics');
    await page.getByTestId('scenario-files').scrollIntoViewIfNeeded();
    await snap(page, 'authoring-diagnostics');
    expectNoErrors();
  });

  test('a file whose id is a shipped scenario’s is refused with a clear message', async ({ page, expectNoErrors }) => {
    await openLibrary(page);
    await dropFile(page, 'shipped-id.yaml', fixture('shipped-id.yaml'));
    const result = page.getByTestId('file-check-result');
    await expect(result).toHaveAttribute('data-status', 'refused');
    await expect(result).toContainText('“poc-red-lines” is the id of a scenario that ships with the game');
    await expect(page.locator('[data-testid="scenario-poc-red-lines"]')).toHaveCount(1);
    await expect(page.locator('[data-origin="imported"]')).toHaveCount(0);
    expectNoErrors();
  });

  test('scenario text that looks like HTML is shown as text, never run', async ({ page, expectNoErrors }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openLibrary(page);
    await dropFile(page, 'hostile.yaml', fixture('hostile.yaml'));
    await expect(page.getByTestId('file-check-result')).toHaveAttribute('data-status', 'added');
    const card = page.getByTestId('scenario-dropin-hostile');
    await expect(card.locator('.card-title')).toHaveText('Hostile <img src=x onerror=alert(1)> title');
    await expect(card.locator('.card-summary')).toHaveText('Summary with <script>alert(2)</script> in it.');
    await expect(page.getByTestId('file-check-result')).toContainText('“Hostile <img src=x onerror=alert(1)> title” was added');

    await card.getByTestId('start-dropin-hostile').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
    await expect(page.locator('main')).toContainText('<script>alert(6)</script> A column approaches Kessrin.');
    await page.getByTestId('begin').click();
    await expect(page.getByTestId('decision')).toContainText('<img src=x onerror=alert(3)> A column is moving south <script>alert(4)</script>');
    await expect(page.getByTestId('option-1')).toContainText('<b>Deploy</b> <img src=x onerror=alert(5)>');
    await expect(page.locator('.play-title')).toHaveText('Hostile <img src=x onerror=alert(1)> title');
    await snap(page, 'authoring-hostile-play');

    // Nothing from the scenario became markup.
    expect(await page.locator('img[src="x"], main script, b').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expectNoErrors();
  });

  test('the authoring panel (?author=1): graph, jump to a node, a preview override that is never saved', async ({ page, expectNoErrors }) => {
    await openLibrary(page, '/?nomap=1&author=1');
    await dropFile(page, 'clean.yaml', fixture('clean.yaml'));
    await expect(page.getByTestId('file-check-result')).toHaveAttribute('data-status', 'added');
    const panel = page.getByTestId('authoring-panel');
    await expect(panel).toContainText('Start or resume a scenario');
    await page.getByTestId('start-dropin-clean').click();
    await page.getByTestId('begin').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');

    // The graph: three nodes, the current one highlighted.
    const graph = page.getByTestId('scenario-graph');
    await expect(graph.locator('.g-node')).toHaveCount(3);
    await expect(graph.locator('.g-node.is-current')).toHaveAttribute('data-node', 'd1');

    // Jump to d2: a fresh, saved session standing there, with the path highlighted.
    await page.getByTestId('jump-select').selectOption('d2');
    await page.getByTestId('jump-go').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node)).toBe('d2');
    await expect(graph.locator('.g-node.is-current')).toHaveAttribute('data-node', 'd2');
    await expect(graph.locator('.g-edge.is-visited')).toHaveCount(1);
    await expect(page.getByTestId('graph-path')).toHaveText('Path taken: d1 → d2');

    // A preview override: credibility set by hand to 10 turns "The line held" (it needs 60) into the fallback.
    await page.getByTestId('override-meter-cred').fill('10');
    await page.getByTestId('override-apply').click();
    await expect(page.getByTestId('authoring-override')).toContainText('Preview override');
    await expect(page.getByTestId('authoring-override')).toContainText('cred = 10');
    await expect(page.locator('[data-option="enforce"]')).toBeVisible();
    await checkA11y(page, 'authoring-panel');
    await snap(page, 'authoring-panel-override');
    const savedLog = await page.evaluate(() => window.__mandate?.store.getState().sessionId);
    await page.locator('[data-option="enforce"]').click();
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('ending')).toContainText('An uneasy night');
    // Nothing of the preview was saved: the stored session still stands at d2.
    await page.getByTestId('override-clear').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node)).toBe('d2');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await page.getByTestId(`resume-${savedLog}`).click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node)).toBe('d2');
    expectNoErrors();
  });
});
