/**
 * Quicktest (after ChoiceScript's): exercise every option of every decision and both sides of every
 * condition the engine evaluates, through real play, and say what could not be exercised.
 *
 * The search runs the real rules (initialContext/reduce) in three passes, stopping as soon as
 * everything is covered:
 *   1. seeded random playouts (consulting advisers now and then), which reach deep quickly and
 *      cover most items of a well-connected scenario in well under a second;
 *   2. breadth-first search with merging, as in explore.ts, but states are merged on the meter
 *      intervals the scenario's own thresholds cut (plus bands of 20), so a threshold is never
 *      hidden inside a merged band;
 *   3. one targeted breadth-first search per item still missing, merging only on what matters to
 *      that item: the node, and the flags, meters, choices and consultations read by its condition
 *      and by every option and branch condition (which decide where play can go).
 * Each observation is made where the engine itself evaluates the condition (see `observe*`).
 */
import type { Condition, Scenario, ScenarioNode } from '../types';
import type { EngineContext } from '../state';
import { availableOptions, initialContext, reduce, type EngineEvent } from '../reduce';
import { indexScenario, outcomeOf, type ScenarioIndex } from '../scenario-index';
import { isOptionalInject } from '../facilitation';
import { sideOfBand } from '../conditions';
import { holds as conditionHolds } from '../condition-predicate';
import { percentDraw } from '../rng';
import { memoSearch, searchKey } from './search-memo';
import { conditionSites, type ConditionSite } from './condition-sites';
import type { DataPath } from './source-file';

export interface QuicktestOptions {
  seeds?: number[];
  /** States kept per seed by the first, broad search. */
  maxStates?: number;
  /** Random playouts per seed. */
  playouts?: number;
  /** States kept by each targeted search. */
  targetedStates?: number;
}

export interface OptionCoverage {
  /** "node.option" or "node.timeout". */
  key: string;
  path: DataPath;
  hits: number;
}

export interface ConditionCoverage {
  site: ConditionSite;
  whenTrue: number;
  whenFalse: number;
}

export interface QuicktestGap {
  /** "option a2.public-line" or a condition site key. */
  key: string;
  path: DataPath;
  /** What was never seen: the option taken, or the condition true / false where it is evaluated. */
  missing: 'taken' | 'true' | 'false';
}

export interface QuicktestResult {
  options: OptionCoverage[];
  conditions: ConditionCoverage[];
  gaps: QuicktestGap[];
  /** Items to exercise: each option, and each side of each condition. */
  total: number;
  states: number;
  nodes: Set<string>;
  /** End node → the endings chosen there. */
  endingsByNode: Map<string, Set<string>>;
}

const PROBE = '__quicktest-probe__';

/** Quicktest; one already made for the same content and options is not made again (search-memo.ts). */
export function quicktestScenario(scenario: Scenario, opts: QuicktestOptions = {}): QuicktestResult {
  return memoSearch('quicktest', searchKey(scenario, opts), () => exercise(scenario, opts), quicktestToJson, quicktestFromJson);
}

type QuicktestJson = Omit<QuicktestResult, 'nodes' | 'endingsByNode'> & { nodes: string[]; endingsByNode: [string, string[]][] };

function quicktestToJson(r: QuicktestResult): QuicktestJson {
  return { ...r, nodes: [...r.nodes], endingsByNode: [...r.endingsByNode].map(([node, endings]) => [node, [...endings]]) };
}

function quicktestFromJson(j: unknown): QuicktestResult {
  const r = j as QuicktestJson;
  return { ...r, nodes: new Set(r.nodes), endingsByNode: new Map(r.endingsByNode.map(([node, endings]) => [node, new Set(endings)])) };
}

