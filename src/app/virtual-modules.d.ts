/** The scenario library compiled at build time by the lead's Vite plugin (src/build). */
declare module 'virtual:mandate-library' {
  import type { LibraryEntry, ScenarioBundle } from '../engine';
  /** The small index shown on the first screen (it ships in the first-screen bundle). */
  export const library: LibraryEntry[];
  /** Loads one scenario's compiled data (each scenario is its own chunk). */
  export function loadBundle(id: string): Promise<ScenarioBundle>;
}
