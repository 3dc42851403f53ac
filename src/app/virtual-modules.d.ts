/** The scenario library compiled at build time by the lead's Vite plugin (src/build). */
declare module 'virtual:mandate-library' {
  import type { LibraryEntry, ScenarioBundle } from '../engine';
  /** The small index shown on the first screen (it ships in the first-screen bundle). */
  export const library: LibraryEntry[];
  /** Loads one scenario's compiled data (each scenario is its own chunk). */
  export function loadBundle(id: string): Promise<ScenarioBundle>;
  /** Scenario id → language → the library card's text (title, subtitle, setting, summary, contentNote). */
  export const libraryText: Record<string, Record<string, Record<string, string>>>;
  /** Scenario id → the languages it has a translation in, besides the one it is written in. */
  export const translations: Record<string, string[]>;
  /** Loads one scenario's translation into one language (key → text; each is its own chunk). */
  export function loadTranslation(id: string, lang: string): Promise<Record<string, string>>;
}

/** The shared content the in-browser compiler needs (src/build/vite-plugin-scenarios.ts). Import it lazily. */
declare module 'virtual:mandate-shared' {
  import type { PolarityEntry, World } from '../engine';
  export const shared: { world: World | null; catalogue: PolarityEntry[]; diagnostics: never[] };
  /** The 2020 edition's section numbers and case boxes, or null when the build had no study text. */
  export const study: { sections: string[]; boxes: string[] } | null;
}

/** The in-game glossary, scenarios/glossary.yaml compiled (src/build/vite-plugin-scenarios.ts). Import it lazily. */
declare module 'virtual:mandate-glossary' {
  import type { GlossaryEntry } from '../ui/glossary-terms';
  export const glossary: GlossaryEntry[];
}
