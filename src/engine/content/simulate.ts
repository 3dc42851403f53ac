/**
 * Randomtest (after ChoiceScript's): many seeded random playthroughs through the real rules, counting
 * how often each ending, node and option is reached and how the final meters and polarity positions
 * fall. Every random choice is a keyed draw — percentDraw(seed, site, n) — so the same seed gives the
 * same report, and each run's engine seed (for chance consequences) is drawn the same way.
 */
import type { Scenario } from '../types';
import type { EngineContext } from '../state';
import { availableOptions, initialContext, reduce, type EngineEvent } from '../reduce';
import { indexScenario } from '../scenario-index';
import { sideOfBand } from '../conditions';
import { hash32, percentDraw } from '../rng';

export interface SimulateOptions {
  runs: number;
  seed: number;
  /** Percent chance, at each decision, of consulting an adviser first (at most two per decision). Default 20. */
  consultPercent?: number;
  /** Steps after which a run counts as stuck. Default 500. */
  maxSteps?: number;
  /** The seat played (default: the scenario's first). */
  seat?: string;
}

export interface Distribution {
  min: number;
  mean: number;
  max: number;
  /** Bucket label → runs: meters by band of 20 ("0-19" … "80-100"). */
  buckets: Record<string, number>;
}

export interface PolarityDistribution extends Distribution {
  /** Runs that ended beyond the healthy band toward pole A, within it, and beyond it toward pole B. */
  sides: { a: number; within: number; b: number };
}

export interface SimulationReport {
  scenario: string;
  runs: number;
  seed: number;
  /** Ending id → runs that reached it (every ending listed, 0 included). */
  endings: Record<string, number>;
  /** Runs that did not reach an ending within the step limit, or met a decision with no move. */
  stuck: number;
  /** Node id → times entered over all runs. */
  nodeHits: Record<string, number>;
  /** "node.option" (or "node.timeout") → times taken. */
  optionHits: Record<string, number>;
  /** "node.adviser" → times consulted. */
  consultHits: Record<string, number>;
  unreachedNodes: string[];
  unreachedOptions: string[];
  unreachedEndings: string[];
  meters: Record<string, Distribution>;
  polarities: Record<string, PolarityDistribution>;
  /** Mean decisions per run (timeouts included). */
  meanDecisions: number;
}

const METER_BUCKETS = ['0-19', '20-39', '40-59', '60-79', '80-100'] as const;
const POLARITY_BUCKETS = ['-100..-61', '-60..-21', '-20..20', '21..60', '61..100'] as const;

