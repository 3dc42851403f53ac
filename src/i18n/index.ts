/**
 * UI strings through i18next. Both shipped locales are small and bundled; scenario text is shown
 * as authored for now, through `scenarioText` so per-scenario translations can plug in later.
 */
import i18next, { type TOptions } from 'i18next';
import en from '../../locales/en/ui.json';
import fr from '../../locales/fr/ui.json';

export const LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

export const resources = { en: { ui: en }, fr: { ui: fr } } as const;

/** Initialises i18next synchronously (resources are bundled). Safe to call more than once. */
export function initI18n(language: UiLanguage): void {
  if (i18next.isInitialized) {
    void i18next.changeLanguage(language);
    return;
  }
  void i18next.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['ui'],
    defaultNS: 'ui',
    resources,
    initAsync: false,
    // Text goes into the DOM through textContent only, so no HTML escaping is wanted.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function setLanguage(language: UiLanguage): void {
  void i18next.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  const l = i18next.language;
  return (LANGUAGES as readonly string[]).includes(l) ? (l as UiLanguage) : 'en';
}

/** The writing direction of the current language. */
export function textDirection(): 'ltr' | 'rtl' {
  return i18next.dir(i18next.language) === 'rtl' ? 'rtl' : 'ltr';
}

/** Translates a UI key. */
export function t(key: string, options?: TOptions): string {
  return i18next.t(key, options as TOptions) as unknown as string;
}

/**
 * Scenario text as the player sees it. Scenario content is keyed by ids (e.g.
 * "poc-red-lines:nodes.warn.title"); until per-scenario translations ship, the authored text is
 * returned unchanged.
 */
export function scenarioText(key: string, defaultText: string): string {
  const ns = 'scenario';
  if (!i18next.hasResourceBundle?.(i18next.language, ns)) return defaultText;
  return i18next.t(key, { ns, defaultValue: defaultText }) as unknown as string;
}

/** Formats a wall-clock date in the current language. */
export function formatDate(ms: number): string {
  try {
    return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}
