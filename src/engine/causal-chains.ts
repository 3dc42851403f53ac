/**
 * Causal chains of a finished (or partial) run, read from what the engine recorded: the decisions a
 * timeline entry names as its causes, the `chose:` tests of the condition that let it happen, and the
 * earlier events that moved the meters or set the flags that condition reads. Pure: the debrief's
 * "why did this happen?" and "what followed from this decision?" lists are functions of
 * (scenario, timeline).
 */
import type { Condition, Effect } from './types';
import type { DecisionRef, TimelineEntry } from './state';
import { choicesReadBy } from './conditions';
import { indexScenario, outcomeOf, type ScenarioIndex } from './scenario-index';
import type { Scenario } from './types';

/** Why a cause is listed. */
export type CauseReason =
  /** The engine recorded this decision as the cause (a consequence's decision, the pushes behind an over-lean). */
  | 'recorded'
  /** The condition that let the event happen tests this choice. */
  | 'condition'
  /** The event moved a meter the condition reads. */
  | 'meter'
  /** The event set a flag the condition reads. */
  | 'flag';

export interface CausalLink {
  /** Index of the causing entry in the timeline. */
  index: number;
  entry: TimelineEntry;
  reason: CauseReason;
  /** The meter or flag behind a 'meter' / 'flag' reason. */
  via?: string;
}

const isDecision = (e: TimelineEntry): boolean => e.kind === 'decision' || e.kind === 'timeout';

/** The meters and flags a condition reads. */
export function conditionReads(cond: Condition | undefined): { meters: Set<string>; flags: Set<string> } {
  const meters = new Set<string>();
  const flags = new Set<string>();
  const walk = (c: Condition): void => {
    c.all?.forEach(walk);
    c.any?.forEach(walk);
    if (c.not) walk(c.not);
    if (c.meter !== undefined) meters.add(c.meter);
    if (c.flag !== undefined) flags.add(c.flag);
  };
  if (cond) walk(cond);
  return { meters, flags };
}

/** The effects an entry applied, looked up in the content (decisions, injects, consequences, downsides). */
function effectsOf(index: ScenarioIndex, e: TimelineEntry): readonly Effect[] {
  switch (e.kind) {
    case 'decision':
    case 'timeout': {
      const node = e.node ? index.nodes.get(e.node) : undefined;
      return (node && e.option ? outcomeOf(node, e.option)?.effects : undefined) ?? [];
    }
    case 'inject':
      return (e.inject ? index.injects.get(e.inject)?.effects : undefined) ?? [];
    case 'consequence':
      return (e.consequence ? index.consequences.get(e.consequence)?.effects : undefined) ?? [];
    case 'overlean': {
      const p = e.polarity ? index.polarities.get(e.polarity) : undefined;
      return (e.pole === 'a' ? p?.downsideA?.effects : p?.downsideB?.effects) ?? [];
    }
    default:
      return [];
  }
}

/** The condition under which an entry happened (what to look for causes in). */
function conditionOf(index: ScenarioIndex, e: TimelineEntry): Condition | undefined {
  switch (e.kind) {
    case 'inject':
      return e.inject ? index.injects.get(e.inject)?.when : undefined;
    case 'consequence':
      return e.consequence ? index.consequences.get(e.consequence)?.when : undefined;
    case 'ending': {
      const ending = index.scenario.endings.find((x) => x.id === e.ending);
      return ending?.when;
    }
    default:
      return undefined;
  }
}

/** The timeline index of the decision entry for a reference, at or before `before`. */
function decisionIndex(timeline: readonly TimelineEntry[], ref: DecisionRef, before: number): number {
  for (let i = Math.min(before, timeline.length - 1); i >= 0; i--) {
    const e = timeline[i] as TimelineEntry;
    if (isDecision(e) && e.node === ref.node && e.option === ref.option) return i;
  }
  return -1;
}

/**
 * The decisions and injects that caused the timeline entry at `target`: the decisions the engine
 * recorded, those whose choice its condition tests, and the earlier decisions, injects, consequences
 * and over-leans that moved a meter or set a flag its condition reads. Each cause once, in time order.
 */
export function causesOf(scenario: Scenario, timeline: readonly TimelineEntry[], target: number): CausalLink[] {
  const entry = timeline[target];
  if (!entry) return [];
  const index = indexScenario(scenario);
  const links = new Map<number, CausalLink>();
  const add = (i: number, reason: CauseReason, via?: string): void => {
    if (i < 0 || i === target || links.has(i)) return;
    links.set(i, { index: i, entry: timeline[i] as TimelineEntry, reason, ...(via !== undefined ? { via } : {}) });
  };
  if (!isDecision(entry)) {
    for (const ref of entry.causes ?? []) add(decisionIndex(timeline, ref, target), 'recorded');
  }
  const cond = conditionOf(index, entry);
  for (const ref of choicesReadBy(cond)) add(decisionIndex(timeline, ref, target), 'condition');
  const { meters, flags } = conditionReads(cond);
  if (meters.size || flags.size) {
    for (let i = 0; i < target; i++) {
      const e = timeline[i] as TimelineEntry;
      if (e.kind === 'start' || e.kind === 'ending' || e.kind === 'note' || e.kind === 'wait' || e.kind === 'consult') continue;
      const meter = Object.entries(e.deltas ?? {}).find(([m, d]) => d !== 0 && meters.has(m))?.[0];
      if (meter !== undefined) {
        add(i, 'meter', meter);
        continue;
      }
      const flag = effectsOf(index, e).find((f): f is Extract<Effect, { flag: string }> => 'flag' in f && flags.has(f.flag));
      if (flag) add(i, 'flag', flag.flag);
    }
  }
  return [...links.values()].sort((a, b) => a.index - b.index);
}

export interface Aftermath {
  index: number;
  entry: TimelineEntry;
  /** How it followed: recorded as caused by the decision, its condition tests the decision, or the decision moved what it reads. */
  reason: CauseReason;
  via?: string;
}

/**
 * Everything that followed from the decision entry at `source`: each later consequence, inject,
 * over-lean and the ending whose causes (as causesOf finds them) include it, in time order.
 */
export function aftermathOf(scenario: Scenario, timeline: readonly TimelineEntry[], source: number): Aftermath[] {
  const decision = timeline[source];
  if (!decision || !isDecision(decision) || !decision.node || !decision.option) return [];
  const out: Aftermath[] = [];
  for (let i = source + 1; i < timeline.length; i++) {
    const e = timeline[i] as TimelineEntry;
    if (e.kind !== 'consequence' && e.kind !== 'inject' && e.kind !== 'overlean' && e.kind !== 'ending') continue;
    const link = causesOf(scenario, timeline, i).find((l) => l.index === source);
    if (link) out.push({ index: i, entry: e, reason: link.reason, ...(link.via !== undefined ? { via: link.via } : {}) });
  }
  return out;
}
