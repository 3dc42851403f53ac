/**
 * UI strings through i18next, in the six official languages of the United Nations (Arabic, Chinese,
 * English, French, Russian, Spanish) and two pseudo-locales for testing (./pseudo.ts).
 *
 * English is bundled (it is the fallback and the source of the pseudo-locales); every other language
 * is its own small chunk, loaded when chosen (`useLanguage`), so the first screen's JS budget holds.
 * Scenario text is shown as authored, through `scenarioText`, so per-scenario translations can plug in.
 */
import i18next, { type TOptions } from 'i18next';
import en from '../../locales/en/ui.json';
import { pseudoResources, type PseudoLanguage } from './pseudo';
import { loadFonts } from './fonts';
import './language-names.css';

/** The six UI languages, in the United Nations' order (English alphabetical). */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
/** Pseudo-locales: selectable with ?lang= and, in development and tests, in Settings. */
export const PSEUDO_LANGUAGES = ['en-XA', 'ar-XB'] as const;
export type RealLanguage = (typeof LANGUAGES)[number];
export type UiLanguage = RealLanguage | PseudoLanguage;
export const ALL_LANGUAGES: readonly UiLanguage[] = [...LANGUAGES, ...PSEUDO_LANGUAGES];

type Tree = { [key: string]: string | Tree };

/** Each non-English language is a chunk of its own (Vite splits dynamic imports). */
const LOADERS: Record<Exclude<RealLanguage, 'en'>, () => Promise<{ default: unknown }>> = {
  ar: () => import('../../locales/ar/ui.json'),
  zh: () => import('../../locales/zh/ui.json'),
  fr: () => import('../../locales/fr/ui.json'),
  ru: () => import('../../locales/ru/ui.json'),
  es: () => import('../../locales/es/ui.json'),
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (ALL_LANGUAGES as readonly string[]).includes(value);
}