function exercise(scenario: Scenario, opts: QuicktestOptions): QuicktestResult {
  const index = indexScenario(scenario);
  const seeds = opts.seeds ?? [1, 2, 3];
  // Every seat is played: some options and conditions are reachable from one seat only.
  const seats = scenario.seats.map((x) => x.id);
  const tracker = new Tracker(index);
  const reads = readsOf(scenario);
  const consults = reads.consulted.size > 0;

  // 1. Random playouts.
  for (const seat of seats) {
    for (const seed of seeds) {
      for (let run = 0; run < (opts.playouts ?? 300) && !tracker.complete(); run++) {
        playout(index, tracker, initialContext(index, percentDraw(seed, 'quicktest:seed', run) * 1000 + run, seat), seed, run);
      }
    }
  }
  // 2. Broad search with merging.
  const broadKey = stateKey(index, reads, null);
  for (const seat of seats) {
    for (const seed of seeds) {
      if (tracker.complete()) break;
      bfs(index, tracker, initialContext(index, seed, seat), broadKey, opts.maxStates ?? 1500, consults);
    }
  }
  // 3. A targeted search for each item still missing.
  for (const gap of tracker.gaps()) {
    if (!tracker.isMissing(gap)) continue;
    const site = tracker.sites.find((s) => s.key === gap.key);
    const focus = readsOf(scenario, site ? [site.when] : []);
    const key = stateKey(index, reads, focus);
    for (const seat of seats) {
      for (const seed of seeds) {
        if (!tracker.isMissing(gap)) break;
        bfs(index, tracker, initialContext(index, seed, seat), key, opts.targetedStates ?? 2000, consults, () => !tracker.isMissing(gap));
      }
    }
  }
  return tracker.result();
}

// ---- what conditions read ------------------------------------------------------------------------

interface Reads {
  flags: Set<string>;
  /** Meter → sorted cut points. */
  meters: Map<string, number[]>;
  choices: Set<string>;
  consulted: Set<string>;
  times: number[];
  polarities: Set<string>;
}

/** What the given conditions read; with no list, every condition of the scenario. */
function readsOf(scenario: Scenario, only?: Condition[]): Reads {
  const r: Reads = { flags: new Set(), meters: new Map(), choices: new Set(), consulted: new Set(), times: [], polarities: new Set() };
  const walk = (c: Condition): void => {
    c.all?.forEach(walk);
    c.any?.forEach(walk);
    if (c.not) walk(c.not);
    if (c.flag !== undefined) r.flags.add(c.flag);
    if (c.meter !== undefined) {
      const cuts = r.meters.get(c.meter) ?? [];
      for (const v of [c.lt, c.gte]) if (v !== undefined && !cuts.includes(v)) cuts.push(v);
      r.meters.set(c.meter, cuts.sort((a, b) => a - b));
    }
    if (c.chose !== undefined) r.choices.add(c.chose);
    if (c.consulted !== undefined) r.consulted.add(c.consulted);
    if (c.time) for (const v of [c.time.gte, c.time.lt]) if (v !== undefined && !r.times.includes(v)) r.times.push(v);
    if (c.polarity !== undefined) r.polarities.add(c.polarity);
  };
  (only ?? conditionSites(scenario).map((s) => s.when)).forEach(walk);
  r.times.sort((a, b) => a - b);
  return r;
}

/** The conditions that decide where play can go: option and branch conditions. */
function navigationReads(scenario: Scenario): Reads {
  const conds: Condition[] = [];
  for (const n of scenario.nodes) {
    for (const o of [...n.options, ...(n.timeout ? [n.timeout] : [])]) {
      if ('when' in o && o.when) conds.push(o.when);
      o.branches.forEach((b) => conds.push(b.when));
    }
  }
  return readsOf(scenario, conds);
}

const interval = (cuts: readonly number[], v: number): number => {
  let i = 0;
  while (i < cuts.length && v >= (cuts[i] as number)) i++;
  return i;
};

/**
 * The merge key. Broad (focus null): the node, true flags, meter intervals (the scenario's cut
 * points and bands of 20), polarity sides, the choices and consultations conditions read, the
 * clock when conditions read it, pending consequences and downsides. Focused: the node and only
 * what the focus conditions and the navigation conditions read, plus pending consequences.
 */
