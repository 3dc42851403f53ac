/**
 * Sessions: a live actor over the scenario machine plus the append-only event log. A saved
 * session is (scenario id, version, content hash, seat, seed, log, meta); everything else — resume,
 * replay, the debrief — is a function of it. `meta` (id, label, start stamp, parent of a fork, mode)
 * describes the session for people and lists; the engine never reads it.
 */
import { createActor, type Actor } from 'xstate';
import type { ScenarioBundle } from './types';
import type { EngineContext } from './state';
import { createScenarioMachine, type ScenarioMachine } from './machine';
import { ENGINE_EVENT_TYPES, refusal, type EngineEvent, type EngineEventType } from './reduce';
import { indexScenario } from './scenario-index';
import { hash32 } from './rng';
import { LATEST_SAVE_VERSION, migrateSave } from './save-migrations';

export const SAVE_FORMAT = 'mandate-session';
/** The format version `save()` writes; older versions are migrated by `parseSave` (save-migrations.ts). */
export const SAVE_FORMAT_VERSION = LATEST_SAVE_VERSION;

/** One log entry. `at` is the wall-clock stamp the store adds for the debrief; transitions ignore it. */
export interface LogEntry {
  seq: number;
  type: EngineEventType;
  payload: Record<string, unknown>;
  at: number | null;
}

export type SessionMode = 'solo' | 'facilitated';

/** Who and what a session is, for lists and reviews. The engine ignores it when replaying. */
export interface SessionMeta {
  /** The session's id, stable across export and import. */
  id: string;
  /** A label the facilitator or trainee chooses; never required to be a person's name. */
  label: string | null;
  /** Wall-clock ms when the session began (a UI stamp). */
  startedAt: number | null;
  /** For a fork ("the road not taken"): the parent session and the last seq replayed from it. */
  parent: { id: string; seq: number } | null;
  mode: SessionMode;
}

export interface SessionSave {
  format: typeof SAVE_FORMAT;
  formatVersion: number;
  scenario: { id: string; version: number; hash: string };
  seat: string;
  seed: number;
  log: LogEntry[];
  meta: SessionMeta;
}

export const MAX_META_ID = 200;
export const MAX_META_LABEL = 200;

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
  /** A copy of the session's meta. */
  meta(): SessionMeta;
  /** Changes the meta (a label chosen later, the store's id); the log and state are untouched. */
  setMeta(patch: Partial<SessionMeta>): void;
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
    case 'inject.fire': {
      const inject = str('inject');
      return inject ? { type: 'inject.fire', seq: entry.seq, inject } : null;
    }
    case 'note.add': {
      const text = str('text');
      return text !== null ? { type: 'note.add', seq: entry.seq, text } : null;
    }
    case 'room.vote': {
      const node = str('node');
      const tally = recordOf(p.tally, (v): v is number => typeof v === 'number');
      const byRole = p.byRole === undefined || p.byRole === null ? null : recordOf(p.byRole, (v): v is string => typeof v === 'string');
      if (!node || !tally || (p.byRole !== undefined && p.byRole !== null && !byRole)) return null;
      return { type: 'room.vote', seq: entry.seq, node, tally, byRole };
    }
    case 'facilitator.note': {
      if (p.withheld === true) return { type: 'facilitator.note', seq: entry.seq, text: null, node: null };
      const text = str('text');
      const node = p.node === undefined || p.node === null ? null : str('node');
      if (text === null || (p.node !== undefined && p.node !== null && node === null)) return null;
      return { type: 'facilitator.note', seq: entry.seq, text, node };
    }
  }
}

/** A plain-object copy of `value` when every value passes `ok` (own keys only, at most 256). */
function recordOf<T>(value: unknown, ok: (v: unknown) => v is T): Record<string, T> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.length > 256 || !entries.every(([, v]) => ok(v))) return null;
  const out: Record<string, T> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The meta a new session gets when its caller gives none: an id derived from (scenario, seat, seed), solo. */
export function defaultMeta(scenarioId: string, seat: string, seed: number, patch: Partial<SessionMeta> = {}): SessionMeta {
  return {
    id: patch.id ?? `s-${hash32(`${scenarioId}\u0000${seat}\u0000${seed}`).toString(16).padStart(8, '0')}`,
    label: patch.label ?? null,
    startedAt: patch.startedAt ?? null,
    parent: patch.parent ? { ...patch.parent } : null,
    mode: patch.mode ?? 'solo',
  };
}