export function simulateScenario(scenario: Scenario, opts: SimulateOptions): SimulationReport {
  const index = indexScenario(scenario);
  const seat = opts.seat ?? scenario.seats[0]?.id ?? 'hom';
  const consultPercent = opts.consultPercent ?? 20;
  const maxSteps = opts.maxSteps ?? 500;
  const endings: Record<string, number> = Object.fromEntries(scenario.endings.map((e) => [e.id, 0]));
  const nodeHits: Record<string, number> = Object.fromEntries(scenario.nodes.map((n) => [n.id, 0]));
  const optionHits: Record<string, number> = {};
  for (const n of scenario.nodes) {
    for (const o of n.options) optionHits[`${n.id}.${o.id}`] = 0;
    if (n.timeout) optionHits[`${n.id}.timeout`] = 0;
  }
  const consultHits: Record<string, number> = {};
  const finals: EngineContext[] = [];
  let stuck = 0;
  let decisions = 0;
  const { seed } = opts;

  for (let run = 0; run < opts.runs; run++) {
    const site = `simulate:${run}`;
    let ctx = initialContext(index, hash32(`${seed}|${site}|engine-seed`), seat);
    let entered = ctx.node;
    nodeHits[entered] = (nodeHits[entered] ?? 0) + 1;
    let step = 0;
    for (; step < maxSteps && ctx.ending === null; step++) {
      const node = index.nodes.get(ctx.node);
      if (!node) break;
      const seq = ctx.seq + 1;
      const here = ctx.consulted.filter((c) => c.node === node.id);
      const advisers = here.length < 2 ? node.positions.filter((p) => !here.some((c) => c.adviser === p.adviser)) : [];
      let event: EngineEvent;
      if (advisers.length > 0 && percentDraw(seed, `${site}:consult`, step) < consultPercent) {
        const p = advisers[percentDraw(seed, `${site}:adviser`, step) % advisers.length] as (typeof advisers)[number];
        event = { type: 'adviser.consult', seq, node: node.id, adviser: p.adviser };
        consultHits[`${node.id}.${p.adviser}`] = (consultHits[`${node.id}.${p.adviser}`] ?? 0) + 1;
      } else {
        const moves = [...availableOptions(index, ctx), ...(node.timeout ? ['timeout'] : [])];
        if (moves.length === 0) break;
        const pick = moves[pick100(seed, `${site}:choose`, step, moves.length)] as string;
        event = pick === 'timeout' ? { type: 'decision.timeout', seq, node: node.id } : { type: 'decision.choose', seq, node: node.id, option: pick };
      }
      const before = ctx.choices.length;
      ctx = reduce(index, ctx, event);
      for (const c of ctx.choices.slice(before)) {
        optionHits[`${c.node}.${c.option}`] = (optionHits[`${c.node}.${c.option}`] ?? 0) + 1;
        decisions++;
      }
      if (ctx.node !== entered || ctx.choices.length > before) {
        entered = ctx.node;
        nodeHits[entered] = (nodeHits[entered] ?? 0) + 1;
      }
    }
    if (ctx.ending === null) stuck++;
    else endings[ctx.ending] = (endings[ctx.ending] ?? 0) + 1;
    finals.push(ctx);
  }

  const meters: Record<string, Distribution> = {};
  for (const m of scenario.meters) {
    meters[m.id] = distribution(
      finals.map((c) => c.meters[m.id] ?? 0),
      METER_BUCKETS,
      (v) => Math.min(4, Math.floor(v / 20)),
    );
  }
  const polarities: Record<string, PolarityDistribution> = {};
  for (const p of scenario.polarities) {
    const values = finals.map((c) => c.polarities[p.id] ?? 0);
    const sides = { a: 0, within: 0, b: 0 };
    for (const v of values) {
      const side = sideOfBand(v, p.band);
      if (side === 'a') sides.a++;
      else if (side === 'b') sides.b++;
      else sides.within++;
    }
    const d = distribution(values, POLARITY_BUCKETS, (v) => (v <= -61 ? 0 : v <= -21 ? 1 : v <= 20 ? 2 : v <= 60 ? 3 : 4));
    polarities[p.id] = { ...d, sides };
  }
  return {
    scenario: scenario.id,
    runs: opts.runs,
    seed,
    endings,
    stuck,
    nodeHits,
    optionHits,
    consultHits,
    unreachedNodes: Object.keys(nodeHits).filter((n) => nodeHits[n] === 0),
    unreachedOptions: Object.keys(optionHits).filter((o) => optionHits[o] === 0),
    unreachedEndings: Object.keys(endings).filter((e) => endings[e] === 0),
    meters,
    polarities,
    meanDecisions: opts.runs ? round(decisions / opts.runs) : 0,
  };
}

/** A keyed draw in 0..n-1 (two percent draws, so up to 10,000 outcomes stay nearly uniform). */
function pick100(seed: number, site: string, step: number, n: number): number {
  return (percentDraw(seed, site, 2 * step) * 100 + percentDraw(seed, site, 2 * step + 1)) % n;
}

function distribution(values: readonly number[], labels: readonly string[], bucketOf: (v: number) => number): Distribution {
  const buckets: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    const label = labels[bucketOf(v)] as string;
    buckets[label] = (buckets[label] ?? 0) + 1;
  }
  if (values.length === 0) return { min: 0, mean: 0, max: 0, buckets };
  return { min, mean: round(sum / values.length), max, buckets };
}

const round = (v: number): number => Math.round(v * 10) / 10;
