/**
 * Which language a scenario is played in. A scenario is written in one language (the first of its
 * `languages`) and may ship translations (scenarios/<id>/locales/<lang>.yaml, compiled into lazily
 * loaded chunks). When the player's UI language has one, the bundle is localized before the session
 * starts, so every text the engine hands the views (decisions, advisers, injects, consequences,
 * endings, debrief) is in that language; ids, and therefore saves and replays, are unchanged. When it
 * has none, the scenario is shown as written and the player is told so.
 */
import { localizeScenario, type ScenarioBundle } from '../engine';
import type { NoticeLevel } from './types';

export interface ScenarioLanguageDeps {
  /** Loads a scenario as compiled (in the language it is written in). */
  load: (id: string) => Promise<ScenarioBundle>;
  /** Scenario id → the languages it has a translation in. */
  available: Readonly<Record<string, readonly string[]>>;
  loadTranslation: (id: string, lang: string) => Promise<Record<string, string>>;
  /** The player's UI language now. */
  language: () => string;
  notify: (level: NoticeLevel, key: string, params?: Record<string, string | number>) => void;
}

/** The name of a language, in a given language ("español", "Spanish", "espagnol"). */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A `loadBundle` that applies the translation for the current UI language, or says (once per
 * scenario and language) that the scenario is shown in the language it is written in.
 */
export function translatingLoader(deps: ScenarioLanguageDeps): (id: string) => Promise<ScenarioBundle> {
  const cache = new Map<string, Promise<Record<string, string>>>();
  const told = new Set<string>();
  return async (id) => {
    const lang = deps.language();
    const bundle = await deps.load(id);
    const source = bundle.scenario.languages[0] ?? 'en';
    if (lang === source) return bundle;
    if (deps.available[id]?.includes(lang)) {
      const key = `${id}/${lang}`;
      let texts = cache.get(key);
      if (!texts) {
        texts = deps.loadTranslation(id, lang);
        cache.set(key, texts);
        texts.catch(() => cache.delete(key));
      }
      try {
        return { ...bundle, scenario: localizeScenario(bundle.scenario, await texts) };
      } catch {
        // A translation that cannot be loaded (offline, a failed chunk) is not a reason to refuse play.
      }
    }
    const noticeKey = `${id}/${lang}`;
    if (!told.has(noticeKey)) {
      told.add(noticeKey);
      deps.notify('info', 'notice.scenarioNotTranslated', { language: languageName(lang, lang), shown: languageName(source, lang) });
    }
    return bundle;
  };
}