function stateKey(index: ScenarioIndex, all: Reads, focus: Reads | null): (ctx: EngineContext) => string {
  const scenario = index.scenario;
  const band20 = [20, 40, 60, 80];
  if (focus === null) {
    const cuts = new Map(scenario.meters.map((m) => [m.id, [...new Set([...(all.meters.get(m.id) ?? []), ...band20])].sort((a, b) => a - b)]));
    const choices = [...all.choices];
    const consulted = [...all.consulted];
    return (ctx) =>
      [
        ctx.node,
        all.times.length ? interval(all.times, ctx.clock) : '',
        Object.keys(ctx.flags).filter((f) => ctx.flags[f]).sort().join(','),
        scenario.meters.map((m) => interval(cuts.get(m.id) ?? band20, ctx.meters[m.id] ?? 0)).join(','),
        scenario.polarities.map((p) => sideOfBand(ctx.polarities[p.id] ?? 0, p.band) ?? 0).join(','),
        choices.map((c) => (ctx.choices.some((x) => `${x.node}.${x.option}` === c) ? 1 : 0)).join(''),
        consulted.map((c) => (consultedNow(ctx, c) ? 1 : 0)).join(''),
        ctx.pending.map((p) => p.ref).sort().join(','),
        ctx.downsides.join(','),
      ].join('|');
  }
  const nav = navigationReads(scenario);
  const flags = [...new Set([...focus.flags, ...nav.flags])];
  const meters = [...new Set([...focus.meters.keys(), ...nav.meters.keys()])].map(
    (m) => [m, [...new Set([...(focus.meters.get(m) ?? []), ...(nav.meters.get(m) ?? [])])].sort((a, b) => a - b)] as const,
  );
  const choices = [...new Set([...focus.choices, ...nav.choices])];
  const consulted = [...new Set([...focus.consulted, ...nav.consulted])];
  const times = [...new Set([...focus.times, ...nav.times])].sort((a, b) => a - b);
  const polarities = [...new Set([...focus.polarities, ...nav.polarities])];
  return (ctx) =>
    [
      ctx.node,
      times.length ? interval(times, ctx.clock) : '',
      flags.map((f) => (ctx.flags[f] ? 1 : 0)).join(''),
      meters.map(([m, cuts]) => interval(cuts, ctx.meters[m] ?? 0)).join(','),
      polarities.map((p) => sideOfBand(ctx.polarities[p] ?? 0, index.polarities.get(p)?.band ?? 40) ?? 0).join(','),
      choices.map((c) => (ctx.choices.some((x) => `${x.node}.${x.option}` === c) ? 1 : 0)).join(''),
      consulted.map((c) => (consultedNow(ctx, c) ? 1 : 0)).join(''),
      ctx.pending.map((p) => p.ref).sort().join(','),
    ].join('|');
}

function consultedNow(ctx: EngineContext, ref: string): boolean {
  const parts = ref.split('.');
  return parts.length === 2
    ? ctx.consulted.some((c) => c.node === parts[0] && c.adviser === parts[1])
    : ctx.consulted.some((c) => c.adviser === parts[0]);
}

// ---- moves ---------------------------------------------------------------------------------------

/** The moves a player has: each available option, the timeout, and (when asked) each adviser not yet consulted here, at most two per decision. */
function moves(index: ScenarioIndex, ctx: EngineContext, consults: boolean): EngineEvent[] {
  const node = index.nodes.get(ctx.node);
  if (!node || node.kind === 'end' || ctx.ending !== null) return [];
  const seq = ctx.seq + 1;
  const events: EngineEvent[] = availableOptions(index, ctx).map((option) => ({ type: 'decision.choose', seq, node: node.id, option }));
  if (node.timeout) events.push({ type: 'decision.timeout', seq, node: node.id });
  if (consults) {
    const here = ctx.consulted.filter((c) => c.node === node.id);
    if (here.length < 2) {
      for (const p of node.positions) {
        if (!here.some((c) => c.adviser === p.adviser)) events.push({ type: 'adviser.consult', seq, node: node.id, adviser: p.adviser });
      }
    }
  }
  return events;
}

function bfs(
  index: ScenarioIndex,
  tracker: Tracker,
  start: EngineContext,
  key: (ctx: EngineContext) => string,
  maxStates: number,
  consults: boolean,
  done: () => boolean = () => tracker.complete(),
): void {
  tracker.observeState(start);
  const seen = new Set<string>([key(start)]);
  const queue: EngineContext[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const ctx = queue[head] as EngineContext;
    for (const event of moves(index, ctx, consults)) {
      const next = reduce(index, ctx, event);
      tracker.observeTransition(ctx, event, next);
      const k = key(next);
      if (seen.has(k)) continue;
      seen.add(k);
      if (seen.size > maxStates || done()) return;
      queue.push(next);
    }
  }
}

function playout(index: ScenarioIndex, tracker: Tracker, start: EngineContext, seed: number, run: number): void {
  let ctx = start;
  tracker.observeState(ctx);
  for (let step = 0; step < 400 && ctx.ending === null; step++) {
    const all = moves(index, ctx, true);
    const decisions = all.filter((e) => e.type !== 'adviser.consult');
    const advice = all.filter((e) => e.type === 'adviser.consult');
    const consult = advice.length > 0 && percentDraw(seed, `quicktest:${run}:${step}:consult`, 0) < 25;
    const pool = consult ? advice : decisions;
    if (pool.length === 0) break;
    const event = pool[percentDraw(seed, `quicktest:${run}:${step}`, 0) % pool.length] as EngineEvent;
    const next = reduce(index, ctx, event);
    tracker.observeTransition(ctx, event, next);
    ctx = next;
  }
}

