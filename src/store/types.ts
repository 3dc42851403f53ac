/**
 * The app state the store holds: the engine session and its snapshot (the only copy), plus the
 * app and UI state around it. Views read it through the selectors in ./selectors.ts.
 */
import type { EngineSnapshot, LibraryEntry, ScenarioBundle, Session } from '../engine';

export type Screen = 'library' | 'briefing' | 'play' | 'debrief' | 'settings' | 'about';

export type CountdownMode = 'off' | 'normal' | 'extended';
export type Language = 'en' | 'fr';
export type TextSize = 100 | 125 | 150;

export interface Settings {
  language: Language;
  countdown: CountdownMode;
  textSize: TextSize;
  reducedMotion: boolean;
  sound: { muted: boolean; volume: number; ambience: boolean };
}

/**
 * The real-time countdown of the current decision. It is UI state, never in the event log; it is
 * saved beside the session so a reload resumes it where it was.
 */
export interface CountdownRecord {
  nodeId: string;
  /** Full length at the current mode, in ms. */
  totalMs: number;
  remainingMs: number;
  mode: Exclude<CountdownMode, 'off'>;
  /** True once the "time is running out" cue was given for this decision. */
  warned: boolean;
}

export type NoticeLevel = 'error' | 'warning' | 'info';

/** A message for the player. Text is an i18n key plus parameters, translated by the view. */
export interface Notice {
  id: number;
  level: NoticeLevel;
  key: string;
  params?: Record<string, string | number>;
  /** Technical details shown under the message (already plain text, e.g. "log[3]: expected …"). */
  details?: string[];
}

export type CueName = 'inject' | 'timer-warning' | 'decision' | 'consequence' | 'ending' | 'ambience';

export interface Caption {
  id: number;
  cue: CueName;
  at: number;
}

/** A saved session as listed on the first screen. */
export interface SavedSummary {
  id: string;
  scenarioId: string;
  title: string;
  savedAt: number;
  done: boolean;
  decisions: number;
  /** The countdown mode the session was played with (shown in the debrief). */
  countdownMode: CountdownMode;
}

/** A stored record that could not be read; it is kept until the player discards it. */
export interface CorruptSave {
  id: string;
  raw: unknown;
  problems: string[];
}

export interface MandateState {
  screen: Screen;
  /** Where Settings/About return to. */
  returnTo: Screen;
  library: LibraryEntry[];
  /** A scenario is being loaded (the id), or null. */
  loading: string | null;
  bundle: ScenarioBundle | null;
  session: Session | null;
  sessionId: string | null;
  snapshot: EngineSnapshot | null;
  /** The length of the session's log; changes whenever an event is accepted. */
  logLength: number;
  /** The option the player has selected but not yet confirmed. */
  selectedOption: string | null;
  countdown: CountdownRecord | null;
  /** The countdown mode the current session has been played with (worst case: the longest/off). */
  playedCountdownMode: CountdownMode;
  /** A write is in progress; the next event waits for it. */
  saving: boolean;
  settings: Settings;
  storage: 'indexeddb' | 'memory';
  saved: SavedSummary[];
  corrupt: CorruptSave[];
  notices: Notice[];
  captions: Caption[];
}
