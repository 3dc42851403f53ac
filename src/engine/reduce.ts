/**
 * The scenario rules as pure functions of (scenario index, context, event). The xstate machine
 * (machine.ts) calls these through named guards and actions; nothing here reads the wall clock,
 * the unseeded random source or timers. The in-game clock moves only through events.
 */
import type { Effect, Inject, Lean, ScenarioNode } from './types';
import type { DecisionRef, EngineContext, PendingConsequence, TimelineEntry } from './state';
import { evaluateCondition, choicesReadBy, sideOfBand } from './conditions';
import { indexScenario, outcomeOf, type Outcome, type ScenarioIndex } from './scenario-index';
import { percentDraw } from './rng';
import { holds } from './condition-predicate';
import { isOptionalInject } from './facilitation';

/** The events the engine understands. `seq` is the log sequence number. */
export type EngineEvent =
  | { type: 'decision.choose'; seq: number; node: string; option: string }
  | { type: 'decision.timeout'; seq: number; node: string }
  | { type: 'adviser.consult'; seq: number; node: string; adviser: string }
  | { type: 'clock.advance'; seq: number; minutes: number }
  | { type: 'inject.arrive'; seq: number; inject: string }
  /** A facilitator fires one of the scenario's optional injects (facilitated play): it arrives now. */
  | { type: 'inject.fire'; seq: number; inject: string }
  | { type: 'note.add'; seq: number; text: string }
  /** The room's vote on the current decision (facilitated play): an annotation, no state change. */
  | { type: 'room.vote'; seq: number; node: string; tally: Record<string, number>; byRole: Record<string, string> | null }
  /**
   * A facilitator's note (FACILITATOR-ONLY): an annotation, no state change. `text` is null when the
   * note was withheld by `stripFacilitatorOnly` (the entry keeps its seq so replicas see no gap).
   */
  | { type: 'facilitator.note'; seq: number; text: string | null; node: string | null };

export type EngineEventType = EngineEvent['type'];
export const ENGINE_EVENT_TYPES: readonly EngineEventType[] = [
  'decision.choose',
  'decision.timeout',
  'adviser.consult',
  'clock.advance',
  'inject.arrive',
  'inject.fire',
  'note.add',
  'room.vote',
  'facilitator.note',
];

/** Events that annotate the log (logged, validated, replayed) without changing the game state. */
export const ANNOTATION_EVENT_TYPES: readonly EngineEventType[] = ['room.vote', 'facilitator.note'];

/** Polarity points per unit of lean weight; positions run -100..100. */
export const LEAN_STEP = 15;
/** How far a both/and move eases a polarity toward the centre, per unit of weight. */
export const BOTH_STEP = 8;
const MAX_NOTE = 2000;
/** Bounds of a room vote: voters per option, roles named in `byRole`, length of a role id. */
const MAX_VOTES = 10000;
const MAX_ROLES = 64;
const MAX_ROLE_ID = 64;

/**
 * Copies the context for an update. Entries of the timeline, samples and pending lists are never
 * mutated once added, so the lists are copied and the entries shared; records are copied. The
 * `pushedBy` lists are replaced, never mutated (applyLeans), so they are shared too: the search
 * tools run this hundreds of thousands of times.
 */
