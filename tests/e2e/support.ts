// Shared helpers for the browser tests. Import `test` and `expect` from here instead of
// '@playwright/test' to get the error collector:
//
//   import { test, expect, checkA11y, snap } from './support';
//   test('boots', async ({ page, expectNoErrors }) => {
//     await page.goto('/');
//     await checkA11y(page, 'title');
//     await snap(page, 'title');
//     expectNoErrors();
//   });
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

const REPORTS = path.resolve(import.meta.dirname, '../../reports');

/** WCAG 2.x A and AA (DESIGN §6: axe reports zero violations of its WCAG 2.x A and AA rules). */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface PageProblem {
  kind: 'pageerror' | 'console' | 'http';
  text: string;
}

export interface ExpectNoErrorsOptions {
  /** Problems whose text matches one of these are tolerated (say why where you use it). */
  ignore?: RegExp[];
}

interface Fixtures {
  /** Everything that went wrong in the page so far: uncaught errors, console.error, HTTP ≥ 400. */
  pageProblems: PageProblem[];
  /** Fails the test if anything was collected in pageProblems (minus `ignore`). */
  expectNoErrors: (options?: ExpectNoErrorsOptions) => void;
}

export const test = base.extend<Fixtures>({
  pageProblems: async ({ page }, use) => {
    const problems: PageProblem[] = [];
    page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.stack ?? String(error) }));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location();
      const at = where.url ? ` (${where.url}:${where.lineNumber}:${where.columnNumber})` : '';
      problems.push({ kind: 'console', text: `${message.text()}${at}` });
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push({ kind: 'http', text: `${response.status()} ${response.request().method()} ${response.url()}` });
      }
    });
    await use(problems);
  },
  expectNoErrors: async ({ pageProblems }, use) => {
    await use((options = {}) => {
      const ignore = options.ignore ?? [];
      const left = pageProblems.filter((p) => !ignore.some((re) => re.test(p.text)));
      const listing = left.map((p) => `  [${p.kind}] ${p.text}`).join('\n');
      expect(left, `The page reported ${left.length} problem(s):\n${listing}`).toEqual([]);
    });
  },
});

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now and asserts zero violations.
 * The full result goes to reports/a11y/<name>.json; the failure message lists each violation with
 * the elements concerned.
 */
export async function checkA11y(page: Page, name: string, options: { include?: string; exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();

  await mkdir(path.join(REPORTS, 'a11y'), { recursive: true });
  await writeFile(path.join(REPORTS, 'a11y', `${safeName(name)}.json`), JSON.stringify(results.violations, null, 2));

  const readable = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
  expect(
    results.violations.map((v) => v.id),
    `axe found ${results.violations.length} WCAG A/AA violation(s) on "${name}":\n${readable}`,
  ).toEqual([]);
}

/** Saves a screenshot of the viewport to reports/screenshots/<name>.png and returns its path. */
export async function snap(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const file = path.join(REPORTS, 'screenshots', `${safeName(name)}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-');
}
