/**
 * A course's sessions of one scenario, aggregated for the facilitator: per decision how often each
 * option was chosen and how long people took (in-game and real time), the endings, the average
 * tension positions and the benchmarks met. Pure: a function of (scenario, session files).
 *
 * Untrusted files never throw: each one is read, checked and replayed, and anything unusable is
 * listed with a reason. Sessions of another scenario or another scenario version are listed apart
 * (replaying a log on a different version would not be exact). Nothing personal is kept: sessions
 * are known by labels (S01, S02… unless the facilitator chooses others), never by file name.
 */
import type { ScenarioBundle } from './types';
import { parseSave, type SessionSave } from './session';
import { reviewSteps } from './review-steps';
import { debriefModel } from './debrief';
import { ANNOTATION_EVENT_TYPES } from './reduce';

/** A file larger than this is refused unread. */
export const COHORT_MAX_FILE_CHARS = 2_000_000;
/** A log longer than this is refused (a real session has a few dozen events). */
export const COHORT_MAX_EVENTS = 5_000;

export interface CohortFile {
  /** The file's name, for the facilitator's eyes only (never exported). */
  name: string;
  text: string;
}

export type CohortRead =
  | { ok: true; name: string; save: SessionSave }
  | { ok: false; name: string; reason: string };

/** Reads one untrusted session file: JSON, the session format, sane sizes. */
export function readCohortFile(file: CohortFile): CohortRead {
  const name = String(file.name).slice(0, 200);
  if (typeof file.text !== 'string') return { ok: false, name, reason: 'not a text file' };
  if (file.text.length > COHORT_MAX_FILE_CHARS) return { ok: false, name, reason: `too large (${file.text.length} characters; at most ${COHORT_MAX_FILE_CHARS})` };
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    return { ok: false, name, reason: 'not JSON' };
  }
  let parsed: ReturnType<typeof parseSave>;
  try {
    parsed = parseSave(data);
  } catch {
    return { ok: false, name, reason: 'not a saved Mandate session' };
  }
  if (!parsed.save) {
    const first = parsed.problems[0];
    return { ok: false, name, reason: first ? `${first.field}: ${first.message}`.slice(0, 200) : 'not a saved Mandate session' };
  }
  if (parsed.save.log.length > COHORT_MAX_EVENTS) return { ok: false, name, reason: `too many events (${parsed.save.log.length})` };
  return { ok: true, name, save: parsed.save };
}

/** The extension id's last part under which the ending statement carries the session (src/lms/xapi.ts). */
export const SESSION_LOG_EXTENSION = 'session-log';

/**
 * The copy of a save that an xAPI ending statement carries, so a cohort can be rebuilt from an LRS:
 * annotation events (the room's vote, the facilitator's notes) are dropped and the rest renumbered —
 * they change no state, and draws are keyed by outcome, not by sequence number, so it replays to the
 * same ending, tensions and benchmarks — and the label (which a facilitator may have typed) is removed.
 */
export function lrsSessionCopy(save: SessionSave): SessionSave {
  const log = save.log.filter((e) => !ANNOTATION_EVENT_TYPES.includes(e.type)).map((e, i) => ({ ...e, seq: i + 1 }));
  return { ...save, meta: { ...save.meta, label: null }, log };
}

/**
 * Reads one untrusted file that may be a session file or an LRS export of statements (an array, or
 * `{ statements: [...] }` as an LRS answers a query): every statement that carries a session (the
 * ending statement's `result.extensions[…/session-log]`) is read as a session, the others ignored.
 */
export function readCohortSource(file: CohortFile): CohortRead[] {
  const name = String(file.name).slice(0, 200);
  if (typeof file.text !== 'string' || file.text.length > COHORT_MAX_FILE_CHARS) return [readCohortFile(file)];
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    return [readCohortFile(file)];
  }
  const statements = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { statements?: unknown }).statements) ? (data as { statements: unknown[] }).statements : null;
  if (!statements) return [readCohortFile(file)];
  const reads: CohortRead[] = [];
  statements.slice(0, 5000).forEach((st, i) => {
    const ext = (st as { result?: { extensions?: unknown } } | null)?.result?.extensions;
    if (!ext || typeof ext !== 'object') return;
    const key = Object.keys(ext).find((k) => k.endsWith(`/extension/${SESSION_LOG_EXTENSION}`) || k.endsWith(`:extension:${SESSION_LOG_EXTENSION}`));
    if (!key) return;
    const read = readCohortFile({ name: `${name} #${i + 1}`, text: JSON.stringify((ext as Record<string, unknown>)[key]) });
    reads.push(read);
  });
  return reads.length ? reads : [{ ok: false, name, reason: 'no Mandate session in these statements' }];
}