function clone(ctx: EngineContext): EngineContext {
  return {
    ...ctx,
    meters: { ...ctx.meters },
    flags: { ...ctx.flags },
    polarities: { ...ctx.polarities },
    overLeanStreak: { ...ctx.overLeanStreak },
    downsides: [...ctx.downsides],
    pushedBy: { ...ctx.pushedBy },
    choices: [...ctx.choices],
    consulted: [...ctx.consulted],
    firedInjects: [...ctx.firedInjects],
    pending: [...ctx.pending],
    draws: { ...ctx.draws },
    timeline: [...ctx.timeline],
    samples: [...ctx.samples],
  };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

// ---- initial state ----------------------------------------------------------------------------

export function initialContext(index: ScenarioIndex, seed: number, seat: string): EngineContext {
  const { scenario } = index;
  const ctx: EngineContext = {
    seed,
    seat,
    clock: scenario.clock.start,
    node: scenario.start,
    nodeEnteredAt: scenario.clock.start,
    meters: Object.fromEntries(scenario.meters.map((m) => [m.id, m.start])),
    flags: {},
    polarities: Object.fromEntries(scenario.polarities.map((p) => [p.id, 0])),
    overLeanStreak: {},
    downsides: [],
    pushedBy: {},
    choices: [],
    consulted: [],
    firedInjects: [],
    pending: [],
    scheduled: 0,
    draws: {},
    timeline: [{ kind: 'start', time: scenario.clock.start, seq: 0, node: scenario.start }],
    samples: [],
    ending: null,
    seq: 0,
  };
  enterNode(index, ctx, scenario.start);
  fireStateInjects(index, ctx);
  sample(ctx, 0);
  takeOthersDecisions(index, ctx);
  fireStateInjects(index, ctx);
  return ctx;
}

// ---- validation -------------------------------------------------------------------------------

/** Why the event cannot be applied to this state, or null when it can. */
export function refusal(index: ScenarioIndex, ctx: EngineContext, event: EngineEvent): string | null {
  if (event.seq !== ctx.seq + 1) return `expected sequence number ${ctx.seq + 1}, got ${event.seq}`;
  if (ctx.ending !== null) return 'the scenario has ended';
  if (event.type === 'note.add') {
    return typeof event.text === 'string' && event.text.length <= MAX_NOTE ? null : 'a note must be text of at most 2000 characters';
  }
  if (event.type === 'facilitator.note') {
    if (event.node !== null && !index.nodes.has(event.node)) return `unknown node "${event.node}"`;
    if (event.text === null) return null;
    return event.text.trim().length > 0 && event.text.length <= MAX_NOTE ? null : 'a facilitator note must be text of 1 to 2000 characters';
  }
  const node = index.nodes.get(ctx.node);
  if (!node) return `unknown current node "${ctx.node}"`;
  switch (event.type) {
    case 'room.vote':
      return voteRefusal(index, ctx, node, event);
    case 'decision.choose': {
      if (event.node !== ctx.node) return `the current decision is "${ctx.node}", not "${event.node}"`;
      const option = node.options.find((o) => o.id === event.option);
      if (!option) return `decision "${node.id}" has no option "${event.option}"`;
      if (option.when && !holds(index, ctx, option.when)) return `option "${option.id}" is not available now`;
      return null;
    }
    case 'decision.timeout':
      if (event.node !== ctx.node) return `the current decision is "${ctx.node}", not "${event.node}"`;
      return node.timeout ? null : `decision "${node.id}" has no timeout outcome`;
    case 'adviser.consult': {
      if (event.node !== ctx.node) return `the current decision is "${ctx.node}", not "${event.node}"`;
      if (!node.positions.some((p) => p.adviser === event.adviser)) return `adviser "${event.adviser}" has no view at "${node.id}"`;
      if (!seatAdvisers(index, ctx.seat).has(event.adviser)) return `the seat "${ctx.seat}" cannot consult "${event.adviser}"`;
      if (ctx.consulted.some((c) => c.node === node.id && c.adviser === event.adviser)) return `adviser "${event.adviser}" was already consulted`;
      return null;
    }
    case 'clock.advance':
      return Number.isInteger(event.minutes) && event.minutes > 0 && event.minutes <= 24 * 60
        ? null
        : 'the clock advances by 1 to 1440 whole minutes';
    // `inject.fire` is the facilitator's event; `inject.arrive` is its earlier name, still read in saved logs.
    case 'inject.fire':
    case 'inject.arrive': {
      const inject = index.injects.get(event.inject);
      if (!inject) return `unknown inject "${event.inject}"`;
      if (!isOptionalInject(inject)) return `inject "${inject.id}" arrives by itself; only optional injects can be fired`;
      if (ctx.firedInjects.includes(inject.id)) return `inject "${inject.id}" has already arrived`;
      if (!reachesSeat(inject, ctx.seat)) return `inject "${inject.id}" is not for the seat "${ctx.seat}"`;
      return null;
    }
  }
}

function voteRefusal(
  index: ScenarioIndex,
  ctx: EngineContext,
  node: ScenarioNode,
  event: Extract<EngineEvent, { type: 'room.vote' }>,
): string | null {
  if (event.node !== ctx.node) return `the current decision is "${ctx.node}", not "${event.node}"`;
  const available = (id: string): string | null => {
    const option = node.options.find((o) => o.id === id);
    if (!option) return `decision "${node.id}" has no option "${id}"`;
    if (option.when && !evaluateCondition(index, ctx, option.when)) return `option "${option.id}" is not available now`;
    return null;
  };
  const tally = Object.entries(event.tally);
  if (tally.length === 0) return 'a vote needs a tally of at least one option';
  for (const [option, count] of tally) {
    const why = available(option);
    if (why) return why;
    if (!Number.isInteger(count) || count < 0 || count > MAX_VOTES) return `the votes for "${option}" must be a whole number from 0 to ${MAX_VOTES}`;
  }
  if (event.byRole) {
    const roles = Object.entries(event.byRole);
    if (roles.length > MAX_ROLES) return `a vote names at most ${MAX_ROLES} roles`;
    for (const [role, option] of roles) {
      if (role.length === 0 || role.length > MAX_ROLE_ID) return `a role id must be 1 to ${MAX_ROLE_ID} characters`;
      const why = available(option);
      if (why) return why;
    }
  }
  return null;
}

// ---- the reducer ------------------------------------------------------------------------------

/** Applies an accepted event; returns a new context. Call `refusal` first. */
export function reduce(index: ScenarioIndex, prev: EngineContext, event: EngineEvent): EngineContext {
  const ctx = clone(prev);
  ctx.seq = event.seq;
  switch (event.type) {
    case 'note.add':
      ctx.timeline.push({ kind: 'note', time: ctx.clock, seq: ctx.seq, note: event.text });
      return ctx;
    case 'room.vote':
    case 'facilitator.note':
      return ctx; // annotations: logged and replayed, the game state does not change
    case 'decision.choose':
      decide(index, ctx, event.option);
      break;
    case 'decision.timeout':
      decide(index, ctx, 'timeout');
      break;
    case 'adviser.consult': {
      const adviser = index.advisers.get(event.adviser);
      ctx.consulted.push({ node: ctx.node, adviser: event.adviser });
      ctx.timeline.push({ kind: 'consult', time: ctx.clock, seq: ctx.seq, node: ctx.node, adviser: event.adviser });
      advanceClock(index, ctx, ctx.clock + (adviser?.consultMinutes ?? 0));
      timeoutIfLate(index, ctx);
      break;
    }
    case 'clock.advance':
      ctx.timeline.push({ kind: 'wait', time: ctx.clock, seq: ctx.seq, node: ctx.node });
      advanceClock(index, ctx, ctx.clock + event.minutes);
      timeoutIfLate(index, ctx);
      break;
    case 'inject.fire':
    case 'inject.arrive': {
      const inject = index.injects.get(event.inject);
      if (inject) fireInject(index, ctx, inject.id, ctx.clock);
      break;
    }
  }
  fireStateInjects(index, ctx);
  return ctx;
}

/** The in-game time by which the current decision must be taken, if it has a deadline. */
export function deadlineOf(index: ScenarioIndex, ctx: EngineContext): number | null {
  const node = index.nodes.get(ctx.node);
  return node?.deadline !== undefined && node.kind === 'decision' ? ctx.nodeEnteredAt + node.deadline : null;
}

function timeoutIfLate(index: ScenarioIndex, ctx: EngineContext): void {
  const deadline = deadlineOf(index, ctx);
  const node = index.nodes.get(ctx.node);
  if (deadline !== null && node?.timeout && ctx.ending === null && ctx.clock >= deadline) decide(index, ctx, 'timeout');
}

/** The advisers a seat can consult. */
export function advisersOfSeat(index: ScenarioIndex, seatId: string): Set<string> {
  const seat = index.scenario.seats.find((x) => x.id === seatId);
  return new Set(seat?.advisers ?? index.scenario.advisers.map((a) => a.id));
}

const seatAdviserCache = new WeakMap<ScenarioIndex, Map<string, ReadonlySet<string>>>();
/** advisersOfSeat, built once per scenario and seat (refusal asks on every guard the machine tries). */
function seatAdvisers(index: ScenarioIndex, seatId: string): ReadonlySet<string> {
  let bySeat = seatAdviserCache.get(index);
  if (!bySeat) seatAdviserCache.set(index, (bySeat = new Map()));
  let set = bySeat.get(seatId);
  if (!set) bySeat.set(seatId, (set = advisersOfSeat(index, seatId)));
  return set;
}

/** Whether the player's seat owns the decision at this node. */
export function ownsDecision(node: ScenarioNode, seat: string): boolean {
  return !node.owners || node.owners.includes(seat);
}

/** Whether an inject reaches the player's seat (private information reaches only its seats). */
export function reachesSeat(inject: { seats?: string[] | undefined }, seat: string): boolean {
  return !inject.seats || inject.seats.includes(seat);
}

/** The option the owner of a decision takes when the player's seat does not own it. */
export function npcOption(index: ScenarioIndex, ctx: EngineContext, node: ScenarioNode): string | null {
  const rule = (node.npc ?? []).find((r) => !r.when || holds(index, ctx, r.when));
  return rule?.option ?? null;
}

/** Takes, in turn, every decision the player's seat does not own, as its owner would. */
function takeOthersDecisions(index: ScenarioIndex, ctx: EngineContext): void {
  const node = index.nodes.get(ctx.node);
  if (!node || node.kind !== 'decision' || ctx.ending !== null || ownsDecision(node, ctx.seat)) return;
  const option = npcOption(index, ctx, node);
  if (option === null) return; // the checker rejects this (SCN034)
  decide(index, ctx, option, node.owners?.[0] ?? 'npc');
}

function decide(index: ScenarioIndex, ctx: EngineContext, optionId: string, by?: string): void {
  const node = index.nodes.get(ctx.node) as ScenarioNode;
  const outcome = outcomeOf(node, optionId) as Outcome;
  // A timeout means the in-game deadline has passed: whatever was due before it lands first.
  if (optionId === 'timeout' && node.deadline !== undefined) {
    advanceClock(index, ctx, Math.max(ctx.clock, ctx.nodeEnteredAt + node.deadline));
  }
  const ref: DecisionRef = { node: node.id, option: optionId };
  ctx.choices.push(ref);
  const entry: TimelineEntry = {
    kind: optionId === 'timeout' ? 'timeout' : 'decision',
    time: ctx.clock,
    seq: ctx.seq,
    node: node.id,
    option: optionId,
    deltas: {},
    ...(by ? { by } : {}),
  };
  ctx.timeline.push(entry);
  applyEffects(ctx, outcome.effects, entry);
  applyLeans(ctx, outcome.leans, ref);
  for (const c of outcome.consequences) {
    ctx.pending.push({ ref: `${node.id}.${optionId}.${c.id}`, due: ctx.clock + c.delay, cause: ref, order: ctx.scheduled++ });
  }
  checkOverLeaning(index, ctx);
  const minutes = 'minutes' in outcome ? outcome.minutes : 0;
  advanceClock(index, ctx, ctx.clock + minutes);
  const branch = outcome.branches.find((b) => holds(index, ctx, b.when));
  enterNode(index, ctx, branch ? branch.next : outcome.next);
  sample(ctx, ctx.choices.length);
  takeOthersDecisions(index, ctx);
}

function enterNode(index: ScenarioIndex, ctx: EngineContext, nodeId: string): void {
  const node = index.nodes.get(nodeId);
  ctx.node = nodeId;
  if (!node) return;
  advanceClock(index, ctx, Math.max(ctx.clock, node.at ?? ctx.clock));
  ctx.nodeEnteredAt = ctx.clock;
  if (node.kind === 'end') {
    // Whatever is already due has landed; pending consequences beyond the end are dropped.
    const ending = index.scenario.endings.find((e) => !e.when || holds(index, ctx, e.when));
    ctx.ending = ending?.id ?? null;
    ctx.timeline.push({ kind: 'ending', time: ctx.clock, seq: ctx.seq, ending: ctx.ending ?? undefined, node: nodeId });
  }
}

export function applyEffects(ctx: EngineContext, effects: readonly Effect[], entry: TimelineEntry): void {
  for (const effect of effects) {
    if ('meter' in effect) {
      const before = ctx.meters[effect.meter] ?? 0;
      const after = clamp(before + effect.add, 0, 100);
      ctx.meters[effect.meter] = after;
      entry.deltas ??= {};
      entry.deltas[effect.meter] = (entry.deltas[effect.meter] ?? 0) + (after - before);
    } else {
      ctx.flags[effect.flag] = effect.set;
    }
  }
}

function applyLeans(ctx: EngineContext, leans: readonly Lean[], ref: DecisionRef): void {
  for (const lean of leans) {
    const pos = ctx.polarities[lean.polarity] ?? 0;
    const next =
      lean.toward === 'a'
        ? pos - LEAN_STEP * lean.weight
        : lean.toward === 'b'
          ? pos + LEAN_STEP * lean.weight
          : Math.sign(pos) * Math.max(0, Math.abs(pos) - BOTH_STEP * lean.weight);
    ctx.polarities[lean.polarity] = clamp(next, -100, 100);
    if (lean.toward !== 'both') {
      const key = `${lean.polarity}.${lean.toward}`;
      const list = [...(ctx.pushedBy[key] ?? []), ref];
      if (list.length > 4) list.shift();
      ctx.pushedBy[key] = list;
    }
  }
}

const poleKeyCache = new WeakMap<ScenarioIndex, { a: string; b: string }[]>();
/** "polarity.a" and "polarity.b" for each declared polarity, built once per scenario. */
function poleKeys(index: ScenarioIndex): { a: string; b: string }[] {
  let keys = poleKeyCache.get(index);
  if (!keys) {
    keys = index.scenario.polarities.map((p) => ({ a: `${p.id}.a`, b: `${p.id}.b` }));
    poleKeyCache.set(index, keys);
  }
  return keys;
}

function checkOverLeaning(index: ScenarioIndex, ctx: EngineContext): void {
  const keys = poleKeys(index);
  index.scenario.polarities.forEach((p, i) => {
    const side = sideOfBand(ctx.polarities[p.id] ?? 0, p.band);
    for (const pole of ['a', 'b'] as const) {
      const key = (keys[i] as { a: string; b: string })[pole];
      ctx.overLeanStreak[key] = side === pole ? (ctx.overLeanStreak[key] ?? 0) + 1 : 0;
      const downside = pole === 'a' ? p.downsideA : p.downsideB;
      if (side === pole && (ctx.overLeanStreak[key] ?? 0) >= p.persistence && !ctx.downsides.includes(key)) {
        ctx.downsides.push(key);
        const entry: TimelineEntry = {
          kind: 'overlean',
          time: ctx.clock,
          seq: ctx.seq,
          polarity: p.id,
          pole,
          causes: [...(ctx.pushedBy[key] ?? [])],
          deltas: {},
        };
        ctx.timeline.push(entry);
        if (downside) applyEffects(ctx, downside.effects, entry);
      }
    }
  });
}

/** Moves the clock forward to `to`, landing due consequences and timed injects in time order. */
function advanceClock(index: ScenarioIndex, ctx: EngineContext, to: number): void {
  fireStateInjects(index, ctx);
  for (;;) {
    const nextConsequence = earliest(ctx.pending);
    const nextInject = nextTimedInject(index, ctx, to);
    const injectDue = nextInject?.at ?? Infinity;
    const consequenceDue = nextConsequence && nextConsequence.due <= to ? nextConsequence.due : Infinity;
    if (injectDue === Infinity && consequenceDue === Infinity) break;
    if (injectDue <= consequenceDue && nextInject) {
      ctx.clock = Math.max(ctx.clock, injectDue);
      fireInject(index, ctx, nextInject.id, ctx.clock);
    } else if (nextConsequence) {
      ctx.clock = Math.max(ctx.clock, consequenceDue);
      ctx.pending = ctx.pending.filter((p) => p !== nextConsequence);
      land(index, ctx, nextConsequence.ref, nextConsequence.cause);
    }
    fireStateInjects(index, ctx);
  }
  ctx.clock = Math.max(ctx.clock, to);
}

/**
 * The timed inject due first (by `at`, then scenario order) at or before `to`. An inject with both `at`
 * and `when` is due at its `at` when its condition holds at that time; the state cannot change before
 * then except by an earlier event, and the loop in advanceClock takes those first and asks again.
 * (Once its `at` has passed, fireStateInjects fires it as soon as its condition holds.)
 */
function nextTimedInject(index: ScenarioIndex, ctx: EngineContext, to: number): Inject | undefined {
  let best: Inject | undefined;
  for (const i of index.scenario.injects) {
    if (isOptionalInject(i) || i.at === undefined || i.at > to || (best?.at !== undefined && i.at >= best.at)) continue;
    if (ctx.firedInjects.includes(i.id) || !reachesSeat(i, ctx.seat)) continue;
    if (i.when) {
      if (i.at <= ctx.clock || ctx.ending !== null) continue;
      // Read at its `at` without copying the context: the clock is put back at once.
      const clock = ctx.clock;
      ctx.clock = i.at;
      const due = holds(index, ctx, i.when);
      ctx.clock = clock;
      if (!due) continue;
    }
    best = i;
  }
  return best;
}

/** The pending consequence due first (by due time, then scheduling order), as a stable sort would put first. */
function earliest(pending: readonly PendingConsequence[]): PendingConsequence | undefined {
  let best: PendingConsequence | undefined;
  for (const p of pending) if (!best || p.due < best.due || (p.due === best.due && p.order < best.order)) best = p;
  return best;
}

function land(index: ScenarioIndex, ctx: EngineContext, ref: string, cause: DecisionRef): void {
  const c = index.consequences.get(ref);
  if (!c) return;
  if (c.when && !holds(index, ctx, c.when)) return;
  if (c.chance !== undefined) {
    const site = `consequence:${ref}`;
    const n = ctx.draws[site] ?? 0;
    ctx.draws[site] = n + 1;
    if (percentDraw(ctx.seed, site, n) >= c.chance) return;
  }
  const causes = [cause, ...choicesReadBy(c.when).filter((r) => !(r.node === cause.node && r.option === cause.option))];
  const entry: TimelineEntry = { kind: 'consequence', time: ctx.clock, seq: ctx.seq, consequence: ref, causes, deltas: {} };
  ctx.timeline.push(entry);
  applyEffects(ctx, c.effects, entry);
}

function fireInject(index: ScenarioIndex, ctx: EngineContext, id: string, time: number): void {
  const inject = index.injects.get(id);
  if (!inject || ctx.firedInjects.includes(id)) return;
  ctx.firedInjects.push(id);
  const entry: TimelineEntry = {
    kind: 'inject',
    time,
    seq: ctx.seq,
    inject: id,
    causes: choicesReadBy(inject.when),
    deltas: {},
  };
  ctx.timeline.push(entry);
  applyEffects(ctx, inject.effects, entry);
}

const stateInjectCache = new WeakMap<ScenarioIndex, Inject[]>();
/** The injects that arrive by themselves when their `when` holds, in scenario order. */
function stateInjects(index: ScenarioIndex): Inject[] {
  let list = stateInjectCache.get(index);
  if (!list) {
    list = index.scenario.injects.filter((i) => !isOptionalInject(i) && i.when);
    stateInjectCache.set(index, list);
  }
  return list;
}

/** State-triggered injects: those with a `when` that now holds (and whose `at`, if any, has come). */
function fireStateInjects(index: ScenarioIndex, ctx: EngineContext): void {
  if (ctx.ending !== null) return;
  let fired = true;
  while (fired) {
    fired = false;
    for (const inject of stateInjects(index)) {
      if (ctx.firedInjects.includes(inject.id) || !reachesSeat(inject, ctx.seat)) continue;
      if (inject.at !== undefined && inject.at > ctx.clock) continue;
      if (inject.when && holds(index, ctx, inject.when)) {
        fireInject(index, ctx, inject.id, ctx.clock);
        fired = true;
      }
    }
  }
}

function sample(ctx: EngineContext, step: number): void {
  ctx.samples.push({ seq: ctx.seq, time: ctx.clock, step, meters: { ...ctx.meters }, polarities: { ...ctx.polarities } });
}

/** Options offered at the current decision (conditions applied). */
export function availableOptions(index: ScenarioIndex, ctx: EngineContext): string[] {
  const node = index.nodes.get(ctx.node);
  if (!node || ctx.ending !== null) return [];
  return node.options.filter((o) => !o.when || holds(index, ctx, o.when)).map((o) => o.id);
}

export { indexScenario };
