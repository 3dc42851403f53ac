import { checkA11y, expect, snap, test } from './support';

test.describe('smoke', () => {
  test('the first screen loads with a heading, no accessibility violations and no errors', async ({ page, expectNoErrors }) => {
    await page.goto('/');
    await expect(page.locator('h1').first()).toBeVisible();
    await checkA11y(page, 'smoke-first-screen');
    await snap(page, 'smoke-first-screen');
    expectNoErrors();
  });
});
