/**
 * Sessions: a live actor over the scenario machine plus the append-only event log. A saved
 * session is (scenario id, version, content hash, seat, seed, log); everything else — resume,
 * replay, the debrief — is a function of it.
 */
import { createActor, type Actor } from 'xstate';
import type { ScenarioBundle } from './types';
import type { EngineContext } from './state';
import { createScenarioMachine, type ScenarioMachine } from './machine';
import { ENGINE_EVENT_TYPES, refusal, type EngineEvent, type EngineEventType } from './reduce';
import { indexScenario } from './scenario-index';

export const SAVE_FORMAT = 'mandate-session';
export const SAVE_FORMAT_VERSION = 1;

/** One log entry. `at` is the wall-clock stamp the store adds for the debrief; transitions ignore it. */
export interface LogEntry {
  seq: number;
  type: EngineEventType;
  payload: Record<string, unknown>;
  at: number | null;
}

export interface SessionSave {
  format: typeof SAVE_FORMAT;
  formatVersion: number;
  scenario: { id: string; version: number; hash: string };
  seat: string;
  seed: number;
  log: LogEntry[];
}

export interface EngineSnapshot {
  /** The current node id (the machine's state value). */
  node: string;
  done: boolean;
  context: EngineContext;
}

export type SendResult = { ok: true; entry: LogEntry } | { ok: false; reason: string };

export interface Session {
  readonly bundle: ScenarioBundle;
  readonly seed: number;
  readonly seat: string;
  snapshot(): EngineSnapshot;
  log(): readonly LogEntry[];
  /** Validates, applies and logs an event. A refused event changes nothing. */
  send(type: EngineEventType, payload: Record<string, unknown>, at?: number | null): SendResult;
  save(): SessionSave;
  stop(): void;
}

const machines = new WeakMap<ScenarioBundle, ScenarioMachine>();
function machineFor(bundle: ScenarioBundle): ScenarioMachine {
  let m = machines.get(bundle);
  if (!m) {
    m = createScenarioMachine(bundle.scenario);
    machines.set(bundle, m);
  }
  return m;
}

export function toEngineEvent(entry: { seq: number; type: string; payload: Record<string, unknown> }): EngineEvent | null {
  if (!(ENGINE_EVENT_TYPES as readonly string[]).includes(entry.type)) return null;
  const p = entry.payload;
  const str = (k: string): string | null => (typeof p[k] === 'string' ? (p[k] as string) : null);
  switch (entry.type as EngineEventType) {
    case 'decision.choose': {
      const node = str('node');
      const option = str('option');
      return node && option ? { type: 'decision.choose', seq: entry.seq, node, option } : null;
    }
    case 'decision.timeout': {
      const node = str('node');
      return node ? { type: 'decision.timeout', seq: entry.seq, node } : null;
    }
    case 'adviser.consult': {
      const node = str('node');
      const adviser = str('adviser');
      return node && adviser ? { type: 'adviser.consult', seq: entry.seq, node, adviser } : null;
    }
    case 'clock.advance':
      return typeof p.minutes === 'number' ? { type: 'clock.advance', seq: entry.seq, minutes: p.minutes } : null;
    case 'inject.arrive': {
      const inject = str('inject');
      return inject ? { type: 'inject.arrive', seq: entry.seq, inject } : null;
    }
    case 'note.add': {
      const text = str('text');
      return text !== null ? { type: 'note.add', seq: entry.seq, text } : null;
    }
  }
}

export function createSession(bundle: ScenarioBundle, opts: { seed: number; seat?: string }): Session {
  const seat = opts.seat ?? bundle.scenario.seats[0]?.id ?? 'hom';
  const seed = opts.seed >>> 0;
  const actor = createActor(machineFor(bundle), { input: { seed, seat } });
  return sessionOver(bundle, actor, seed, seat);
}

/**
 * The session over a started-or-not actor: validates, applies and logs events, and saves. Shared by
 * live sessions and the authoring preview (which starts its actor from an edited context); log
 * numbers continue from the actor's context.
 */