// ---- observations --------------------------------------------------------------------------------

class Tracker {
  readonly sites: ConditionSite[];
  private readonly optionHits = new Map<string, number>();
  private readonly optionPaths = new Map<string, DataPath>();
  private readonly sides = new Map<string, [number, number]>();
  private readonly bySite = new Map<string, ConditionSite>();
  private readonly probes = new Map<string, ScenarioIndex>();
  private readonly nodes = new Set<string>();
  private readonly endingsByNode = new Map<string, Set<string>>();
  private states = 0;
  private remaining: number;

  constructor(private readonly index: ScenarioIndex) {
    const scenario = index.scenario;
    this.sites = conditionSites(scenario);
    scenario.nodes.forEach((n, ni) => {
      n.options.forEach((o, oi) => this.optionPaths.set(`${n.id}.${o.id}`, ['nodes', ni, 'options', oi, 'id']));
      if (n.timeout) this.optionPaths.set(`${n.id}.timeout`, ['nodes', ni, 'timeout']);
    });
    for (const k of this.optionPaths.keys()) this.optionHits.set(k, 0);
    for (const s of this.sites) {
      this.sides.set(s.key, [0, 0]);
      this.bySite.set(s.key, s);
    }
    this.remaining = this.optionHits.size + 2 * this.sites.length;
  }

  complete(): boolean {
    return this.remaining === 0;
  }

  isMissing(gap: QuicktestGap): boolean {
    if (gap.missing === 'taken') return (this.optionHits.get(gap.key.slice('option '.length)) ?? 0) === 0;
    const s = this.sides.get(gap.key);
    return !s || s[gap.missing === 'true' ? 0 : 1] === 0;
  }

  gaps(): QuicktestGap[] {
    const out: QuicktestGap[] = [];
    for (const [k, hits] of this.optionHits) {
      if (hits === 0) out.push({ key: `option ${k}`, path: this.optionPaths.get(k) ?? [], missing: 'taken' });
    }
    for (const s of this.sites) {
      const [t, f] = this.sides.get(s.key) ?? [0, 0];
      if (t === 0) out.push({ key: s.key, path: s.path, missing: 'true' });
      if (f === 0) out.push({ key: s.key, path: s.path, missing: 'false' });
    }
    return out;
  }

  result(): QuicktestResult {
    return {
      options: [...this.optionHits].map(([key, hits]) => ({ key, hits, path: this.optionPaths.get(key) ?? [] })),
      conditions: this.sites.map((site) => {
        const [whenTrue, whenFalse] = this.sides.get(site.key) ?? [0, 0];
        return { site, whenTrue, whenFalse };
      }),
      gaps: this.gaps(),
      total: this.optionHits.size + 2 * this.sites.length,
      states: this.states,
      nodes: this.nodes,
      endingsByNode: this.endingsByNode,
    };
  }

  private hitOption(key: string): void {
    const n = this.optionHits.get(key);
    if (n === undefined) return;
    if (n === 0) this.remaining--;
    this.optionHits.set(key, n + 1);
  }

  private side(key: string, value: boolean, times = 1): void {
    const s = this.sides.get(key);
    if (!s || times <= 0) return;
    const i = value ? 0 : 1;
    if (s[i] === 0) this.remaining--;
    s[i] += times;
  }

  /** Conditions evaluated in a state at rest: option conditions, state injects, endings and benchmarks. */
  observeState(ctx: EngineContext): void {
    const { index } = this;
    this.states++;
    this.nodes.add(ctx.node);
    if (ctx.ending !== null) {
      // Endings are chosen as the end node is entered; nothing changes the state after that.
      const set = this.endingsByNode.get(ctx.node) ?? new Set<string>();
      set.add(ctx.ending);
      this.endingsByNode.set(ctx.node, set);
      for (const e of index.scenario.endings) {
        if (!e.when) break;
        const holds = conditionHolds(index, ctx, e.when);
        this.side(`ending ${e.id}`, holds);
        if (holds) break;
      }
      for (const b of index.scenario.benchmarks) this.side(`benchmark ${b.id}`, conditionHolds(index, ctx, b.when));
      return;
    }
    const node = index.nodes.get(ctx.node);
    if (node?.kind === 'decision') {
      for (const o of node.options) if (o.when) this.side(`option ${node.id}.${o.id}`, conditionHolds(index, ctx, o.when));
    }
    // Every reduce ends by firing the state injects whose `when` holds: one still waiting (and due) was false.
    for (const inj of index.scenario.injects) {
      if (!inj.when || isOptionalInject(inj)) continue;
      if (ctx.firedInjects.includes(inj.id)) this.side(`inject ${inj.id}`, true);
      else if (inj.at === undefined || inj.at <= ctx.clock) this.side(`inject ${inj.id}`, false);
    }
  }

