/**
 * Authoring-preview helpers: pure functions over a compiled scenario, for the live preview only.
 *
 * - `pathToNode` finds, by a bounded best-first search over (node, flags, meter bands), a
 *   sequence of decisions that leads from the start to a node. Replaying it gives an honest session
 *   — a real log, savable and resumable — standing at that node.
 * - `previewSession` runs the scenario machine from an arbitrary context (meters and flags set by
 *   hand). Such a session has no log that replays from the start, so it must never be saved: the
 *   store marks it "preview override".
 */
import { createActor } from 'xstate';
import type { ScenarioBundle } from './types';
import type { EngineContext } from './state';
import { createScenarioMachine, successorsOf } from './machine';
import { availableOptions, initialContext, reduce, refusal, type EngineEvent } from './reduce';
import { indexScenario } from './scenario-index';
import { meterBand } from './debrief';
import { sessionOver, type Session } from './session';

/** One decision on a path found by `pathToNode`, as the store sends it. */
export interface PathStep {
  type: 'decision.choose' | 'decision.timeout';
  payload: { node: string; option?: string };
}

export interface PathSearchOptions {
  seed: number;
  seat?: string;
  /** States explored before giving up (the search is bounded, like the linter's). */
  maxStates?: number;
}

function stateKey(ctx: EngineContext): string {
  const flags = Object.keys(ctx.flags).filter((f) => ctx.flags[f]).sort().join(',');
  const bands = Object.keys(ctx.meters).sort().map((m) => `${m}:${meterBand(ctx.meters[m] ?? 0)}`).join(',');
  return `${ctx.node}|${flags}|${bands}`;
}

/** Graph distance (ignoring conditions) from every node to `target`: the search's heuristic. */
function distancesTo(bundle: ScenarioBundle, target: string): Map<string, number> {
  const preds = new Map<string, string[]>();
  for (const n of bundle.scenario.nodes) {
    for (const next of successorsOf(bundle.scenario, n.id)) preds.set(next, [...(preds.get(next) ?? []), n.id]);
  }
  const dist = new Map<string, number>([[target, 0]]);
  const queue = [target];
  while (queue.length) {
    const id = queue.shift() as string;
    for (const p of preds.get(id) ?? []) {
      if (!dist.has(p)) {
        dist.set(p, (dist.get(id) ?? 0) + 1);
        queue.push(p);
      }
    }
  }
  return dist;
}

/**
 * A sequence of decisions from the start to `nodeId` under this seed, or null when the bounded
 * search finds none. An empty array means the start node itself. The search is best-first: states
 * whose node is fewer links from the target go first, and states that can no longer reach it are
 * dropped, so deep nodes are found without exploring every combination of meters and flags.
 */
export function pathToNode(bundle: ScenarioBundle, nodeId: string, opts: PathSearchOptions): PathStep[] | null {
  const scenario = bundle.scenario;
  if (!scenario.nodes.some((n) => n.id === nodeId)) return null;
  const index = indexScenario(scenario);
  const seat = opts.seat ?? scenario.seats[0]?.id ?? 'hom';
  const start = initialContext(index, opts.seed >>> 0, seat);
  if (start.node === nodeId) return [];
  const dist = distancesTo(bundle, nodeId);
  if (!dist.has(start.node)) return null;
  const max = opts.maxStates ?? 5000;
  const seen = new Set<string>([stateKey(start)]);
  // Buckets by distance to the target; last in, first out within a bucket (depth first).
  const buckets: { ctx: EngineContext; steps: PathStep[] }[][] = [];
  const push = (item: { ctx: EngineContext; steps: PathStep[] }): void => {
    const d = dist.get(item.ctx.node) as number;
    (buckets[d] ??= []).push(item);
  };
  push({ ctx: start, steps: [] });
  while (seen.size < max) {
    const bucket = buckets.find((b) => b && b.length > 0);
    const item = bucket?.pop();
    if (!item) break;
    const { ctx, steps } = item;
    const node = index.nodes.get(ctx.node);
    if (!node || node.kind === 'end' || ctx.ending !== null) continue;
    const candidates: { step: PathStep; event: EngineEvent }[] = availableOptions(index, ctx).map((option) => ({
      step: { type: 'decision.choose', payload: { node: node.id, option } },
      event: { type: 'decision.choose', seq: ctx.seq + 1, node: node.id, option },
    }));
    if (node.timeout) {
      candidates.push({ step: { type: 'decision.timeout', payload: { node: node.id } }, event: { type: 'decision.timeout', seq: ctx.seq + 1, node: node.id } });
    }
    for (const { step, event } of candidates) {
      if (refusal(index, ctx, event) !== null) continue;
      const after = reduce(index, ctx, event);
      if (after.node === nodeId) return [...steps, step];
      if (!dist.has(after.node)) continue;
      const key = stateKey(after);
      if (seen.has(key)) continue;
      seen.add(key);
      push({ ctx: after, steps: [...steps, step] });
    }
  }
  return null;
}

/**
 * A session that starts from `start` instead of the scenario's initial state. Its log numbers
 * continue from `start.seq`; it cannot be replayed from the start, so it is for previewing only.
 */
export function previewSession(bundle: ScenarioBundle, start: EngineContext): Session {
  const machine = createScenarioMachine(bundle.scenario);
  const snapshot0 = machine.resolveState({ value: start.node, context: start });
  const actor = createActor(machine, { snapshot: snapshot0, input: { seed: start.seed, seat: start.seat } });
  return sessionOver(bundle, actor, start.seed, start.seat);
}
