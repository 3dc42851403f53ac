/**
 * A bounded search of play: from the start, take every available option, the timeout and (where
 * conditions read consultations) every consultation, through the real rules. States are merged on
 * (node, flags, meter bands, polarity sides, the choices conditions read, pending consequences,
 * clock), and the search runs under a few seeds so chance outcomes go both ways. "Reachable" means
 * found by this search — not reachable-if-you-ignore-conditions.
 */
import type { Condition, Scenario, ScenarioNode } from '../types';
import type { EngineContext } from '../state';
import { availableOptions, initialContext, reduce, type EngineEvent } from '../reduce';
import { indexScenario, outcomeOf, type ScenarioIndex } from '../scenario-index';
import { sideOfBand } from '../conditions';
import { percentDraw } from '../rng';
import { memoSearch, searchKey } from './search-memo';

export interface ExploreResult {
  nodes: Set<string>;
  endings: Set<string>;
  deadEnds: Set<string>;
  states: number;
  truncated: boolean;
  /** Injects that arrived somewhere in the search (optional ones only arrive when a facilitator fires them). */
  injects: Set<string>;
  /** Consequences ("node.option.consequence") that landed, or came due with their `when` holding but lost their chance draw. */
  consequences: Set<string>;
  /** Consequences that fell due while play was still running (whether or not they then landed). */
  due: Set<string>;
}

export interface ExploreOptions {
  seeds?: number[];
  maxStates?: number;
  playouts?: number;
}

/** The search of play; a search already made for the same content and options is not made again (search-memo.ts). */
export function exploreScenario(scenario: Scenario, opts: ExploreOptions = {}): ExploreResult {
  return memoSearch('explore', searchKey(scenario, opts), () => searchPlay(scenario, opts), exploreToJson, exploreFromJson);
}

type ExploreJson = Omit<ExploreResult, 'nodes' | 'endings' | 'deadEnds' | 'injects' | 'consequences' | 'due'> &
  Record<'nodes' | 'endings' | 'deadEnds' | 'injects' | 'consequences' | 'due', string[]>;

function exploreToJson(r: ExploreResult): ExploreJson {
  return { ...r, nodes: [...r.nodes], endings: [...r.endings], deadEnds: [...r.deadEnds], injects: [...r.injects], consequences: [...r.consequences], due: [...r.due] };
}

function exploreFromJson(j: unknown): ExploreResult {
  const r = j as ExploreJson;
  return { ...r, nodes: new Set(r.nodes), endings: new Set(r.endings), deadEnds: new Set(r.deadEnds), injects: new Set(r.injects), consequences: new Set(r.consequences), due: new Set(r.due) };
}

function searchPlay(scenario: Scenario, opts: ExploreOptions): ExploreResult {
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

  // The merge key, built without intermediate arrays (the search builds one per transition). It is the
  // same text as the plain reading: node | clock | true flags | meter bands | polarity sides | choices
  // read | consultations | pending | downsides.
  const bands = new Map(scenario.polarities.map((p) => [p.id, index.polarities.get(p.id)?.band ?? 40]));
  const sorted = (list: string[]): string => (list.length > 1 ? list.sort().join(',') : (list[0] ?? ''));
  const key = (ctx: EngineContext): string => {
    const flags: string[] = [];
    for (const f in ctx.flags) if (ctx.flags[f]) flags.push(f);
    let meters = '';
    for (const m in ctx.meters) meters += (meters ? ',' : '') + m + Math.floor((ctx.meters[m] as number) / 20);
    let polarities = '';
    for (const k in ctx.polarities) polarities += (polarities ? ',' : '') + k + (sideOfBand(ctx.polarities[k] as number, bands.get(k) ?? 40) ?? 0);
    const chosen: string[] = [];
    if (readChoices.size) for (const c of ctx.choices) if (readChoices.has(`${c.node}.${c.option}`)) chosen.push(`${c.node}.${c.option}`);
    const consulted: string[] = [];
    if (readsConsultations) for (const c of ctx.consulted) consulted.push(`${c.node}.${c.adviser}`);
    const pending: string[] = [];
    for (const p of ctx.pending) pending.push(p.ref);
    return `${ctx.node}|${readsTime ? ctx.clock : ''}|${sorted(flags)}|${meters}|${polarities}|${sorted(chosen)}|${readsConsultations ? sorted(consulted) : ''}|${sorted(pending)}|${ctx.downsides.join(',')}`;
  };

  const result: ExploreResult = { nodes: new Set(), endings: new Set(), deadEnds: new Set(), states: 0, truncated: false, injects: new Set(), consequences: new Set(), due: new Set() };
  const record = recorder(index, result);
  const certain = indexScenario(withoutChance(scenario));
  // Every seat is searched: a node or ending may be reachable from one seat only.
  const runs = scenario.seats.flatMap((s) => seeds.map((seed) => ({ seed, seat: s.id })));
  for (const { seed, seat } of runs) {
    const start = initialContext(index, seed, seat);
    record(null, start);
    const seen = new Set<string>([key(start)]);
    const queue: EngineContext[] = [start];
    for (let head = 0; head < queue.length; head++) {
      const ctx = queue[head] as EngineContext;
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
        record(ctx, next, event, certain);
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
        const prev = ctx;
        ctx = reduce(index, ctx, pick);
        record(prev, ctx, pick, certain);
        result.states++;
      }
      result.nodes.add(ctx.node);
      if (ctx.ending !== null) result.endings.add(ctx.ending);
    }
    // Playouts in which every chance consequence lands and advisers are consulted at random: they
    // reach what lucky draws and consultations open up, so injects and consequences that wait on
    // those are seen to fire (SCN031).
    for (let run = 0; run < Math.ceil((opts.playouts ?? 250) / 2); run++) {
      let ctx = initialContext(certain, seed, seat);
      record(null, ctx);
      for (let step = 0; step < 500 && ctx.ending === null; step++) {
        result.nodes.add(ctx.node);
        const node = certain.nodes.get(ctx.node);
        if (!node || node.kind === 'end') break;
        const seq = ctx.seq + 1;
        const unconsulted = node.positions.filter((p) => !ctx.consulted.some((c) => c.node === node.id && c.adviser === p.adviser));
        const draw = percentDraw(seed, `explore-certain:${run}:${step}`, 0);
        const events: EngineEvent[] = availableOptions(certain, ctx).map((option) => ({ type: 'decision.choose', seq, node: node.id, option }));
        if (node.timeout) events.push({ type: 'decision.timeout', seq, node: node.id });
        if (events.length === 0) break;
        const pick: EngineEvent =
          readsConsultations && unconsulted.length && draw < 40
            ? { type: 'adviser.consult', seq, node: node.id, adviser: (unconsulted[draw % unconsulted.length] as { adviser: string }).adviser }
            : (events[draw % events.length] as EngineEvent);
        const prev = ctx;
        ctx = reduce(certain, ctx, pick);
        record(prev, ctx, pick);
        result.states++;
      }
      result.nodes.add(ctx.node);
      if (ctx.ending !== null) result.endings.add(ctx.ending);
    }
  }
  return result;
}