const copyMeta = (m: SessionMeta): SessionMeta => ({ ...m, parent: m.parent ? { ...m.parent } : null });

/**
 * A new session. `meta` fills the saved session's meta; the store passes its own session id and the
 * start stamp (the engine reads no clock), anything not given gets `defaultMeta`.
 */
export function createSession(bundle: ScenarioBundle, opts: { seed: number; seat?: string; meta?: Partial<SessionMeta> }): Session {
  const seat = opts.seat ?? bundle.scenario.seats[0]?.id ?? 'hom';
  const seed = opts.seed >>> 0;
  const actor = createActor(machineFor(bundle), { input: { seed, seat } });
  return sessionOver(bundle, actor, seed, seat, opts.meta);
}

/**
 * The session over a started-or-not actor: validates, applies and logs events, and saves. Shared by
 * live sessions and the authoring preview (which starts its actor from an edited context); log
 * numbers continue from the actor's context.
 */
export function sessionOver(
  bundle: ScenarioBundle,
  actor: Actor<ScenarioMachine>,
  seed: number,
  seat: string,
  metaPatch: Partial<SessionMeta> = {},
): Session {
  const scenario = bundle.scenario;
  const index = indexScenario(scenario);
  actor.start();
  const entries: LogEntry[] = [];
  let meta = defaultMeta(scenario.id, seat, seed, metaPatch);
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
    meta: () => copyMeta(meta),
    setMeta(patch) {
      meta = copyMeta({ ...meta, ...patch });
    },
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
      meta: copyMeta(meta),
    }),
    stop: () => actor.stop(),
  };
}

export interface ReplayResult {
  session: Session;
  /** Log entries that could not be applied (a hostile or damaged log), with the reason. */
  problems: { seq: number; reason: string }[];
}

/**
 * Rebuilds a session from a saved log; entries that do not apply are reported, not thrown. The
 * rebuilt session keeps the save's meta (when it has one), so a re-saved session keeps its id.
 */