export interface CohortSession {
  /** The label shown and exported (S01… by default). */
  label: string;
  name: string;
  seat: string;
  ending: string | null;
  complete: boolean;
  decisions: { node: string; option: string; gameMinutes: number; realSeconds: number | null }[];
  polarities: Record<string, number>;
  benchmarksMet: string[];
  /** Log entries that did not replay (a damaged log), if any. */
  problems: number;
}

export interface CohortOptionCount {
  id: string;
  label: string;
  count: number;
}

export interface CohortDecision {
  node: string;
  title: string;
  /** How many sessions took this decision. */
  total: number;
  options: CohortOptionCount[];
  /** Average in-game minutes from the decision being posed to being taken (consulting costs time). */
  avgGameMinutes: number | null;
  /** Average real seconds from the previous decision (or the start) to this one, where stamped. */
  avgRealSeconds: number | null;
}

export interface Cohort {
  scenarioId: string;
  version: number;
  seat: string | null;
  sessions: CohortSession[];
  /** Sessions of another scenario or version, with the reason. */
  apart: { name: string; scenarioId: string; version: number; reason: string }[];
  /** Files that could not be used, with the reason. */
  rejected: { name: string; reason: string }[];
  decisions: CohortDecision[];
  endings: { id: string | null; title: string; tone: string | null; count: number }[];
  polarities: { id: string; title: string; poleA: string; poleB: string; mean: number | null }[];
  benchmarks: { id: string; text: string; met: number; total: number }[];
}

export interface CohortOptions {
  /** Only sessions played from this seat (null: every seat). */
  seat?: string | null;
  /** Labels chosen by the facilitator, by the file's position in `reads`; missing ones become S01, S02… */
  labels?: (string | null | undefined)[];
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** One session, replayed: what it decided, how long it took, how it ended. */
function sessionOf(bundle: ScenarioBundle, save: SessionSave, label: string, name: string): CohortSession | { reason: string } {
  const steps = reviewSteps(bundle, save);
  if (steps.length === 1 && save.log.length > 0) return { reason: `its first event (#${save.log[0]?.seq ?? 1}) does not apply to this scenario` };
  const decisions: CohortSession['decisions'] = [];
  // Real time runs from the session's start when the save records it (format v2), else from the previous decision.
  let lastAt: number | null = save.meta.startedAt;
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i];
    const before = steps[i - 1];
    if (!step?.entry || !before) continue;
    const { entry } = step;
    if (entry.type !== 'decision.choose' && entry.type !== 'decision.timeout') continue;
    const node = String(entry.payload.node ?? '');
    const option = entry.type === 'decision.timeout' ? 'timeout' : String(entry.payload.option ?? '');
    const gameMinutes = Math.max(0, before.context.clock - before.context.nodeEnteredAt);
    const realSeconds = entry.at !== null && lastAt !== null ? Math.max(0, Math.round((entry.at - lastAt) / 1000)) : null;
    if (entry.at !== null) lastAt = entry.at;
    decisions.push({ node, option, gameMinutes, realSeconds });
  }
  const applied = steps.slice(1).map((s) => s.entry).filter((e): e is NonNullable<typeof e> => e !== null);
  const model = debriefModel(bundle, { seed: save.seed, seat: save.seat, log: applied });
  const last = steps[steps.length - 1];
  return {
    label,
    name,
    seat: save.seat,
    ending: last?.context.ending ?? null,
    complete: last?.context.ending !== null && last?.context.ending !== undefined,
    decisions,
    polarities: { ...(last?.context.polarities ?? {}) },
    benchmarksMet: model.benchmarks.filter((b) => b.met).map((b) => b.id),
    problems: save.log.length - applied.length,
  };
}

