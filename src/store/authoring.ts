/**
 * The authoring preview's pure rules (live reload, preview overrides), kept out of the store so they
 * can be tested on their own.
 *
 * A preview position is a plan: the real log (replayable from the start), then zero or more
 * "preview override" layers — meters and flags set by hand, each followed by the events played
 * after it. Rebuilding the plan on a new version of the scenario keeps the longest prefix that still
 * applies, and says how much of it was kept.
 */
import { previewSession, replaySession, type EngineContext, type LogEntry, type Scenario, type ScenarioBundle, type Session } from '../engine';

/** Meters and flags set by hand for previewing (never saved). */
export interface PreviewOverride {
  meters: Record<string, number>;
  flags: Record<string, boolean>;
}

export interface PreviewLayer {
  values: PreviewOverride;
  /** The events played after this override was applied. */
  tail: readonly LogEntry[];
}

export interface PreviewPlan {
  seed: number;
  seat: string;
  /** The real log: it replays from the start. */
  baseLog: readonly LogEntry[];
  layers: readonly PreviewLayer[];
}

export interface RebuildResult {
  session: Session;
  /** Events that still applied, and how many there were in all. */
  kept: number;
  total: number;
  /** The first event that no longer applies, with the engine's reason. */
  problem: { seq: number; reason: string } | null;
  /** How many override layers were re-applied (fewer than planned when the log broke before one). */
  layersKept: number;
  /** The plan as rebuilt: its base log and layers cut where the log stopped applying. */
  plan: PreviewPlan;
}

export const METER_MIN = 0;
export const METER_MAX = 100;

/** The context with the override's meters (known ids, integers, clamped) and flags set. */
export function applyOverride(ctx: EngineContext, values: PreviewOverride, scenario: Scenario): EngineContext {
  const known = new Set(scenario.meters.map((m) => m.id));
  const meters = { ...ctx.meters };
  for (const [id, v] of Object.entries(values.meters)) {
    if (known.has(id) && Number.isFinite(v)) meters[id] = Math.min(METER_MAX, Math.max(METER_MIN, Math.round(v)));
  }
  const flags = { ...ctx.flags };
  for (const [id, v] of Object.entries(values.flags)) {
    if (v) flags[id] = true;
    else delete flags[id];
  }
  return { ...ctx, meters, flags };
}

/** Replays a plan on (a possibly new version of) the scenario, keeping the longest prefix that applies. */
export function rebuildSession(bundle: ScenarioBundle, plan: PreviewPlan): RebuildResult {
  const total = plan.baseLog.length + plan.layers.reduce((n, l) => n + l.tail.length, 0);
  const base = replaySession(bundle, { seed: plan.seed, seat: plan.seat, log: [...plan.baseLog] });
  let session = base.session;
  let kept = session.log().length;
  const baseLog = session.log().map((e) => ({ ...e }));
  if (base.problems[0]) {
    return { session, kept, total, problem: base.problems[0], layersKept: 0, plan: { ...plan, baseLog, layers: [] } };
  }
  const layers: PreviewLayer[] = [];
  for (const layer of plan.layers) {
    const snap = session.snapshot();
    if (snap.done) break;
    const preview = previewSession(bundle, applyOverride(snap.context, layer.values, bundle.scenario));
    session.stop();
    session = preview;
    let problem: { seq: number; reason: string } | null = null;
    for (const entry of layer.tail) {
      const r = session.send(entry.type, entry.payload ?? {}, entry.at ?? null);
      if (!r.ok) {
        problem = { seq: entry.seq, reason: r.reason };
        break;
      }
    }
    layers.push({ values: layer.values, tail: session.log().map((e) => ({ ...e })) });
    kept += session.log().length;
    if (problem) return { session, kept, total, problem, layersKept: layers.length, plan: { ...plan, baseLog, layers } };
  }
  return { session, kept, total, problem: null, layersKept: layers.length, plan: { ...plan, baseLog, layers } };
}

/** The override layers merged (later values win), for display. */
export function mergedOverride(layers: readonly PreviewLayer[]): PreviewOverride | null {
  if (!layers.length) return null;
  const out: PreviewOverride = { meters: {}, flags: {} };
  for (const l of layers) {
    Object.assign(out.meters, l.values.meters);
    Object.assign(out.flags, l.values.flags);
  }
  return out;
}

/** Every flag the scenario sets or reads, sorted. */
export function scenarioFlags(scenario: Scenario): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.flag === 'string') found.add(o.flag);
      Object.values(o).forEach(walk);
    }
  };
  walk(scenario.nodes);
  walk(scenario.injects);
  walk(scenario.endings);
  walk(scenario.benchmarks);
  walk(scenario.map);
  return [...found].sort();
}
