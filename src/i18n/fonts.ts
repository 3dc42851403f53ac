/**
 * Self-hosted fonts, per language (the @fontsource Noto packages, bundled by Vite, no third-party
 * request). Each stylesheet declares the font in unicode-range subsets, so the browser downloads
 * only the subsets of the characters on screen (a few of Noto Sans SC's hundred slices, not 10 MB).
 *
 * - Arabic loads Noto Sans Arabic, Chinese loads Noto Sans SC, Russian loads Noto Sans (Cyrillic);
 * - English, French, Spanish and the pseudo-locales keep the system sans-serif, so the first screen
 *   of the default language downloads no font at all (scripts/check-budget.mjs counts it).
 *
 * styles.css puts the family first in --font for :lang(ar), :lang(zh) and :lang(ru); the map's
 * canvas labels name the same families (src/scenes/map-style.ts).
 */
import type { UiLanguage } from './index';

type Loader = () => Promise<unknown>;

const LOADERS: Partial<Record<UiLanguage, Loader>> = {
  ar: () => Promise.all([import('@fontsource/noto-sans-arabic/400.css'), import('@fontsource/noto-sans-arabic/700.css')]),
  zh: () => Promise.all([import('@fontsource/noto-sans-sc/400.css'), import('@fontsource/noto-sans-sc/700.css')]),
  ru: () => Promise.all([import('@fontsource/noto-sans/400.css'), import('@fontsource/noto-sans/700.css')]),
};

/** The font family each language puts first (for canvas text and the document.fonts checks). */
export const FONT_FAMILY: Partial<Record<UiLanguage, string>> = {
  ar: 'Noto Sans Arabic',
  zh: 'Noto Sans SC',
  ru: 'Noto Sans',
};

const loaded = new Map<string, Promise<void>>();

/**
 * Adds the language's font stylesheets (once). Resolves when they are in the document; the font
 * files themselves arrive as text needs them. Never rejects: without the font, system fonts show.
 */
export function loadFonts(language: UiLanguage): Promise<void> {
  const load = LOADERS[language];
  if (!load || typeof document === 'undefined') return Promise.resolve();
  let p = loaded.get(language);
  if (!p) {
    p = load().then(
      () => undefined,
      () => {
        loaded.delete(language);
      },
    );
    loaded.set(language, p);
  }
  return p;
}