export function replaySession(
  bundle: ScenarioBundle,
  save: Pick<SessionSave, 'seed' | 'seat' | 'log'> & { meta?: SessionMeta | undefined },
): ReplayResult {
  const session = createSession(bundle, { seed: save.seed, seat: save.seat, ...(save.meta ? { meta: save.meta } : {}) });
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

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function metaProblems(m: unknown): SaveProblem[] {
  if (!isPlainObject(m)) return [{ field: 'meta', message: 'expected { id, label, startedAt, parent, mode }' }];
  const problems: SaveProblem[] = [];
  if (typeof m.id !== 'string' || m.id.length === 0 || m.id.length > MAX_META_ID)
    problems.push({ field: 'meta.id', message: `expected a session id of 1 to ${MAX_META_ID} characters` });
  if (!(m.label === null || (typeof m.label === 'string' && m.label.length <= MAX_META_LABEL)))
    problems.push({ field: 'meta.label', message: `expected null or text of at most ${MAX_META_LABEL} characters` });
  if (!(m.startedAt === null || (typeof m.startedAt === 'number' && Number.isFinite(m.startedAt))))
    problems.push({ field: 'meta.startedAt', message: 'expected null or a time in milliseconds' });
  const parent = m.parent;
  if (parent !== null) {
    if (!isPlainObject(parent)) problems.push({ field: 'meta.parent', message: 'expected null or { id, seq }' });
    else {
      if (typeof parent.id !== 'string' || parent.id.length === 0 || parent.id.length > MAX_META_ID)
        problems.push({ field: 'meta.parent.id', message: `expected a session id of 1 to ${MAX_META_ID} characters` });
      if (typeof parent.seq !== 'number' || !Number.isInteger(parent.seq) || parent.seq < 0)
        problems.push({ field: 'meta.parent.seq', message: 'expected a whole number, 0 or more' });
    }
  }
  if (m.mode !== 'solo' && m.mode !== 'facilitated') problems.push({ field: 'meta.mode', message: 'expected "solo" or "facilitated"' });
  return problems;
}

/**
 * Checks an untrusted saved session (from storage or an imported file) field by field. Older format
 * versions are migrated first (save-migrations.ts); newer ones are refused. Returns the save, in the
 * current format, when it is usable, or the problems found. Never throws.
 */
export function parseSave(data: unknown): { save?: SessionSave; problems: SaveProblem[] } {
  if (!isPlainObject(data)) {
    return { problems: [{ field: '(root)', message: 'not a saved Mandate session (expected a JSON object)' }] };
  }
  if (data.format !== SAVE_FORMAT) return { problems: [{ field: 'format', message: `not a saved Mandate session (expected format "${SAVE_FORMAT}")` }] };
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { problems: [{ field: 'formatVersion', message: 'missing or not a whole number from 1' }] };
  if (version > SAVE_FORMAT_VERSION)
    return {
      problems: [
        {
          field: 'formatVersion',
          message: `this session was saved by a newer version of Mandate (format ${version}); this version reads formats 1 to ${SAVE_FORMAT_VERSION}`,
        },
      ],
    };
  const d = migrateSave(data);
  const problems: SaveProblem[] = [];
  const sc = d.scenario;
  if (!isPlainObject(sc) || typeof sc.id !== 'string' || typeof sc.version !== 'number' || typeof sc.hash !== 'string')
    problems.push({ field: 'scenario', message: 'expected { id, version, hash }' });
  if (typeof d.seat !== 'string') problems.push({ field: 'seat', message: 'expected a seat id' });
  if (typeof d.seed !== 'number' || !Number.isInteger(d.seed)) problems.push({ field: 'seed', message: 'expected an integer' });
  if (!Array.isArray(d.log)) problems.push({ field: 'log', message: 'expected an array' });
  else {
    for (let i = 0; i < d.log.length; i++) {
      const entry: unknown = d.log[i];
      if (
        !isPlainObject(entry) ||
        entry.seq !== i + 1 ||
        typeof entry.type !== 'string' ||
        !(ENGINE_EVENT_TYPES as readonly string[]).includes(entry.type) ||
        !isPlainObject(entry.payload) ||
        !(entry.at === null || (typeof entry.at === 'number' && Number.isFinite(entry.at)))
      ) {
        problems.push({ field: `log[${i}]`, message: 'expected { seq, type, payload, at } in sequence' });
        if (problems.length >= 50) break; // enough to say what is wrong with a damaged file
      }
    }
  }
  problems.push(...metaProblems(d.meta));
  if (problems.length) return { problems };
  return { save: d as unknown as SessionSave, problems };
}

/**
 * A fork of `save` ("the road not taken"): the log up to and including `uptoSeq`, a new id, and
 * `meta.parent` naming the save and the last seq replayed. To choose again at the decision logged at
 * seq N, fork at N − 1. `uptoSeq` is clamped to the log (0 keeps nothing). The fork has no label and
 * no start stamp (the caller stamps it) and keeps the parent's mode. Pure; the input is not changed.
 */
export function forkSave(save: SessionSave, uptoSeq: number, newId: string): SessionSave {
  const upto = Math.max(0, Math.min(save.log.length, Number.isFinite(uptoSeq) ? Math.floor(uptoSeq) : 0));
  return {
    ...save,
    scenario: { ...save.scenario },
    log: save.log.filter((e) => e.seq <= upto).map((e) => ({ ...e, payload: { ...e.payload } })),
    meta: { id: newId, label: null, startedAt: null, parent: { id: save.meta.id, seq: upto }, mode: save.meta.mode },
  };
}

/** The payload a withheld facilitator note keeps: no text, no node. */
export const WITHHELD_NOTE: Readonly<Record<string, unknown>> = Object.freeze({ withheld: true });

/**
 * Removes facilitator-only material before a log or save leaves the facilitator's console (the
 * presenter window, xAPI statements, a trainee's copy). Each `facilitator.note` entry is KEPT with its
 * seq, type and stamp, but its payload becomes `{ withheld: true }`: the log stays contiguous (a replica
 * detecting gaps by seq sees none), it still replays to the same state (the engine accepts a withheld
 * note as an annotation), and no note text or node survives. Pure; the input is not changed.
 */
export function stripFacilitatorOnly(save: SessionSave): SessionSave;
export function stripFacilitatorOnly(log: readonly LogEntry[]): LogEntry[];
export function stripFacilitatorOnly(input: SessionSave | readonly LogEntry[]): SessionSave | LogEntry[] {
  const strip = (log: readonly LogEntry[]): LogEntry[] =>
    log.map((e) => (e.type === 'facilitator.note' ? { ...e, payload: { ...WITHHELD_NOTE } } : { ...e, payload: { ...e.payload } }));
  if (Array.isArray(input)) return strip(input as readonly LogEntry[]);
  const save = input as SessionSave;
  return { ...save, log: strip(save.log) };
}
