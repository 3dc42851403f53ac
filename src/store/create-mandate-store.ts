/**
 * The Mandate store: a vanilla zustand store, the only bridge between the engine and the views.
 * It holds the engine session and its snapshot, calls the engine in its actions, stamps log entries
 * with the wall clock, draws the seed, runs the real-time countdown and saves after every event.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createSession,
  parseSave,
  pathToNode,
  previewSession,
  replaySession,
  type LogEntry,
  type EngineEventType,
  type EngineSnapshot,
  type LibraryEntry,
  type ScenarioBundle,
  type Session,
} from '../engine';
import { countdownFor, mostGenerous, rescale, WARNING_SHARE } from './countdown';
import { facilitatedActions, type FacilitatedActions } from './facilitated-actions';
import {
  memoryCountdownStash,
  RECORD_FORMAT,
  RECORD_VERSION,
  type CountdownStash,
  type Persistence,
  type SavedRecord,
  type StoredEntry,
} from './persistence';
import { DEFAULT_SETTINGS, memorySettingsStorage, normaliseSettings, type SettingsStorage } from './settings';
import { reviewActions, type ReviewActions } from './review-actions';
import { applyOverride, mergedOverride, rebuildSession, type PreviewOverride, type PreviewPlan } from './authoring';
import { memoryScenarioShelf, SCENARIO_RECORD_FORMAT, SCENARIO_RECORD_VERSION, type ImportedScenarioRecord, type ScenarioShelf } from './scenario-shelf';
import type {
  CorruptSave,
  CueName,
  ImportedScenario,
  MandateState,
  Notice,
  NoticeLevel,
  SavedSummary,
  ScenarioCompiler,
  ScenarioFileCheck,
  ScenarioUpdate,
  Screen,
  Settings,
} from './types';

/** An imported file larger than this is refused before parsing. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** An imported log longer than this is refused (a real session has a few dozen events). */
export const MAX_IMPORT_EVENTS = 5_000;
/** How often the countdown ticks, and how often its remaining time is saved. */
export const TICK_MS = 250;
export const COUNTDOWN_SAVE_MS = 1_000;
/** A scenario file larger than this is refused before compiling (the shipped ones are ~100 KB). */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** At most this many diagnostics are kept for display (the count says how many there were). */
export const MAX_SHOWN_DIAGNOSTICS = 100;
const MAX_NOTICES = 5;
const MAX_CAPTIONS = 3;

export interface StoreDeps {
  library: LibraryEntry[];
  loadBundle: (id: string) => Promise<ScenarioBundle>;
  persistence: Persistence;
  settingsStorage?: SettingsStorage;
  /** A synchronous copy of the countdown, kept beside the session (localStorage in the browser). */
  countdownStash?: CountdownStash;
  /** Wall clock (ms). Defaults to Date.now. */
  now?: () => number;
  /** A fresh 32-bit seed. Defaults to crypto.getRandomValues. */
  randomSeed?: () => number;
  /** A fresh session id. */
  newId?: () => string;
  /** Settings to start with when none are stored (e.g. the browser's language). */
  defaultSettings?: Settings;
  /** Where scenarios imported on this device are kept (memory when absent). */
  scenarioShelf?: ScenarioShelf;
  /** Loads the content compiler on demand (a dynamic import in the browser). */
  loadCompiler?: () => Promise<ScenarioCompiler>;
}

export interface ExportFile {
  filename: string;
  text: string;
}

