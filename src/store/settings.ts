/** Player settings: defaults, validation field by field, and storage (localStorage when present). */
import type { CountdownMode, Language, Settings, TextSize } from './types';

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  countdown: 'normal',
  textSize: 100,
  reducedMotion: false,
  highContrast: false,
  sound: { muted: false, volume: 0.7, ambience: false },
};

const LANGUAGES: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'en-XA', 'ar-XB'];
/** The languages a browser preference can pick (never a pseudo-locale). */
const PREFERABLE: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const MODES: readonly CountdownMode[] = ['off', 'normal', 'extended'];
const SIZES: readonly TextSize[] = [100, 125, 150];

/** Reads untrusted settings, keeping each valid field and defaulting the rest. */
export function normaliseSettings(data: unknown, fallback: Settings = DEFAULT_SETTINGS): Settings {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const sound = (typeof d.sound === 'object' && d.sound !== null ? d.sound : {}) as Record<string, unknown>;
  const volume = typeof sound.volume === 'number' && Number.isFinite(sound.volume) ? Math.min(1, Math.max(0, sound.volume)) : fallback.sound.volume;
  return {
    language: LANGUAGES.includes(d.language as Language) ? (d.language as Language) : fallback.language,
    countdown: MODES.includes(d.countdown as CountdownMode) ? (d.countdown as CountdownMode) : fallback.countdown,
    textSize: SIZES.includes(d.textSize as TextSize) ? (d.textSize as TextSize) : fallback.textSize,
    reducedMotion: typeof d.reducedMotion === 'boolean' ? d.reducedMotion : fallback.reducedMotion,
    highContrast: typeof d.highContrast === 'boolean' ? d.highContrast : (fallback.highContrast ?? false),
    sound: {
      muted: typeof sound.muted === 'boolean' ? sound.muted : fallback.sound.muted,
      volume,
      ambience: typeof sound.ambience === 'boolean' ? sound.ambience : fallback.sound.ambience,
    },
  };
}

export interface SettingsStorage {
  load(): Settings | null;
  save(settings: Settings): void;
}

const KEY = 'mandate.settings.v1';

/** Settings in localStorage; a no-op where it is unavailable (some LMS frames, private windows). */
export function localSettingsStorage(): SettingsStorage {
  return {
    load() {
      try {
        const text = globalThis.localStorage?.getItem(KEY);
        return text ? normaliseSettings(JSON.parse(text)) : null;
      } catch {
        return null;
      }
    },
    save(settings) {
      try {
        globalThis.localStorage?.setItem(KEY, JSON.stringify(settings));
      } catch {
        // Storage full or blocked: settings still apply for this visit.
      }
    },
  };
}

export function memorySettingsStorage(initial: Settings | null = null): SettingsStorage {
  let value = initial;
  return {
    load: () => value,
    save: (s) => {
      value = s;
    },
  };
}

/** The first language the browser prefers that the game speaks. */
export function preferredLanguage(languages: readonly string[] | undefined): Language {
  for (const l of languages ?? []) {
    // "zh-CN", "zh-Hans", "zh-SG" (and other Chinese) → zh (Simplified, the UN's written Chinese).
    const base = l.toLowerCase().split('-')[0];
    if (PREFERABLE.includes(base as Language)) return base as Language;
  }
  return 'en';
}