export function isPseudoLanguage(value: unknown): value is PseudoLanguage {
  return typeof value === 'string' && (PSEUDO_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Initialises i18next synchronously with English (bundled); other languages are added by
 * `loadLanguage`. A pseudo-locale is generated here and now. Safe to call more than once.
 */
export function initI18n(language: UiLanguage = 'en'): void {
  if (!i18next.isInitialized) {
    void i18next.init({
      lng: 'en',
      fallbackLng: 'en',
      ns: ['ui'],
      defaultNS: 'ui',
      resources: { en: { ui: en } },
      initAsync: false,
      // Text goes into the DOM through textContent only, so no HTML escaping is wanted.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  if (isPseudoLanguage(language)) addPseudo(language);
  if (language === 'en' || i18next.hasResourceBundle(language, 'ui')) setLanguage(language);
}

function addPseudo(language: PseudoLanguage): void {
  if (!i18next.hasResourceBundle(language, 'ui')) i18next.addResourceBundle(language, 'ui', pseudoResources(language, en as Tree));
}

const loading = new Map<string, Promise<void>>();

const RLM = '\u200f';
/** The first strong (L, R or AL) character decides a paragraph's direction under `dir="auto"`. */
const FIRST_STRONG = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u4e00-\u9fff\u0590-\u08ff]/;

/**
 * Text blocks take the direction of their own first strong character (styles.css: unicode-bidi:
 * plaintext), so an untranslated English scenario paragraph reads left to right inside the Arabic
 * page. A right-to-left UI string that begins with a placeholder or a Latin word ("{{title}}: …",
 * "Mandate …") is anchored with a RIGHT-TO-LEFT MARK so it stays right to left.
 */
export function anchorRtl<T extends Tree>(tree: T, top = true): T {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) {
    // Language names are shown in their own language and direction (lang, dir): never anchored.
    if (top && k === 'lang') out[k] = v;
    else if (typeof v !== 'string') out[k] = anchorRtl(v, false);
    else {
      const first = FIRST_STRONG.exec(v.replace(/\{\{[^}]*\}\}/g, 'x'));
      out[k] = first && !/[\u0590-\u08ff]/.test(first[0]) ? `${RLM}${v}` : v;
    }
  }
  return out as T;
}

/** Loads a language's strings (once) and its fonts. Rejects only if its chunk cannot be fetched. */
export function loadLanguage(language: UiLanguage): Promise<void> {
  initI18n();
  const fonts = loadFonts(language);
  if (language === 'en') return fonts;
  if (isPseudoLanguage(language)) {
    addPseudo(language);
    return fonts;
  }
  let p = loading.get(language);
  if (!p) {
    p = LOADERS[language]().then((m) => {
      const tree = m.default as Tree;
      i18next.addResourceBundle(language, 'ui', textDirection(language) === 'rtl' ? anchorRtl(tree) : tree);
    });
    p.catch(() => loading.delete(language));
    loading.set(language, p);
  }
  return Promise.all([p, fonts]).then(() => undefined);
}

/** Switches to a language whose strings are loaded (otherwise English shows until they are). */
export function setLanguage(language: UiLanguage): void {
  void i18next.changeLanguage(language);
}

/** Loads a language, then switches to it. English stays if the language's chunk cannot load. */
export async function useLanguage(language: UiLanguage): Promise<UiLanguage> {
  try {
    await loadLanguage(language);
    setLanguage(language);
    return language;
  } catch {
    setLanguage('en');
    return 'en';
  }
}

export function currentLanguage(): UiLanguage {
  const l = i18next.language;
  return isUiLanguage(l) ? l : 'en';
}

/** The writing direction of a language (the current one by default). */
export function textDirection(language: string = i18next.language): 'ltr' | 'rtl' {
  return language === 'ar' || language === 'ar-XB' ? 'rtl' : 'ltr';
}

/**
 * The `lang` attribute for the page: BCP 47, with the script for Chinese (Simplified), so the
 * browser and screen readers pick the right glyphs and voice.
 */
export function htmlLang(language: UiLanguage = currentLanguage()): string {
  return language === 'zh' ? 'zh-Hans' : language;
}

/**
 * The locale for Intl formatting. Arabic uses Western digits, as United Nations documents in Arabic
 * do (and as the in-game clock labels do); pseudo-locales format as English.
 */
export function intlLocale(language: UiLanguage = currentLanguage()): string {
  if (language === 'ar') return 'ar-u-nu-latn';
  if (language === 'zh') return 'zh-Hans';
  if (isPseudoLanguage(language)) return 'en';
  return language;
}

/** Translates a UI key. */
export function t(key: string, options?: TOptions): string {
  return i18next.t(key, options as TOptions) as unknown as string;
}

let scenarioTexts: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {};

/** Scenario text known before a scenario loads (the library cards'): scenario id → language → key → text. */
export function provideScenarioTexts(texts: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>): void {
  scenarioTexts = texts;
}

/**
 * Scenario text as the player sees it, keyed by scenario id and text key (e.g.
 * "poc-red-lines:title"). A scenario in play is already in the player's language (the store localizes
 * its bundle); before it loads, the library card's text comes from `provideScenarioTexts`. Anything
 * without a translation is returned as authored.
 */
export function scenarioText(key: string, defaultText: string): string {
  const at = key.indexOf(':');
  const text = at > 0 ? scenarioTexts[key.slice(0, at)]?.[i18next.language]?.[key.slice(at + 1)] : undefined;
  return typeof text === 'string' && text ? text : defaultText;
}

/** Formats a wall-clock date in the current language. */
export function formatDate(ms: number): string {
  try {
    return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}

/** A number in the current language ("1 234,5" in French, "1,234.5" in English). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  try {
    return new Intl.NumberFormat(intlLocale(), options).format(n);
  } catch {
    return String(n);
  }
}

/** A whole percentage from 0–100, as the language writes it ("125 %" in French, "125%" in English). */
export function formatPercent(value: number): string {
  return formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 0 });
}
