// Scenario translations in the browser: Kessrin played in Spanish and in French shows its own
// translated text (library card, briefing, decisions, options, the feed), and a scenario without a translation
// says it is shown in English.
import type { Page } from '@playwright/test';
import { expect, test } from './support';

async function openLibrary(page: Page, lang: string): Promise<void> {
  await page.goto(`/?lang=${lang}&seed=5`);
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'library');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Starts a scenario from the library and goes through its content note, if it has one, to the briefing. */
async function start(page: Page, id: string): Promise<void> {
  await page.getByTestId(`start-${id}`).click();
  const confirm = page.getByTestId('dialog-confirm');
  await expect(confirm.or(page.locator('body[data-screen="briefing"]'))).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
}

async function decide(page: Page, option: string): Promise<void> {
  await page.locator(`[data-option="${option}"]`).click();
  await page.getByTestId('decide').click();
}

const CASES = [
  {
    lang: 'es',
    title: 'La línea de Kessrin',
    role: 'Usted es el Jefe de Misión (Representante Especial del Secretario General).',
    decisions: ['Leer la alerta', 'Trazar una línea', 'Quién se entera primero'],
    option: 'Llevar las dos vías a la vez a través del Equipo de Gestión de Crisis',
    adviser: 'Comandante de la Fuerza',
    feed: 'El sector del lago Ilvi, debilitado',
    fallback: 'Este escenario aún no está disponible en español; se muestra en inglés.',
  },
  {
    lang: 'fr',
    title: 'La ligne de Kessrin',
    role: 'Vous êtes le chef de mission (RSSG).',
    decisions: ["Lire l'alerte", 'Tracer une ligne', "Qui l'apprend en premier"],
    option: 'Mener les deux volets à la fois via la cellule de gestion de crise',
    adviser: 'Commandant de la force',
    feed: 'Le secteur du lac Ilvi dégarni',
    fallback: "Ce scénario n'est pas encore disponible en français ; il est présenté en anglais.",
  },
] as const;

for (const c of CASES) {
  test(`Kessrin in ${c.lang}: briefing, three decisions and the feed are translated`, async ({ page, expectNoErrors }) => {
    test.setTimeout(120_000);
    await openLibrary(page, c.lang);
    // The library card already reads in the player's language; an untranslated scenario's stays as written.
    await expect(page.locator('.card-title', { hasText: c.title })).toBeVisible();
    await expect(page.locator('.card-title', { hasText: 'Detached Duty' })).toBeVisible();
    await start(page, 'poc-red-lines');
    await expect(page.locator('h1')).toHaveText(c.title);
    await expect(page.getByText(c.role)).toBeVisible();
    await page.getByTestId('begin').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');

    await expect(page.getByTestId('decision-title')).toHaveText(c.decisions[0]);
    await expect(page.locator('[data-option="both-tracks"]')).toContainText(c.option);
    await expect(page.getByTestId('adviser-fc')).toContainText(c.adviser);
    await decide(page, 'both-tracks');
    await expect(page.getByTestId('decision-title')).toHaveText(c.decisions[1]);
    await decide(page, 'public-bridge');
    await expect(page.getByTestId('decision-title')).toHaveText(c.decisions[2]);
    await expect(page.getByTestId('feed')).toContainText(c.feed);
    // The scenario has this language: no fallback notice, and no English left in the decision.
    await expect(page.getByTestId('notices')).not.toContainText(c.fallback);
    await expect(page.getByTestId('decision')).not.toContainText('Who hears it first');
    expectNoErrors();
  });

  test(`a scenario without a ${c.lang} translation is shown in English and says so`, async ({ page, expectNoErrors }) => {
    await openLibrary(page, c.lang);
    await start(page, 'fpu-caveats');
    await expect(page.getByTestId('notices')).toContainText(c.fallback);
    await expect(page.locator('h1')).toHaveText('Detached Duty');
    expectNoErrors();
  });
}
