/**
 * The app state the store holds: the engine session and its snapshot (the only copy), plus the
 * app and UI state around it. Views read it through the selectors in ./selectors.ts.
 */
import type { EngineSnapshot, LibraryEntry, ScenarioBundle, Session } from '../engine';
import type { PreviewOverride } from './authoring';

export type Screen = 'library' | 'briefing' | 'play' | 'debrief' | 'settings' | 'about' | 'sessions' | 'cohort';

export type CountdownMode = 'off' | 'normal' | 'extended';
/** The six UN languages, and two pseudo-locales for testing (en-XA accented, ar-XB right-to-left). */
export type Language = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es' | 'en-XA' | 'ar-XB';
export type TextSize = 100 | 125 | 150;

export interface Settings {
  language: Language;
  countdown: CountdownMode;
  textSize: TextSize;
  reducedMotion: boolean;
  /** The high-contrast theme (black, white and yellow; WCAG AAA contrast) for projectors and low vision. */
  highContrast?: boolean;
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
  /** Facilitated play: the facilitator paused the countdown, or switched it off for this decision. */
  held?: 'paused' | 'off';
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
  /** Solo or facilitated: a facilitated session reopens as the facilitator's console. */
  mode: 'solo' | 'facilitated';
}

/** A stored record that could not be read; it is kept until the player discards it. */
export interface CorruptSave {
  id: string;
  raw: unknown;
  problems: string[];
}

/** One compiler diagnostic, as the CLI prints it (`text` is formatDiagnostic's output). */
export interface AuthorDiagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** "file:line:col severity code message", the source line and a caret, as plain text. */
  text: string;
}

/** What the in-browser compiler returns for one scenario file. */
export interface CompiledScenario {
  bundle?: ScenarioBundle;
  /** The library entry (libraryEntry(bundle)), present with the bundle. */
  entry?: LibraryEntry;
  diagnostics: AuthorDiagnostic[];
}

/** The content compiler, loaded lazily by the composition root (never on the first screen). */
export interface ScenarioCompiler {
  compile(fileName: string, text: string): CompiledScenario;
}

/** A scenario opened from a file on this device, as listed in the library. */
export interface ImportedScenario {
  id: string;
  fileName: string;
  importedAt: number;
}

/** The result of checking an opened scenario file, shown on the library screen. */
export interface ScenarioFileCheck {
  fileName: string;
  /** checking: the compiler is loading or running; added: it is in the library; errors: it has errors;
   * refused: it cannot be added (its id is a shipped scenario's, it is too large, or unreadable). */
  status: 'checking' | 'added' | 'errors' | 'refused';
  scenarioId?: string;
  title?: string;
  /** An i18n key saying why it was refused. */
  reason?: string;
  diagnostics: AuthorDiagnostic[];
}

/**
 * A new version of a scenario from the dev server (live preview): its compiled bundle, or the
 * diagnostics when the file has errors.
 */
export interface ScenarioUpdate {
  id: string;
  /** The file, relative to the project. */
  file?: string;
  bundle?: ScenarioBundle;
  entry?: LibraryEntry;
  diagnostics?: AuthorDiagnostic[];
}

/** The authoring preview's state (live reload, preview overrides). */
export interface AuthoringState {
  /** The last saved version of a scenario file has errors; play continues on the last good version. */
  problems: { id: string; file: string; diagnostics: AuthorDiagnostic[] } | null;
  /** The last new version applied: how much of the current session's log still applied. */
  lastUpdate: { id: string; file: string; at: number; live: boolean; kept: number; total: number; reason: string | null } | null;
  /** Meters and flags set by hand: the session shown is a preview, never saved. */
  override: PreviewOverride | null;
}

export interface MandateState {
  screen: Screen;
  /** Where Settings/About return to. */
  returnTo: Screen;
  /** The shipped scenarios, then those imported on this device. */
  library: LibraryEntry[];
  /** The scenarios imported on this device (their entries are in `library`). */
  imported: ImportedScenario[];
  /** The last scenario file opened on the library screen, and what the compiler said. */
  fileCheck: ScenarioFileCheck | null;
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
  authoring: AuthoringState;
}