  /** Conditions evaluated inside a step: branches, and consequences as they come due. */
  observeTransition(prev: EngineContext, event: EngineEvent, next: EngineContext): void {
    const { index } = this;
    const newChoices = next.choices.slice(prev.choices.length);
    const scheduled: string[] = [];
    for (const choice of newChoices) {
      this.hitOption(`${choice.node}.${choice.option}`);
      const node = index.nodes.get(choice.node) as ScenarioNode;
      const outcome = outcomeOf(node, choice.option);
      if (!outcome) continue;
      for (const c of outcome.consequences) scheduled.push(`${node.id}.${choice.option}.${c.id}`);
      if (outcome.branches.length) this.observeBranches(prev, event, next, node, choice.option);
    }
    // Consequences that came due in this step were evaluated: those pending before (or scheduled
    // now) and pending no more. Whether their `when` held shows as a landing or, with a chance, a draw.
    const due = new Map<string, number>();
    for (const ref of [...prev.pending.map((p) => p.ref), ...scheduled]) due.set(ref, (due.get(ref) ?? 0) + 1);
    for (const p of next.pending) due.set(p.ref, (due.get(p.ref) ?? 0) - 1);
    for (const [ref, n] of due) {
      if (n <= 0) continue;
      const c = index.consequences.get(ref);
      if (!c?.when) continue;
      const site = `consequence:${ref}`;
      const held =
        c.chance !== undefined
          ? (next.draws[site] ?? 0) - (prev.draws[site] ?? 0)
          : next.timeline.slice(prev.timeline.length).filter((t) => t.kind === 'consequence' && t.consequence === ref).length;
      this.side(`consequence ${ref}`, true, held);
      this.side(`consequence ${ref}`, false, n - held);
    }
    this.observeState(next);
  }

  /**
   * Branch conditions are evaluated inside the step, after the option's effects and time. The same
   * step is replayed against a probe copy of the node whose outcomes all lead to an empty probe node
   * without branches: its result is the state the branches were evaluated in. The branch the real
   * step took must agree; if it does not (a state inject fired on entering the probe), nothing is recorded.
   */
  private observeBranches(prev: EngineContext, event: EngineEvent, next: EngineContext, node: ScenarioNode, option: string): void {
    const probe = this.probeIndex(node);
    const at = reduce(probe, prev, event);
    const outcome = outcomeOf(node, option);
    if (!outcome) return;
    const seen: [string, boolean][] = [];
    let target = outcome.next;
    for (let i = 0; i < outcome.branches.length; i++) {
      const b = outcome.branches[i] as (typeof outcome.branches)[number];
      const holds = conditionHolds(this.index, at, b.when);
      seen.push([`branch ${node.id}.${option}#${i + 1}`, holds]);
      if (holds) {
        target = b.next;
        break;
      }
    }
    if (target !== next.node) return;
    for (const [key, holds] of seen) this.side(key, holds);
  }

  private probeIndex(node: ScenarioNode): ScenarioIndex {
    const hit = this.probes.get(node.id);
    if (hit) return hit;
    const lead = { next: PROBE, branches: [] };
    const copy: ScenarioNode = {
      ...node,
      options: node.options.map((o) => ({ ...o, ...lead })),
      ...(node.timeout ? { timeout: { ...node.timeout, ...lead } } : {}),
    };
    const probeNode: ScenarioNode = { id: PROBE, kind: 'decision', title: PROBE, positions: [], options: [], cites: [] };
    const nodes = new Map(this.index.nodes);
    nodes.set(node.id, copy);
    nodes.set(PROBE, probeNode);
    const probe: ScenarioIndex = { ...this.index, nodes };
    this.probes.set(node.id, probe);
    return probe;
  }
}