/**
 * Notes the injects and consequences a transition fired. With a `probe` index (the scenario without
 * chance draws), a chance consequence that resolved without landing is replayed once against it, so
 * a 10% consequence whose `when` can hold is not reported as one that can never land.
 */
function recorder(index: ScenarioIndex, result: ExploreResult): (prev: EngineContext | null, next: EngineContext, event?: EngineEvent, probe?: ScenarioIndex) => void {
  /** "node.option" → the refs of the consequences that outcome schedules, built once. */
  const refs = new Map<string, string[]>();
  const scheduledBy = (node: string, option: string): string[] => {
    const k = `${node}.${option}`;
    let list = refs.get(k);
    if (!list) {
      list = (outcomeOf(index.nodes.get(node) as ScenarioNode, option)?.consequences ?? []).map((c) => `${node}.${option}.${c.id}`);
      refs.set(k, list);
    }
    return list;
  };
  const note = (ctx: EngineContext, from: number): void => {
    for (let i = from; i < ctx.timeline.length; i++) {
      const t = ctx.timeline[i] as EngineContext['timeline'][number];
      if (t.kind === 'inject' && t.inject) result.injects.add(t.inject);
      if (t.kind === 'consequence' && t.consequence) result.consequences.add(t.consequence);
      // Decisions taken for the player (by the seat that owns them) pass through nodes play never rests on.
      if (t.kind === 'decision' && t.by && t.node) result.nodes.add(t.node);
    }
  };
  return (prev, next, event, probe) => {
    note(next, prev ? prev.timeline.length : 0);
    if (!prev || !event) return;
    const scheduled =
      event.type === 'decision.choose' || event.type === 'decision.timeout'
        ? scheduledBy(event.node, event.type === 'decision.timeout' ? 'timeout' : event.option)
        : [];
    if (prev.pending.length === 0 && scheduled.length === 0) return;
    const stillPending = new Set(next.pending.map((p) => p.ref));
    const cameDue = [...prev.pending.map((p) => p.ref), ...scheduled].filter((ref) => !stillPending.has(ref));
    cameDue.forEach((ref) => result.due.add(ref));
    const lost = cameDue.some((ref) => !result.consequences.has(ref) && index.consequences.get(ref)?.chance !== undefined);
    if (lost && probe) note(reduce(probe, prev, event), prev.timeline.length);
  };
}

/** The scenario with every chance draw removed: each consequence lands whenever its `when` holds. */
function withoutChance(scenario: Scenario): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  for (const n of copy.nodes) {
    for (const c of [...n.options.flatMap((o) => o.consequences), ...(n.timeout?.consequences ?? [])]) delete c.chance;
  }
  return copy;
}