export function sessionOver(bundle: ScenarioBundle, actor: Actor<ScenarioMachine>, seed: number, seat: string): Session {
  const scenario = bundle.scenario;
  const index = indexScenario(scenario);
  actor.start();
  const entries: LogEntry[] = [];
  const snapshot = (): EngineSnapshot => {
    const s = actor.getSnapshot();
    return { node: s.context.node, done: s.status === 'done', context: s.context };
  };
  return {
    bundle,
    seed,
    seat,
    snapshot,
    log: () => entries,
    send(type, payload, at = null) {
      const seq = actor.getSnapshot().context.seq + 1;
      const event = toEngineEvent({ seq, type, payload });
      if (!event) return { ok: false, reason: `malformed ${type} event` };
      const why = refusal(index, actor.getSnapshot().context, event);
      if (why) return { ok: false, reason: why };
      actor.send(event);
      // The rules accepted the event, so the machine must have applied it; anything else is a bug of ours.
      if (actor.getSnapshot().context.seq !== seq) throw new Error(`Mandate engine: the machine did not apply ${type} #${seq} at "${actor.getSnapshot().context.node}"`);
      const entry: LogEntry = { seq, type, payload: { ...payload }, at };
      entries.push(entry);
      return { ok: true, entry };
    },
    save: () => ({
      format: SAVE_FORMAT,
      formatVersion: SAVE_FORMAT_VERSION,
      scenario: { id: scenario.id, version: scenario.version, hash: bundle.hash },
      seat,
      seed,
      log: entries.map((e) => ({ ...e, payload: { ...e.payload } })),
    }),
    stop: () => actor.stop(),
  };
}

export interface ReplayResult {
  session: Session;
  /** Log entries that could not be applied (a hostile or damaged log), with the reason. */
  problems: { seq: number; reason: string }[];
}

/** Rebuilds a session from a saved log; entries that do not apply are reported, not thrown. */
export function replaySession(bundle: ScenarioBundle, save: Pick<SessionSave, 'seed' | 'seat' | 'log'>): ReplayResult {
  const session = createSession(bundle, { seed: save.seed, seat: save.seat });
  const problems: { seq: number; reason: string }[] = [];
  for (const entry of save.log) {
    const r = session.send(entry.type, entry.payload ?? {}, entry.at ?? null);
    if (!r.ok) {
      problems.push({ seq: entry.seq, reason: r.reason });
      break;
    }
  }
  return { session, problems };
}

/** `replay(scenario, log)`: the snapshot a log leads to. */
export function replay(bundle: ScenarioBundle, save: Pick<SessionSave, 'seed' | 'seat' | 'log'>): EngineSnapshot {
  const { session } = replaySession(bundle, save);
  const snap = session.snapshot();
  session.stop();
  return snap;
}

export type SaveProblem = { field: string; message: string };

/**
 * Checks an untrusted saved session (from storage or an imported file) field by field.
 * Returns the save when it is usable, or the problems found.
 */
export function parseSave(data: unknown): { save?: SessionSave; problems: SaveProblem[] } {
  const problems: SaveProblem[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ field: '(root)', message: 'not a saved Mandate session (expected a JSON object)' }] };
  }
  const d = data as Record<string, unknown>;
  if (d.format !== SAVE_FORMAT) problems.push({ field: 'format', message: `expected "${SAVE_FORMAT}"` });
  if (typeof d.formatVersion !== 'number') problems.push({ field: 'formatVersion', message: 'missing' });
  else if (d.formatVersion > SAVE_FORMAT_VERSION)
    problems.push({ field: 'formatVersion', message: `version ${d.formatVersion} is newer than this game reads (${SAVE_FORMAT_VERSION})` });
  const sc = d.scenario as Record<string, unknown> | undefined;
  if (!sc || typeof sc.id !== 'string' || typeof sc.version !== 'number' || typeof sc.hash !== 'string')
    problems.push({ field: 'scenario', message: 'expected { id, version, hash }' });
  if (typeof d.seat !== 'string') problems.push({ field: 'seat', message: 'expected a seat id' });
  if (typeof d.seed !== 'number' || !Number.isInteger(d.seed)) problems.push({ field: 'seed', message: 'expected an integer' });
  if (!Array.isArray(d.log)) problems.push({ field: 'log', message: 'expected an array' });
  else {
    d.log.forEach((e: unknown, i: number) => {
      const entry = e as Record<string, unknown> | null;
      if (
        !entry ||
        typeof entry !== 'object' ||
        entry.seq !== i + 1 ||
        typeof entry.type !== 'string' ||
        !(ENGINE_EVENT_TYPES as readonly string[]).includes(entry.type) ||
        typeof entry.payload !== 'object' ||
        entry.payload === null ||
        !(entry.at === null || typeof entry.at === 'number')
      ) {
        problems.push({ field: `log[${i}]`, message: 'expected { seq, type, payload, at } in sequence' });
      }
    });
  }
  if (problems.length) return { problems };
  return { save: data as SessionSave, problems };
}
