/**
 * The SCORM runtime adapter: when Mandate runs inside an LMS (a SCORM 1.2 or 2004 package), it finds
 * the LMS's API object up the frame chain and reports to it — completion and success status, the
 * composite score (./composite-score.ts), a bookmark (the current decision), and suspend data that
 * resumes the exact session (./suspend-data.ts). This module is loaded lazily, only when an API is
 * found (src/lms/detect.ts), so it costs nothing outside an LMS.
 *
 * Nothing facilitator-only ever reaches the LMS: the save is passed through stripFacilitatorOnly.
 */
import { debriefModel, stripFacilitatorOnly, type SessionSave } from '../engine';
import type { MandateStore, MandateStoreState } from '../store';
import { compositeScore, DEFAULT_MASTERY_SCORE } from './composite-score';
import type { ScormApi } from './find-scorm-api';
import { packSuspendData, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT, unpackSuspendData } from './suspend-data';

export { findScormApi, type Scorm12Api, type Scorm2004Api, type ScormApi } from './find-scorm-api';

/** SCORM's element names, per version. */
const ELEMENTS = {
  '1.2': {
    entry: 'cmi.core.entry',
    location: 'cmi.core.lesson_location',
    suspend: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    scoreRaw: 'cmi.core.score.raw',
    scoreMin: 'cmi.core.score.min',
    scoreMax: 'cmi.core.score.max',
    mastery: 'cmi.student_data.mastery_score',
  },
  '2004': {
    entry: 'cmi.entry',
    location: 'cmi.location',
    suspend: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    scoreRaw: 'cmi.score.raw',
    scoreMin: 'cmi.score.min',
    scoreMax: 'cmi.score.max',
    mastery: 'cmi.scaled_passing_score',
  },
} as const;

const LOCATION_LIMIT = { '1.2': 255, '2004': 1000 } as const;

/** A uniform view over both versions' calls. */
export interface ScormConnection {
  readonly version: '1.2' | '2004';
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
}

export function scormConnection(found: ScormApi): ScormConnection {
  if (found.version === '1.2') {
    const api = found.api;
    return {
      version: '1.2',
      initialize: () => String(api.LMSInitialize('')) === 'true',
      get: (e) => String(api.LMSGetValue(e) ?? ''),
      set: (e, v) => String(api.LMSSetValue(e, v)) === 'true',
      commit: () => String(api.LMSCommit('')) === 'true',
      finish: () => String(api.LMSFinish('')) === 'true',
    };
  }
  const api = found.api;
  return {
    version: '2004',
    initialize: () => String(api.Initialize('')) === 'true',
    get: (e) => String(api.GetValue(e) ?? ''),
    set: (e, v) => String(api.SetValue(e, v)) === 'true',
    commit: () => String(api.Commit('')) === 'true',
    finish: () => String(api.Terminate('')) === 'true',
  };
}

/** SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) and SCORM 2004 ISO 8601 duration (PT#H#M#S) of `ms`. */
export function scormDuration(version: '1.2' | '2004', ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  if (version === '2004') return `PT${h}H${m}M${s.toFixed(2).replace(/\.00$/, '')}S`;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/**
 * The suspend data for a save, within the version's limit. If a session's rationale notes are so long
 * that it does not fit (SCORM 1.2 only, far beyond any shipped playthrough with long notes), the
 * notes are shortened in the LMS copy, oldest first kept longest, until it fits; `shortened` says so
 * (the full session stays in this browser and in an exported file).
 */
export function suspendDataFor(version: '1.2' | '2004', save: SessionSave): { data: string; shortened: boolean } | null {
  const limit = version === '1.2' ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_LIMIT;
  const clean = stripFacilitatorOnly(save);
  const data = packSuspendData(clean);
  if (data.length <= limit) return { data, shortened: false };
  for (const max of [400, 200, 100, 40, 0]) {
    const short: SessionSave = {
      ...clean,
      log: clean.log.map((e) => (e.type === 'note.add' && typeof e.payload.text === 'string' && e.payload.text.length > max ? { ...e, payload: { text: max ? `${e.payload.text.slice(0, max - 1)}…` : '…' } } : e)),
    };
    const d = packSuspendData(short);
    if (d.length <= limit) return { data: d, shortened: true };
  }
  return null;
}

export interface ScormBridgeOptions {
  /** The scenario a single-scenario package starts (the launch URL's ?scenario=). */
  scenarioId?: string | null;
  now?: () => number;
}

export interface ScormBridge {
  /** Writes the state, sets exit, session time, commits and ends the LMS session (once). */
  finish(): void;
}

/**
 * Connects the store to the LMS: resumes the suspended session (or starts the package's scenario),
 * then reports after every event. Returns null when the LMS refuses to initialise.
 */
export async function connectScorm(store: MandateStore, found: ScormApi, opts: ScormBridgeOptions = {}): Promise<ScormBridge | null> {
  const now = opts.now ?? (() => Date.now());
  const lms = scormConnection(found);
  const el = ELEMENTS[lms.version];
  if (!lms.initialize()) {
    store.getState().actions.notify('warning', 'lms.initFailed');
    return null;
  }
  const startedAt = now();
  if (typeof document !== 'undefined') document.documentElement.dataset.lms = `scorm-${lms.version}`;
  const masteryText = lms.get(el.mastery);
  const masteryNumber = Number(masteryText);
  const mastery =
    masteryText !== '' && Number.isFinite(masteryNumber) ? (lms.version === '2004' ? masteryNumber * 100 : masteryNumber) : DEFAULT_MASTERY_SCORE;

  // Resume: the LMS's suspend data is the authority inside a package.
  const suspended = lms.get(el.suspend);
  let resumed = false;
  if (suspended) {
    const { save, problem } = unpackSuspendData(suspended);
    if (save) {
      const before = new Set(store.getState().notices.map((n) => n.id));
      resumed = await store.getState().actions.importSession(JSON.stringify(save));
      // The store announces an import; inside an LMS this is a resume, which needs no message.
      for (const n of store.getState().notices) if (!before.has(n.id) && n.key === 'notice.imported') store.getState().actions.dismissNotice(n.id);
    } else {
      store.getState().actions.notify('warning', 'lms.resumeFailed', undefined, problem ? [problem] : undefined);
    }
  }
  if (!resumed && opts.scenarioId && store.getState().library.some((e) => e.id === opts.scenarioId)) {
    await store.getState().actions.startScenario(opts.scenarioId);
  }
  if (lms.version === '1.2') {
    if (!resumed) lms.set('cmi.core.lesson_status', 'incomplete');
  } else if (lms.get('cmi.completion_status') !== 'completed') lms.set('cmi.completion_status', 'incomplete');
  lms.commit();

  let lastLog = -1;
  let lastSession: unknown = null;
  let reported = false;
  let warnedShort = false;
  let finished = false;

  const report = (state: MandateStoreState): void => {
    if (finished || !state.session || state.authoring.override) return;
    if (state.logLength === lastLog && state.session === lastSession) return;
    lastLog = state.logLength;
    if (state.session !== lastSession) reported = false;
    lastSession = state.session;
    const save = state.session.save();
    const packed = suspendDataFor(lms.version, save);
    if (packed) {
      lms.set(el.suspend, packed.data);
      if (packed.shortened && !warnedShort) {
        warnedShort = true;
        state.actions.notify('warning', 'lms.notesShortened');
      }
    }
    const node = state.snapshot?.node ?? '';
    lms.set(el.location, node.slice(0, LOCATION_LIMIT[lms.version]));
    if (state.snapshot?.done && state.bundle && !reported) {
      reported = true;
      const score = compositeScore(debriefModel(state.bundle, save), mastery);
      lms.set(el.scoreMin, '0');
      lms.set(el.scoreMax, '100');
      lms.set(el.scoreRaw, String(score.raw));
      if (lms.version === '1.2') {
        lms.set('cmi.core.lesson_status', score.passed ? 'passed' : 'failed');
      } else {
        lms.set('cmi.score.scaled', String(score.scaled));
        lms.set('cmi.completion_status', 'completed');
        lms.set('cmi.success_status', score.passed ? 'passed' : 'failed');
      }
    }
    lms.commit();
  };

  const unsubscribe = store.subscribe((state) => report(state));
  report(store.getState());

  const bridge: ScormBridge = {
    finish() {
      if (finished) return;
      report(store.getState());
      finished = true;
      unsubscribe();
      const done = Boolean(store.getState().snapshot?.done);
      lms.set(el.exit, done ? (lms.version === '1.2' ? '' : 'normal') : 'suspend');
      lms.set(el.sessionTime, scormDuration(lms.version, now() - startedAt));
      lms.commit();
      lms.finish();
    },
  };
  // The LMS session ends with the page (closing, reloading or leaving the package's frame).
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => bridge.finish(), { once: true });
  return bridge;
}