export interface MandateActions extends FacilitatedActions {
  /** Reads saved sessions and settings; warns when saving is not possible. */
  init(): Promise<void>;
  go(screen: 'library' | 'settings' | 'about' | 'sessions' | 'cohort'): void;
  /** Leaves Settings/About for the screen they were opened from. */
  back(): void;
  /** `mode: 'facilitated'` marks a session run by a facilitator for a room (console and presenter). */
  startScenario(id: string, seat?: string, mode?: 'solo' | 'facilitated'): Promise<boolean>;
  /** From the briefing into play. */
  begin(): void;
  consult(adviserId: string): Promise<boolean>;
  selectOption(optionId: string | null): void;
  /** Decides the given option, or the selected one. */
  choose(optionId?: string): Promise<boolean>;
  timeout(): Promise<boolean>;
  addNote(text: string): Promise<boolean>;
  resume(id: string): Promise<boolean>;
  /** Saves and returns to the library; the session can be resumed. */
  leave(): Promise<void>;
  /** Ends the current session and deletes its save. */
  abandon(): Promise<void>;
  openDebrief(): void;
  exportSession(): ExportFile | null;
  /** A stored record that could not be read, as a file (so nothing is lost before discarding it). */
  exportCorrupt(id: string): ExportFile | null;
  importSession(text: string): Promise<boolean>;
  /**
   * Checks a scenario file (YAML text) with the content compiler; without errors, adds it to the
   * library as "imported on this device" and keeps its source. The result is in `fileCheck`.
   */
  openScenarioFile(fileName: string, text: string): Promise<boolean>;
  /** Removes a scenario imported on this device (its saved sessions are kept). */
  removeImported(id: string): Promise<void>;
  dismissFileCheck(): void;
  /**
   * Live preview (dev server): a new version of a scenario. With a bundle, it replaces the old one
   * and the current session is replayed on it as far as its log still applies; with diagnostics,
   * they are shown and play continues on the last good version.
   */
  applyScenarioUpdate(update: ScenarioUpdate): Promise<void>;
  /** Authoring: a fresh session (same seed and seat) driven to the node along a path found by search. */
  jumpToNode(nodeId: string): Promise<boolean>;
  /** Authoring: sets meters and flags by hand. The session becomes a preview, never saved. */
  setPreviewOverride(values: PreviewOverride): Promise<boolean>;
  /** Authoring: back to the real session, as its log left it. */
  clearPreviewOverride(): Promise<void>;
  discardSaved(id: string): Promise<void>;
  updateSettings(patch: Partial<Omit<Settings, 'sound'>> & { sound?: Partial<Settings['sound']> }): void;
  addCaption(cue: CueName): void;
  removeCaption(id: number): void;
  notify(level: NoticeLevel, key: string, params?: Record<string, string | number>, details?: string[]): void;
  dismissNotice(id: number): void;
  /** Writes the current session and countdown at once, ahead of queued writes (pagehide). */
  flush(): Promise<void>;
  dispose(): void;
}

