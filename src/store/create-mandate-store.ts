/**
 * The Mandate store: a vanilla zustand store, the only bridge between the engine and the views.
 * It holds the engine session and its snapshot, calls the engine in its actions, stamps log entries
 * with the wall clock, draws the seed, runs the real-time countdown and saves after every event.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createSession,
  parseSave,
  replaySession,
  type EngineEventType,
  type EngineSnapshot,
  type LibraryEntry,
  type ScenarioBundle,
  type Session,
} from '../engine';
import { countdownFor, mostGenerous, rescale, WARNING_SHARE } from './countdown';
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
import type { CorruptSave, CueName, MandateState, Notice, NoticeLevel, SavedSummary, Screen, Settings } from './types';

/** An imported file larger than this is refused before parsing. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** An imported log longer than this is refused (a real session has a few dozen events). */
export const MAX_IMPORT_EVENTS = 5_000;
/** How often the countdown ticks, and how often its remaining time is saved. */
export const TICK_MS = 250;
export const COUNTDOWN_SAVE_MS = 1_000;
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
}

export interface ExportFile {
  filename: string;
  text: string;
}

export interface MandateActions {
  /** Reads saved sessions and settings; warns when saving is not possible. */
  init(): Promise<void>;
  go(screen: 'library' | 'settings' | 'about'): void;
  /** Leaves Settings/About for the screen they were opened from. */
  back(): void;
  startScenario(id: string, seat?: string): Promise<boolean>;
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
    if (!s.session || !s.sessionId || !s.bundle) return null;
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
    if (!cd || s.screen !== 'play') {
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
    if (s.screen === 'play' && cd && cd.remainingMs > 0) startTicker();
    else stopTicker();
    if (s.screen === 'play' && cd && cd.remainingMs <= 0 && !timingOut) void actions.timeout();
  }

  // ---- sessions -------------------------------------------------------------------------------

  async function closeSession(): Promise<void> {
    const s = get();
    stopTicker();
    if (!s.session) return;
    await saveNow();
    if (s.sessionId) persistence.unlock(s.sessionId);
    s.session.stop();
    set({ session: null, sessionId: null, snapshot: null, bundle: null, logLength: 0, countdown: null, selectedOption: null });
  }

  async function loadScenario(id: string): Promise<ScenarioBundle | null> {
    if (!get().library.some((e) => e.id === id)) {
      notify('error', 'notice.unknownScenario', { id: id.slice(0, 80) });
      return null;
    }
    set({ loading: id });
    try {
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
    async init() {
      if (persistence.kind === 'memory') notify('warning', 'notice.memoryOnly');
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

    startScenario(id, seat) {
      return serial(async () => {
        const bundle = await loadScenario(id);
        if (!bundle) return false;
        await closeSession();
        const seatId = seat && bundle.scenario.seats.some((s) => s.id === seat) ? seat : bundle.scenario.seats[0]?.id;
        const session = createSession(bundle, { seed: randomSeed(), ...(seatId ? { seat: seatId } : {}) });
        const sessionId = newId();
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
      if (s.session && s.snapshot?.done) {
        set({ screen: 'debrief' });
        syncCountdown();
      }
    },

    exportSession() {
      const s = get();
      if (!s.session) return null;
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
        openSession(session, bundle, sessionId, 'play', { playedCountdownMode: get().settings.countdown });
        await saveNow();
        notify('info', 'notice.imported', { title: bundle.scenario.title });
        if (save.scenario.hash !== bundle.hash) notify('warning', 'notice.hashChanged');
        if (problems.length) notify('warning', 'notice.replayPartial', { count: save.log.length - session.log().length });
        return true;
      });
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