/** Aggregates the sessions of `bundle`'s scenario and version; everything else is listed apart or rejected. */
export function buildCohort(bundle: ScenarioBundle, reads: readonly CohortRead[], opts: CohortOptions = {}): Cohort {
  const { scenario } = bundle;
  const seat = opts.seat ?? null;
  const sessions: CohortSession[] = [];
  const apart: Cohort['apart'] = [];
  const rejected: Cohort['rejected'] = [];
  const seen = new Set<string>();
  reads.forEach((r, i) => {
    const label = (opts.labels?.[i] ?? '').trim().slice(0, 60) || `S${String(i + 1).padStart(2, '0')}`;
    if (!r.ok) {
      rejected.push({ name: r.name, reason: r.reason });
      return;
    }
    const { save } = r;
    if (save.scenario.id !== scenario.id) {
      apart.push({ name: r.name, scenarioId: save.scenario.id, version: save.scenario.version, reason: `another scenario ("${save.scenario.id.slice(0, 80)}")` });
      return;
    }
    if (save.scenario.version !== scenario.version) {
      apart.push({
        name: r.name,
        scenarioId: save.scenario.id,
        version: save.scenario.version,
        reason: `scenario version ${save.scenario.version}; this cohort is version ${scenario.version}, and a log replays exactly only on its own version`,
      });
      return;
    }
    if (!scenario.seats.some((s) => s.id === save.seat)) {
      rejected.push({ name: r.name, reason: `unknown seat "${save.seat.slice(0, 40)}"` });
      return;
    }
    if (seat !== null && save.seat !== seat) return;
    const key = JSON.stringify([save.seed, save.seat, save.log.map((e) => [e.type, e.payload, e.at])]);
    if (seen.has(key)) {
      rejected.push({ name: r.name, reason: 'the same session as another file' });
      return;
    }
    seen.add(key);
    let s: ReturnType<typeof sessionOf>;
    try {
      s = sessionOf(bundle, save, label, r.name);
    } catch {
      s = { reason: 'its log could not be replayed' };
    }
    if ('reason' in s) rejected.push({ name: r.name, reason: s.reason });
    else sessions.push(s);
  });

  const decisions: CohortDecision[] = [];
  for (const node of scenario.nodes) {
    if (node.kind !== 'decision') continue;
    const taken = sessions.flatMap((s) => s.decisions.filter((d) => d.node === node.id));
    if (!taken.length) continue;
    const options: CohortOptionCount[] = node.options.map((o) => ({ id: o.id, label: o.label, count: taken.filter((d) => d.option === o.id).length }));
    if (node.timeout) options.push({ id: 'timeout', label: node.timeout.title, count: taken.filter((d) => d.option === 'timeout').length });
    const real = taken.map((d) => d.realSeconds).filter((x): x is number => x !== null);
    decisions.push({
      node: node.id,
      title: node.title,
      total: taken.length,
      options,
      avgGameMinutes: mean(taken.map((d) => d.gameMinutes)),
      avgRealSeconds: mean(real),
    });
  }

  const endings: Cohort['endings'] = scenario.endings
    .map((e) => ({ id: e.id as string | null, title: e.title, tone: e.tone as string | null, count: sessions.filter((s) => s.ending === e.id).length }))
    .filter((e) => e.count > 0);
  const unfinished = sessions.filter((s) => s.ending === null).length;
  if (unfinished) endings.push({ id: null, title: 'Not finished', tone: null, count: unfinished });

  return {
    scenarioId: scenario.id,
    version: scenario.version,
    seat,
    sessions,
    apart,
    rejected,
    decisions,
    endings,
    polarities: scenario.polarities.map((p) => {
      const entry = bundle.polarities.find((x) => x.id === p.id);
      return {
        id: p.id,
        title: entry?.title ?? p.id,
        poleA: entry?.pole_a ?? 'pole A',
        poleB: entry?.pole_b ?? 'pole B',
        mean: mean(sessions.map((s) => s.polarities[p.id] ?? 0)),
      };
    }),
    benchmarks: scenario.benchmarks.map((b) => ({ id: b.id, text: b.text, met: sessions.filter((s) => s.benchmarksMet.includes(b.id)).length, total: sessions.length })),
  };
}

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) || typeof value === 'string' ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The cohort as CSV: the per-decision table, then the sessions (by label only: no file names, no
 * personal data), then the endings.
 */
export function cohortCsv(c: Cohort): string {
  const rows: (string | number | null)[][] = [];
  rows.push(['scenario', 'version', 'seat', 'decision', 'option', 'chosen', 'of', 'share_percent', 'avg_game_minutes', 'avg_real_seconds']);
  for (const d of c.decisions) {
    for (const o of d.options) {
      rows.push([c.scenarioId, c.version, c.seat ?? 'all', d.title, o.label, o.count, d.total, d.total ? Math.round((100 * o.count) / d.total) : 0, d.avgGameMinutes, d.avgRealSeconds]);
    }
  }
  rows.push([]);
  rows.push(['session', 'seat', 'ending', 'decisions', 'benchmarks_met']);
  for (const s of c.sessions) rows.push([s.label, s.seat, s.ending ?? 'not finished', s.decisions.length, s.benchmarksMet.length]);
  rows.push([]);
  rows.push(['ending', 'sessions']);
  for (const e of c.endings) rows.push([e.title, e.count]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
