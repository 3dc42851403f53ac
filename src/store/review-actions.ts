/**
 * The after-action review's store actions: the road not taken (fork a session at a past decision),
 * a saved run to compare against, the sessions on this device (listing, export), and scenario
 * bundles for the cohort view. The store wires them in with the few internals they need; they own
 * no state. A fork names its parent in its save's meta (the engine's forkSave).
 */
import { forkSave, replaySession, type ScenarioBundle, type SessionSave, type Session } from '../engine';
import type { Persistence, SavedRecord, StoredEntry } from './persistence';
import type { MandateState, NoticeLevel, Screen } from './types';

/** One saved session as the sessions screen lists it. */
export interface SessionRow {
  /** The record's id on this device. */
  id: string;
  /** The session's own id (its save's meta.id, kept across export and import); forks name their parent by it. */
  sessionId: string;
  scenarioId: string;
  scenarioVersion: number;
  title: string;
  seat: string;
  startedAt: number | null;
  savedAt: number;
  done: boolean;
  /** The ending id, when finished and known. */
  ending: string | null;
  decisions: number;
  events: number;
  parent: { id: string; seq: number } | null;
  /** A label chosen for the session (format v2 saves), if any. */
  label: string | null;
  /** Solo or facilitated: a facilitated session reopens as the facilitator's console. */
  mode: 'solo' | 'facilitated';
}

export interface ReviewExport {
  filename: string;
  text: string;
}

export interface ReviewActions {
  /**
   * The road not taken: a new session replaying the current one's log up to and including event
   * `seq`, then played on from there (the trainee chooses differently). Saved like any session, naming
   * its parent. Returns false when there is no session or nothing to fork.
   */
  forkAt(seq: number): Promise<boolean>;
  /** Every readable saved session, newest first, for the sessions screen and run comparison. */
  listSessions(): Promise<SessionRow[]>;
  /** A saved session's save (to compare runs), or null. */
  savedRun(id: string): Promise<SessionSave | null>;
  /** A saved session as a file, exactly as the debrief's export writes it. */
  exportSaved(id: string): Promise<ReviewExport | null>;
  /** A scenario's bundle (for titles, the cohort view and comparisons), or null with a notice. */
  reviewBundle(id: string): Promise<ScenarioBundle | null>;
}

export interface ReviewDeps {
  get: () => MandateState;
  persistence: Persistence;
  loadScenario: (id: string) => Promise<ScenarioBundle | null>;
  closeSession: () => Promise<void>;
  openSession: (session: Session, bundle: ScenarioBundle, sessionId: string, screen: Screen, extra?: Partial<MandateState>) => void;
  saveNow: () => Promise<void>;
  serial: <T>(job: () => Promise<T>) => Promise<T>;
  notify: (level: NoticeLevel, key: string, params?: Record<string, string | number>) => void;
  newId: () => string;
  now: () => number;
}

const DECISIONS = new Set(['decision.choose', 'decision.timeout']);

function rowOf(r: SavedRecord): SessionRow {
  const meta = r.save.meta;
  return {
    id: r.id,
    sessionId: meta.id,
    scenarioId: r.save.scenario.id,
    scenarioVersion: r.save.scenario.version,
    title: r.title,
    seat: r.save.seat,
    startedAt: r.startedAt,
    savedAt: r.savedAt,
    done: r.done,
    ending: r.ending,
    decisions: r.save.log.filter((e) => DECISIONS.has(e.type)).length,
    events: r.save.log.length,
    parent: r.parent,
    label: meta.label,
    mode: meta.mode,
  };
}

export function exportFileOf(save: SessionSave, now: number): ReviewExport {
  const day = new Date(now).toISOString().slice(0, 10);
  return { filename: `mandate-${save.scenario.id}-${day}.json`, text: JSON.stringify(save, null, 2) };
}

export function reviewActions(deps: ReviewDeps): ReviewActions {
  const { get, persistence } = deps;

  async function records(): Promise<SavedRecord[]> {
    let entries: StoredEntry[];
    try {
      entries = await persistence.list();
    } catch {
      deps.notify('warning', 'notice.readFailed');
      return [];
    }
    return entries.flatMap((e) => ('record' in e ? [e.record] : []));
  }

  return {
    forkAt(seq) {
      return deps.serial(async () => {
        const s = get();
        if (!s.session || !s.bundle || !s.sessionId) return false;
        const bundle = s.bundle;
        const id = deps.newId();
        // The fork's meta names its parent (the parent's own session id and the last event replayed).
        const forked = forkSave(s.session.save(), seq, id);
        const { session, problems } = replaySession(bundle, forked);
        session.setMeta({ startedAt: deps.now() });
        if (problems.length) {
          session.stop();
          deps.notify('error', 'review.forkFailed');
          return false;
        }
        await deps.closeSession();
        await persistence.lock(id);
        deps.openSession(session, bundle, id, 'play', { playedCountdownMode: get().settings.countdown });
        await deps.saveNow();
        deps.notify('info', 'review.forked', { n: forked.log.filter((e) => DECISIONS.has(e.type)).length });
        return true;
      });
    },

    async listSessions() {
      return (await records()).map(rowOf).sort((a, b) => b.savedAt - a.savedAt);
    },

    async savedRun(id) {
      return (await records()).find((r) => r.id === id)?.save ?? null;
    },

    async exportSaved(id) {
      const r = (await records()).find((x) => x.id === id);
      return r ? exportFileOf(r.save, deps.now()) : null;
    },

    reviewBundle(id) {
      return deps.loadScenario(id);
    },
  };
}