/** The after-action review's actions (review-actions.ts) are the store's too. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MandateActions extends ReviewActions {}

export type MandateStoreState = MandateState & { actions: MandateActions };
export type MandateStore = StoreApi<MandateStoreState>;

function cryptoSeed(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0] ?? 0;
}

function cryptoId(): string {
  const a = new Uint8Array(8);
  globalThis.crypto.getRandomValues(a);
  return [...a].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const DECISION_TYPES: readonly string[] = ['decision.choose', 'decision.timeout'];

export function createMandateStore(deps: StoreDeps): MandateStore {
  const now = deps.now ?? (() => Date.now());
  const randomSeed = deps.randomSeed ?? cryptoSeed;
  const newId = deps.newId ?? cryptoId;
  const settingsStorage = deps.settingsStorage ?? memorySettingsStorage();
  const { persistence } = deps;
  const stash = deps.countdownStash ?? memoryCountdownStash();
  const settings = normaliseSettings(settingsStorage.load() ?? deps.defaultSettings ?? DEFAULT_SETTINGS);
  const shelf = deps.scenarioShelf ?? memoryScenarioShelf();
  const shippedIds = new Set(deps.library.map((e) => e.id));
  /** Imported scenarios: their entries, in import order, and the bundles compiled so far. */
  const importedEntries = new Map<string, { meta: ImportedScenario; entry: LibraryEntry }>();
  const importedBundles = new Map<string, ScenarioBundle>();
  let compilerLoad: Promise<ScenarioCompiler> | null = null;
  /** Shipped entries, as updated by the live preview. */
  let shippedLibrary = deps.library;
  /** Live preview: the newest good version of each updated scenario. */
  const hotBundles = new Map<string, ScenarioBundle>();
  /** The preview override in force: the real log and the override layers after it. */
  let previewPlan: PreviewPlan | null = null;
  let fileCheckSeq = 0;

  let noticeSeq = 0;
  let captionSeq = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let ticker: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;
  let lastCountdownSave = 0;
  let timingOut = false;
  let writeFailedShown = false;

  const store = createStore<MandateStoreState>()(() => ({
    screen: 'library',
    returnTo: 'library',
    library: deps.library,
    imported: [],
    fileCheck: null,
    loading: null,
    bundle: null,
    session: null,
    sessionId: null,
    snapshot: null,
    logLength: 0,
    selectedOption: null,
    countdown: null,
    playedCountdownMode: settings.countdown,
    saving: false,
    settings,
    storage: persistence.kind,
    saved: [],
    corrupt: [],
    notices: [],
    captions: [],
    authoring: { problems: null, lastUpdate: null, override: null },
    // Filled in below, once the actions exist.
    actions: null as unknown as MandateActions,
  }));
  const get = store.getState;
  const set = store.setState;

  // ---- helpers --------------------------------------------------------------------------------

  function notify(level: NoticeLevel, key: string, params?: Record<string, string | number>, details?: string[]): void {
    const notice: Notice = { id: ++noticeSeq, level, key, ...(params ? { params } : {}), ...(details ? { details } : {}) };
    set({ notices: [...get().notices, notice].slice(-MAX_NOTICES) });
  }

  /** Runs session-changing work one at a time: an event waits until the previous one is saved. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  function currentNode(s: MandateState = get()) {
    if (!s.bundle || !s.snapshot) return undefined;
    return s.bundle.scenario.nodes.find((n) => n.id === s.snapshot?.node);
  }

  function recordOf(s: MandateState = get()): SavedRecord | null {
    // A preview override is never saved: its log does not replay from the start.
    if (!s.session || !s.sessionId || !s.bundle || previewPlan) return null;
    return {
      format: RECORD_FORMAT,
      formatVersion: RECORD_VERSION,
      id: s.sessionId,
      title: s.bundle.scenario.title,
      savedAt: now(),
      done: s.snapshot?.done ?? false,
      save: s.session.save(),
      countdown: s.countdown,
      playedCountdownMode: s.playedCountdownMode,
      ending: s.snapshot?.context.ending ?? null,
      startedAt: s.session.meta().startedAt,
      parent: s.session.meta().parent,
    };
  }

  async function saveNow(): Promise<void> {
    const record = recordOf();
    if (!record) return;
    set({ saving: true });
    try {
      await persistence.write(record);
    } catch {
      if (!writeFailedShown) {
        writeFailedShown = true;
        notify('warning', 'notice.writeFailed');
      }
    } finally {
      set({ saving: false });
    }
  }

  function summaries(entries: StoredEntry[]): { saved: SavedSummary[]; corrupt: CorruptSave[] } {
    const saved: SavedSummary[] = [];
    const corrupt: CorruptSave[] = [];
    for (const e of entries) {
      if ('record' in e) {
        const r = e.record;
        saved.push({
          id: r.id,
          scenarioId: r.save.scenario.id,
          title: r.title,
          savedAt: r.savedAt,
          done: r.done,
          decisions: r.save.log.filter((l) => DECISION_TYPES.includes(l.type)).length,
          countdownMode: r.playedCountdownMode,
          mode: r.save.meta.mode,
        });
      } else {
        corrupt.push({ id: e.id, raw: e.raw, problems: e.problems });
      }
    }
    saved.sort((a, b) => b.savedAt - a.savedAt);
    return { saved, corrupt };
  }

  async function refreshSaved(): Promise<void> {
    try {
      set(summaries(await persistence.list()));
    } catch {
      notify('warning', 'notice.readFailed');
    }
  }

  // ---- the countdown --------------------------------------------------------------------------

  function stopTicker(): void {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  }

  function startTicker(): void {
    if (ticker !== null) return;
    lastTick = now();
    lastCountdownSave = lastTick;
    ticker = setInterval(tick, TICK_MS);
  }

  function tick(): void {
    const s = get();
    const cd = s.countdown;
    const t = now();
    const delta = Math.max(0, t - lastTick);
    lastTick = t;
    if (!cd || s.screen !== 'play' || cd.held) {
      stopTicker();
      return;
    }
    const remainingMs = Math.max(0, cd.remainingMs - delta);
    const warned = cd.warned || remainingMs <= cd.totalMs * WARNING_SHARE;
    set({ countdown: { ...cd, remainingMs, warned } });
    if (remainingMs <= 0) {
      stopTicker();
      void actions.timeout();
      return;
    }
    if (t - lastCountdownSave >= COUNTDOWN_SAVE_MS) {
      lastCountdownSave = t;
      if (s.sessionId) stash.save(s.sessionId, get().countdown, t);
      const record = recordOf();
      if (record) persistence.write(record).catch(() => undefined);
    }
  }

  /** Brings the countdown in line with the current decision, screen and setting. */
  function syncCountdown(): void {
    const s = get();
    if (!s.session || !s.snapshot || s.snapshot.done) {
      stopTicker();
      if (s.countdown) set({ countdown: null });
      return;
    }
    const node = currentNode(s);
    const mode = s.settings.countdown;
    let cd = s.countdown && s.countdown.nodeId === s.snapshot.node ? s.countdown : null;
    const eligible = Boolean(node?.realTimeSeconds && node.timeout);
    if (mode === 'off') cd = null;
    else if (!cd) cd = countdownFor(node, mode);
    else cd = rescale(cd, mode);
    const played = eligible ? mostGenerous(s.playedCountdownMode, mode) : s.playedCountdownMode;
    if (cd !== s.countdown || played !== s.playedCountdownMode) set({ countdown: cd, playedCountdownMode: played });
    if (s.screen === 'play' && cd && cd.remainingMs > 0 && !cd.held) startTicker();
    else stopTicker();
    if (s.screen === 'play' && cd && cd.remainingMs <= 0 && !cd.held && !timingOut) void actions.timeout();
  }

  // ---- sessions -------------------------------------------------------------------------------

  async function closeSession(): Promise<void> {
    const s = get();
    stopTicker();
    if (!s.session) return;
    await saveNow();
    if (s.sessionId) persistence.unlock(s.sessionId);
    s.session.stop();
    previewPlan = null;
    set({
      session: null,
      sessionId: null,
      snapshot: null,
      bundle: null,
      logLength: 0,
      countdown: null,
      selectedOption: null,
      ...(s.authoring.override ? { authoring: { ...get().authoring, override: null } } : {}),
    });
  }

  // ---- scenarios imported on this device -------------------------------------------------------

  function compiler(): Promise<ScenarioCompiler> {
    if (!deps.loadCompiler) return Promise.reject(new Error('No scenario compiler in this build'));
    compilerLoad ??= deps.loadCompiler().catch((e: unknown) => {
      compilerLoad = null;
      throw e;
    });
    return compilerLoad;
  }

  function publishImported(): void {
    const list = [...importedEntries.values()];
    set({ imported: list.map((x) => x.meta), library: [...shippedLibrary, ...list.map((x) => x.entry)] });
  }

  async function refreshImported(): Promise<void> {
    let records: ImportedScenarioRecord[];
    try {
      records = await shelf.list();
    } catch {
      notify('warning', 'notice.readFailed');
      return;
    }
    importedEntries.clear();
    for (const r of records) {
      if (shippedIds.has(r.id)) {
        notify('warning', 'notice.importedShadowed', { id: r.id.slice(0, 80) });
        continue;
      }
      let entry = r.entry;
      if (!entry) {
        // No usable cached entry: recompile now (this loads the compiler).
        const out = await compiler()
          .then((c) => c.compile(r.fileName, r.text))
          .catch(() => null);
        if (out?.bundle && out.entry && out.bundle.scenario.id === r.id) {
          entry = out.entry;
          importedBundles.set(r.id, out.bundle);
          await shelf.put({ ...r, entry }).catch(() => undefined);
        }
      }
      if (!entry) {
        notify('warning', 'notice.importedBroken', { file: r.fileName.slice(0, 120) });
        continue;
      }
      importedEntries.set(r.id, { meta: { id: r.id, fileName: r.fileName, importedAt: r.importedAt }, entry });
    }
    publishImported();
  }

  /** An imported scenario's bundle: recompiled from its stored source on first use. */
  async function loadImported(id: string): Promise<ScenarioBundle | null> {
    const cached = importedBundles.get(id);
    if (cached) return cached;
    const record = (await shelf.list().catch(() => [])).find((r) => r.id === id);
    if (!record) {
      notify('error', 'notice.unknownScenario', { id: id.slice(0, 80) });
      return null;
    }
    const out = (await compiler()).compile(record.fileName, record.text);
    if (!out.bundle || !out.entry || out.bundle.scenario.id !== id) {
      set({ fileCheck: { fileName: record.fileName, status: 'errors', scenarioId: id, diagnostics: out.diagnostics.slice(0, MAX_SHOWN_DIAGNOSTICS) } });
      notify('error', 'notice.importedBroken', { file: record.fileName.slice(0, 120) });
      return null;
    }
    importedBundles.set(id, out.bundle);
    const known = importedEntries.get(id);
    if (known && known.entry.hash !== out.entry.hash) {
      importedEntries.set(id, { meta: known.meta, entry: out.entry });
      publishImported();
      await shelf.put({ ...record, entry: out.entry }).catch(() => undefined);
    }
    return out.bundle;
  }

  function setFileCheck(seq: number, check: ScenarioFileCheck): void {
    // A later file replaces the result of an earlier one still being checked.
    if (seq === fileCheckSeq) set({ fileCheck: check });
  }

  async function loadScenario(id: string): Promise<ScenarioBundle | null> {
    if (!get().library.some((e) => e.id === id)) {
      notify('error', 'notice.unknownScenario', { id: id.slice(0, 80) });
      return null;
    }
    set({ loading: id });
    try {
      const hot = hotBundles.get(id);
      if (hot) return hot;
      if (importedEntries.has(id)) return await loadImported(id);
      return await deps.loadBundle(id);
    } catch {
      notify('error', 'notice.loadFailed');
      return null;
    } finally {
      set({ loading: null });
    }
  }

  function openSession(
    session: Session,
    bundle: ScenarioBundle,
    sessionId: string,
    screen: Screen,
    extra: Partial<MandateState> = {},
  ): void {
    const snapshot = session.snapshot();
    set({
      session,
      bundle,
      sessionId,
      snapshot,
      logLength: session.log().length,
      selectedOption: null,
      countdown: null,
      screen: snapshot.done && screen === 'play' ? 'debrief' : screen,
      returnTo: 'library',
      ...extra,
    });
    syncCountdown();
  }

  /** Sends one event to the engine, stamps it, updates the snapshot and saves before returning. */
  function dispatch(type: EngineEventType, payload: (snap: EngineSnapshot) => Record<string, unknown> | null): Promise<boolean> {
    return serial(async () => {
      const { session, snapshot } = get();
      if (!session || !snapshot) return false;
      const body = payload(snapshot);
      if (!body) return false;
      const result = session.send(type, body, now());
      if (!result.ok) {
        notify('error', 'notice.refused', { reason: result.reason });
        return false;
      }
      const next = session.snapshot();
      const isDecision = DECISION_TYPES.includes(type);
      set({
        snapshot: next,
        logLength: session.log().length,
        ...(isDecision ? { selectedOption: null } : {}),
      });
      syncCountdown();
      await saveNow();
      if (next.done) void refreshSaved();
      return true;
    });
  }

  // ---- the actions ----------------------------------------------------------------------------

  const actions: MandateActions = {
    ...reviewActions({ get, persistence, loadScenario, closeSession, openSession, saveNow, serial, notify, newId, now }),
    ...facilitatedActions({
      get,
      set,
      dispatch,
      syncCountdown,
      saveCountdown: () => {
        const s = get();
        if (s.sessionId) stash.save(s.sessionId, s.countdown, now());
        const record = recordOf();
        if (record) persistence.write(record).catch(() => undefined);
      },
    }),

    async init() {
      if (persistence.kind === 'memory') notify('warning', 'notice.memoryOnly');
      // Imported scenarios first: a saved session of one must find it in the library.
      await refreshImported();
      await refreshSaved();
    },

    go(screen) {
      const s = get();
      if (screen === 'library') {
        set({ screen, returnTo: 'library' });
        void refreshSaved();
      } else {
        const from = s.screen === 'settings' || s.screen === 'about' ? s.returnTo : s.screen;
        set({ screen, returnTo: from });
      }
      syncCountdown();
    },

    back() {
      const s = get();
      let to = s.returnTo;
      if ((to === 'play' || to === 'briefing' || to === 'debrief') && !s.session) to = 'library';
      set({ screen: to });
      if (to === 'library') void refreshSaved();
      syncCountdown();
    },

    startScenario(id, seat, mode) {
      return serial(async () => {
        const bundle = await loadScenario(id);
        if (!bundle) return false;
        await closeSession();
        const seatId = seat && bundle.scenario.seats.some((s) => s.id === seat) ? seat : bundle.scenario.seats[0]?.id;
        const session = createSession(bundle, { seed: randomSeed(), ...(seatId ? { seat: seatId } : {}), ...(mode ? { meta: { mode } } : {}) });
        const sessionId = newId();
        session.setMeta({ id: sessionId, startedAt: now() });
        await persistence.lock(sessionId);
        openSession(session, bundle, sessionId, 'briefing', { playedCountdownMode: get().settings.countdown });
        await saveNow();
        return true;
      });
    },

    begin() {
      const s = get();
      if (!s.session) return;
      set({ screen: s.snapshot?.done ? 'debrief' : 'play' });
      syncCountdown();
    },

    consult(adviserId) {
      return dispatch('adviser.consult', (snap) => ({ node: snap.node, adviser: adviserId }));
    },

    selectOption(optionId) {
      set({ selectedOption: optionId });
    },

    choose(optionId) {
      const option = optionId ?? get().selectedOption;
      if (!option) return Promise.resolve(false);
      return dispatch('decision.choose', (snap) => ({ node: snap.node, option }));
    },

    async timeout() {
      timingOut = true;
      try {
        return await dispatch('decision.timeout', (snap) => {
          const node = get().bundle?.scenario.nodes.find((n) => n.id === snap.node);
          return node?.timeout && !snap.done ? { node: snap.node } : null;
        });
      } finally {
        timingOut = false;
      }
    },

    addNote(text) {
      const trimmed = text.trim().slice(0, 2000);
      if (!trimmed) return Promise.resolve(false);
      return dispatch('note.add', () => ({ text: trimmed }));
    },

    resume(id) {
      return serial(async () => {
        let entries: StoredEntry[];
        try {
          entries = await persistence.list();
        } catch {
          notify('error', 'notice.readFailed');
          return false;
        }
        const entry = entries.find((e) => e.id === id);
        if (!entry || !('record' in entry)) {
          notify('error', 'notice.resumeMissing');
          return false;
        }
        const record = entry.record;
        if (get().sessionId === record.id && get().session) {
          actions.begin();
          return true;
        }
        const bundle = await loadScenario(record.save.scenario.id);
        if (!bundle) return false;
        await closeSession();
        if (!(await persistence.lock(record.id))) {
          notify('error', 'notice.locked');
          return false;
        }
        const { session, problems } = replaySession(bundle, record.save);
        // A record migrated from version 1 knows when the session began; its save (migrated too) may not.
        if (session.meta().startedAt === null && record.startedAt !== null) session.setMeta({ startedAt: record.startedAt });
        if (record.save.scenario.hash !== bundle.hash) notify('warning', 'notice.hashChanged');
        if (problems.length) notify('warning', 'notice.replayPartial', { count: record.save.log.length - session.log().length });
        openSession(session, bundle, record.id, 'play', { playedCountdownMode: record.playedCountdownMode });
        // Restore the countdown where it was (rescaled if the player changed the setting since),
        // from whichever copy is newer: the record or the synchronous stash.
        const snap = get().snapshot;
        const mode = get().settings.countdown;
        const stashed = stash.load(record.id);
        const saved = stashed && stashed.at >= record.savedAt ? stashed.record : record.countdown;
        if (saved && snap && !snap.done && saved.nodeId === snap.node && mode !== 'off') {
          set({ countdown: rescale(saved, mode) });
          syncCountdown();
        }
        return true;
      });
    },

    async leave() {
      await serial(async () => {
        await closeSession();
        set({ screen: 'library', returnTo: 'library' });
        await refreshSaved();
      });
    },

    async abandon() {
      await serial(async () => {
        const id = get().sessionId;
        await closeSession();
        if (id) {
          await persistence.remove(id).catch(() => undefined);
          stash.remove(id);
        }
        set({ screen: 'library', returnTo: 'library' });
        await refreshSaved();
      });
    },

    openDebrief() {
      const s = get();
      if (previewPlan) {
        // The debrief replays the log from the start, which a preview override's log cannot do.
        notify('info', 'authoring.noDebriefInPreview');
        return;
      }
      if (s.session && s.snapshot?.done) {
        set({ screen: 'debrief' });
        syncCountdown();
      }
    },

    exportSession() {
      const s = get();
      if (!s.session || previewPlan) return null;
      const save = s.session.save();
      const day = new Date(now()).toISOString().slice(0, 10);
      return { filename: `mandate-${save.scenario.id}-${day}.json`, text: JSON.stringify(save, null, 2) };
    },

    exportCorrupt(id) {
      const c = get().corrupt.find((x) => x.id === id);
      if (!c) return null;
      let text: string;
      try {
        text = JSON.stringify(c.raw, null, 2) ?? 'null';
      } catch {
        text = String(c.raw);
      }
      return { filename: `mandate-unreadable-${id.replace(/[^\w-]/g, '_').slice(0, 40)}.json`, text };
    },

    importSession(text) {
      return serial(async () => {
        if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS) {
          notify('error', 'notice.importTooLarge');
          return false;
        }
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          notify('error', 'notice.importNotJson');
          return false;
        }
        const parsed = parseSave(data);
        if (!parsed.save) {
          notify(
            'error',
            'notice.importInvalid',
            undefined,
            parsed.problems.slice(0, 5).map((p) => `${p.field}: ${p.message}`.slice(0, 200)),
          );
          return false;
        }
        const save = parsed.save;
        if (save.log.length > MAX_IMPORT_EVENTS) {
          notify('error', 'notice.importTooLarge');
          return false;
        }
        if (!get().library.some((e) => e.id === save.scenario.id)) {
          notify('error', 'notice.importUnknownScenario', { id: save.scenario.id.slice(0, 80) });
          return false;
        }
        const bundle = await loadScenario(save.scenario.id);
        if (!bundle) return false;
        let replayed: ReturnType<typeof replaySession>;
        try {
          replayed = replaySession(bundle, save);
        } catch {
          notify('error', 'notice.importInvalid');
          return false;
        }
        const { session, problems } = replayed;
        if (problems.length && session.log().length === 0) {
          session.stop();
          notify(
            'error',
            'notice.importNoEvents',
            undefined,
            problems.slice(0, 3).map((p) => `#${p.seq}: ${p.reason}`.slice(0, 200)),
          );
          return false;
        }
        await closeSession();
        const sessionId = newId();
        await persistence.lock(sessionId);
        // An imported session keeps its meta (its id, its parent); a file in format 1 started at its first stamp.
        if (session.meta().startedAt === null) session.setMeta({ startedAt: save.log.find((e) => e.at !== null)?.at ?? null });
        openSession(session, bundle, sessionId, 'play', { playedCountdownMode: get().settings.countdown });
        await saveNow();
        notify('info', 'notice.imported', { title: bundle.scenario.title });
        if (save.scenario.hash !== bundle.hash) notify('warning', 'notice.hashChanged');
        if (problems.length) notify('warning', 'notice.replayPartial', { count: save.log.length - session.log().length });
        return true;
      });
    },

    async openScenarioFile(fileName, text) {
      const seq = ++fileCheckSeq;
      const name = (fileName.trim() || 'scenario.yaml').slice(-120);
      if (typeof text !== 'string' || text.length > MAX_SCENARIO_CHARS) {
        setFileCheck(seq, { fileName: name, status: 'refused', reason: 'files.tooLarge', diagnostics: [] });
        return false;
      }
      setFileCheck(seq, { fileName: name, status: 'checking', diagnostics: [] });
      let out: ReturnType<ScenarioCompiler['compile']>;
      try {
        out = (await compiler()).compile(name, text);
      } catch {
        setFileCheck(seq, { fileName: name, status: 'refused', reason: 'files.compilerFailed', diagnostics: [] });
        return false;
      }
      const diagnostics = out.diagnostics.slice(0, MAX_SHOWN_DIAGNOSTICS);
      if (!out.bundle || !out.entry) {
        setFileCheck(seq, { fileName: name, status: 'errors', diagnostics });
        return false;
      }
      const { bundle, entry } = out;
      const id = bundle.scenario.id;
      if (shippedIds.has(id)) {
        setFileCheck(seq, { fileName: name, status: 'refused', reason: 'files.shippedId', scenarioId: id, title: bundle.scenario.title, diagnostics });
        return false;
      }
      const record: ImportedScenarioRecord = {
        format: SCENARIO_RECORD_FORMAT,
        formatVersion: SCENARIO_RECORD_VERSION,
        id,
        fileName: name,
        text,
        importedAt: importedEntries.get(id)?.meta.importedAt ?? now(),
        entry,
      };
      try {
        await shelf.put(record);
      } catch {
        notify('warning', 'notice.writeFailed');
      }
      importedBundles.set(id, bundle);
      importedEntries.set(id, { meta: { id, fileName: name, importedAt: record.importedAt }, entry });
      publishImported();
      setFileCheck(seq, { fileName: name, status: 'added', scenarioId: id, title: bundle.scenario.title, diagnostics });
      return true;
    },

    async removeImported(id) {
      await serial(async () => {
        const known = importedEntries.get(id);
        if (!known) return;
        if (get().bundle?.scenario.id === id) {
          await closeSession();
          set({ screen: 'library', returnTo: 'library' });
        }
        importedEntries.delete(id);
        importedBundles.delete(id);
        await shelf.remove(id).catch(() => notify('warning', 'notice.writeFailed'));
        publishImported();
        if (get().fileCheck?.scenarioId === id) set({ fileCheck: null });
        await refreshSaved();
        notify('info', 'notice.importedRemoved', { title: known.entry.title.slice(0, 120) });
      });
    },

    async applyScenarioUpdate(update) {
      const file = update.file ?? update.id;
      if (!update.bundle) {
        set({ authoring: { ...get().authoring, problems: { id: update.id, file, diagnostics: (update.diagnostics ?? []).slice(0, MAX_SHOWN_DIAGNOSTICS) } } });
        return;
      }
      const bundle = update.bundle;
      const id = bundle.scenario.id;
      hotBundles.set(id, bundle);
      if (update.entry) {
        const entry = update.entry;
        shippedLibrary = shippedLibrary.some((e) => e.id === id) ? shippedLibrary.map((e) => (e.id === id ? entry : e)) : shippedLibrary;
        publishImported();
      }
      const problems = get().authoring.problems;
      const cleared = problems && (problems.id === id || problems.file === file) ? null : problems;
      await serial(async () => {
        const s = get();
        if (!s.session || !s.bundle || s.bundle.scenario.id !== id) {
          set({ authoring: { ...s.authoring, problems: cleared, lastUpdate: { id, file, at: now(), live: false, kept: 0, total: 0, reason: null } } });
          return;
        }
        const plan: PreviewPlan = previewPlan
          ? { ...previewPlan, layers: previewPlan.layers.map((l, i, all) => (i === all.length - 1 ? { ...l, tail: [...s.session!.log()] } : l)) }
          : { seed: s.session.seed, seat: s.session.seat, baseLog: [...s.session.log()], layers: [] };
        const result = rebuildSession(bundle, plan);
        s.session.stop();
        previewPlan = result.plan.layers.length ? result.plan : null;
        const snapshot = result.session.snapshot();
        set({
          session: result.session,
          bundle,
          snapshot,
          logLength: result.session.log().length,
          selectedOption: null,
          countdown: s.countdown && s.countdown.nodeId === snapshot.node ? s.countdown : null,
          screen: s.screen === 'debrief' && !snapshot.done ? 'play' : s.screen,
          authoring: {
            problems: cleared,
            override: mergedOverride(result.plan.layers),
            lastUpdate: { id, file, at: now(), live: true, kept: result.kept, total: result.total, reason: result.problem ? `#${result.problem.seq}: ${result.problem.reason}` : null },
          },
        });
        syncCountdown();
        await saveNow();
      });
    },

    jumpToNode(nodeId) {
      return serial(async () => {
        const s = get();
        if (!s.session || !s.bundle || !s.sessionId) return false;
        const path = pathToNode(s.bundle, nodeId, { seed: s.session.seed, seat: s.session.seat });
        if (!path) {
          notify('warning', 'authoring.unreachable', { node: nodeId.slice(0, 80) });
          return false;
        }
        const fresh = createSession(s.bundle, { seed: s.session.seed, seat: s.session.seat });
        for (const step of path) fresh.send(step.type, step.payload, now());
        // Save the session being left (unless it is a preview), then swap in the fresh one at once.
        await saveNow();
        s.session.stop();
        persistence.unlock(s.sessionId);
        previewPlan = null;
        const sessionId = newId();
        await persistence.lock(sessionId);
        openSession(fresh, s.bundle, sessionId, 'play', {
          playedCountdownMode: get().settings.countdown,
          authoring: { ...get().authoring, override: null },
        });
        await saveNow();
        notify('info', 'authoring.jumped', { node: nodeId.slice(0, 80), count: path.length });
        return true;
      });
    },

    setPreviewOverride(values) {
      return serial(async () => {
        const s = get();
        if (!s.session || !s.bundle || !s.snapshot || s.snapshot.done) return false;
        // Save the real position first; from here on nothing is saved until the override is cleared.
        await saveNow();
        const layers = previewPlan ? previewPlan.layers.map((l, i, all) => (i === all.length - 1 ? { ...l, tail: [...s.session!.log()] } : l)) : [];
        const plan: PreviewPlan = previewPlan
          ? { ...previewPlan, layers: [...layers, { values, tail: [] }] }
          : { seed: s.session.seed, seat: s.session.seat, baseLog: [...s.session.log()], layers: [{ values, tail: [] }] };
        const preview = previewSession(s.bundle, applyOverride(s.snapshot.context, values, s.bundle.scenario));
        s.session.stop();
        previewPlan = plan;
        set({
          session: preview,
          snapshot: preview.snapshot(),
          logLength: preview.log().length,
          selectedOption: null,
          authoring: { ...get().authoring, override: mergedOverride(plan.layers) },
        });
        syncCountdown();
        return true;
      });
    },

    async clearPreviewOverride() {
      await serial(async () => {
        const s = get();
        if (!previewPlan || !s.session || !s.bundle) return;
        const { session } = replaySession(s.bundle, { seed: previewPlan.seed, seat: previewPlan.seat, log: [...previewPlan.baseLog] as LogEntry[] });
        s.session.stop();
        previewPlan = null;
        const snapshot = session.snapshot();
        set({
          session,
          snapshot,
          logLength: session.log().length,
          selectedOption: null,
          screen: s.screen === 'debrief' && !snapshot.done ? 'play' : s.screen,
          authoring: { ...get().authoring, override: null },
        });
        syncCountdown();
      });
    },

    dismissFileCheck() {
      fileCheckSeq += 1;
      set({ fileCheck: null });
    },

    async discardSaved(id) {
      await serial(async () => {
        if (get().sessionId === id) await closeSession();
        await persistence.remove(id).catch(() => undefined);
        stash.remove(id);
        persistence.unlock(id);
        await refreshSaved();
      });
    },

    updateSettings(patch) {
      const current = get().settings;
      const next = normaliseSettings({ ...current, ...patch, sound: { ...current.sound, ...(patch.sound ?? {}) } }, current);
      set({ settings: next });
      settingsStorage.save(next);
      syncCountdown();
    },

    addCaption(cue) {
      set({ captions: [...get().captions, { id: ++captionSeq, cue, at: now() }].slice(-MAX_CAPTIONS) });
    },

    removeCaption(id) {
      set({ captions: get().captions.filter((c) => c.id !== id) });
    },

    notify,

    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },

    async flush() {
      const s = get();
      if (s.sessionId) stash.save(s.sessionId, s.countdown, now());
      const record = recordOf();
      if (record) await persistence.writeNow(record).catch(() => undefined);
    },

    dispose() {
      stopTicker();
    },
  };

  set({ actions });
  return store;
}
