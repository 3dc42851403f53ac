/**
 * A bounded search of play: from the start, take every available option, the timeout and (where
 * conditions read consultations) every consultation, through the real rules. States are merged on
 * (node, flags, meter bands, polarity sides, the choices conditions read, pending consequences,
 * clock), and the search runs under a few seeds so chance outcomes go both ways. "Reachable" means
 * found by this search — not reachable-if-you-ignore-conditions.
 */
import type { Condition, Scenario } from '../types';
import type { EngineContext } from '../state';
import { availableOptions, initialContext, reduce, type EngineEvent } from '../reduce';
import { indexScenario } from '../scenario-index';
import { sideOfBand } from '../conditions';
import { percentDraw } from '../rng';

export interface ExploreResult {
  nodes: Set<string>;
  endings: Set<string>;
  deadEnds: Set<string>;
  states: number;
  truncated: boolean;
}

export function exploreScenario(scenario: Scenario, opts: { seeds?: number[]; maxStates?: number; playouts?: number } = {}): ExploreResult {
  const index = indexScenario(scenario);
  const seeds = opts.seeds ?? [1, 2, 3];
  const maxStates = opts.maxStates ?? 2000;
  const readChoices = new Set<string>();
  let readsConsultations = false;
  let readsTime = false;
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    c.all?.forEach(walk);
    c.any?.forEach(walk);
    if (c.not) walk(c.not);
    if (c.chose) readChoices.add(c.chose);
    if (c.consulted) readsConsultations = true;
    if (c.time) readsTime = true;
  };
  for (const n of scenario.nodes) {
    for (const o of n.options) {
      walk(o.when);
      o.branches.forEach((b) => walk(b.when));
      o.consequences.forEach((c) => walk(c.when));
    }
    n.timeout?.branches.forEach((b) => walk(b.when));
    n.timeout?.consequences.forEach((c) => walk(c.when));
  }
  scenario.injects.forEach((i) => walk(i.when));
  scenario.endings.forEach((e) => walk(e.when));

  const key = (ctx: EngineContext): string =>
    [
      ctx.node,
      readsTime ? ctx.clock : '',
      Object.keys(ctx.flags).filter((f) => ctx.flags[f]).sort().join(','),
      Object.entries(ctx.meters).map(([k, v]) => `${k}${Math.floor(v / 20)}`).join(','),
      Object.entries(ctx.polarities)
        .map(([k, v]) => `${k}${sideOfBand(v, index.polarities.get(k)?.band ?? 40) ?? 0}`)
        .join(','),
      ctx.choices.map((c) => `${c.node}.${c.option}`).filter((c) => readChoices.has(c)).sort().join(','),
      readsConsultations ? ctx.consulted.map((c) => `${c.node}.${c.adviser}`).sort().join(',') : '',
      ctx.pending.map((p) => p.ref).sort().join(','),
      ctx.downsides.join(','),
    ].join('|');

  const result: ExploreResult = { nodes: new Set(), endings: new Set(), deadEnds: new Set(), states: 0, truncated: false };
  for (const seed of seeds) {
    const start = initialContext(index, seed, scenario.seats[0]?.id ?? 'hom');
    const seen = new Set<string>([key(start)]);
    const queue: EngineContext[] = [start];
    while (queue.length) {
      const ctx = queue.shift() as EngineContext;
      result.states++;
      result.nodes.add(ctx.node);
      if (ctx.ending !== null) {
        result.endings.add(ctx.ending);
        continue;
      }
      const node = index.nodes.get(ctx.node);
      if (!node || node.kind === 'end') continue;
      const seq = ctx.seq + 1;
      const events: EngineEvent[] = availableOptions(index, ctx).map((option) => ({ type: 'decision.choose', seq, node: node.id, option }));
      if (node.timeout) events.push({ type: 'decision.timeout', seq, node: node.id });
      if (events.length === 0) result.deadEnds.add(node.id);
      if (readsConsultations) {
        for (const p of node.positions) {
          if (!ctx.consulted.some((c) => c.node === node.id && c.adviser === p.adviser))
            events.push({ type: 'adviser.consult', seq, node: node.id, adviser: p.adviser });
        }
      }
      for (const event of events) {
        const next = reduce(index, ctx, event);
        const k = key(next);
        if (seen.has(k)) continue;
        seen.add(k);
        if (seen.size > maxStates) {
          result.truncated = true;
          break;
        }
        queue.push(next);
      }
    }
    // Random playouts reach deep into the graph even when the breadth-first search was cut short.
    for (let run = 0; run < (opts.playouts ?? 250); run++) {
      let ctx = start;
      for (let step = 0; step < 500 && ctx.ending === null; step++) {
        result.nodes.add(ctx.node);
        const node = index.nodes.get(ctx.node);
        if (!node || node.kind === 'end') break;
        const seq = ctx.seq + 1;
        const events: EngineEvent[] = availableOptions(index, ctx).map((option) => ({ type: 'decision.choose', seq, node: node.id, option }));
        if (node.timeout) events.push({ type: 'decision.timeout', seq, node: node.id });
        if (events.length === 0) {
          result.deadEnds.add(node.id);
          break;
        }
        const pick = events[percentDraw(seed, `explore:${run}:${step}`, 0) % events.length] as EngineEvent;
        ctx = reduce(index, ctx, pick);
        result.states++;
      }
      result.nodes.add(ctx.node);
      if (ctx.ending !== null) result.endings.add(ctx.ending);
    }
  }
  return result;
}
