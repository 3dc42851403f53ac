/**
 * Conditions turned into predicates once per condition object, for the hot paths (the reducer and
 * the search tools run conditions millions of times). A predicate gives exactly what
 * `evaluateCondition` gives: each kind of test it knows is written the same way, and a condition
 * with any key it does not know is handed to `evaluateCondition` itself, so a new kind of test added
 * there is never evaluated differently here (tests/engine/condition-predicate.test.ts pins the
 * equivalence on every condition of every shipped scenario).
 */
import type { Condition } from './types';
import type { EngineContext } from './state';
import type { ScenarioIndex } from './scenario-index';
import { evaluateCondition, sideOfBand } from './conditions';

export type ConditionPredicate = (index: ScenarioIndex, ctx: EngineContext) => boolean;

const KNOWN: Record<string, readonly string[]> = {
  all: ['all'],
  any: ['any'],
  not: ['not'],
  flag: ['flag', 'is'],
  meter: ['meter', 'lt', 'gte'],
  chose: ['chose'],
  consulted: ['consulted'],
  seat: ['seat'],
  time: ['time'],
  polarity: ['polarity', 'beyond'],
};

const cache = new WeakMap<Condition, ConditionPredicate>();

/** The predicate of a condition, built on first use and kept as long as the condition object lives. */
export function conditionPredicate(cond: Condition): ConditionPredicate {
  let p = cache.get(cond);
  if (!p) {
    p = build(cond);
    cache.set(cond, p);
  }
  return p;
}

/** `evaluateCondition(index, ctx, cond)`, through the cached predicate. */
export function holds(index: ScenarioIndex, ctx: EngineContext, cond: Condition): boolean {
  return conditionPredicate(cond)(index, ctx);
}

function build(cond: Condition): ConditionPredicate {
  const keys = Object.keys(cond).filter((k) => (cond as Record<string, unknown>)[k] !== undefined);
  const kind = keys.find((k) => k in KNOWN);
  const allowed = kind ? KNOWN[kind] : undefined;
  // Anything unusual (an unknown test, two tests in one object): the reference evaluator decides.
  if (!kind || !allowed || keys.some((k) => !allowed.includes(k))) return (index, ctx) => evaluateCondition(index, ctx, cond);
  const c = cond as Required<Condition>;
  switch (kind) {
    case 'all': {
      const parts = c.all.map(conditionPredicate);
      return (index, ctx) => {
        for (const p of parts) if (!p(index, ctx)) return false;
        return true;
      };
    }
    case 'any': {
      const parts = c.any.map(conditionPredicate);
      return (index, ctx) => {
        for (const p of parts) if (p(index, ctx)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = conditionPredicate(c.not);
      return (index, ctx) => !inner(index, ctx);
    }
    case 'flag': {
      const flag = c.flag;
      const want = cond.is ?? true;
      return (_index, ctx) => (ctx.flags[flag] ?? false) === want;
    }
    case 'meter': {
      const meter = c.meter;
      const lt = cond.lt;
      const gte = cond.gte;
      return (_index, ctx) => {
        const value = ctx.meters[meter] ?? 0;
        if (lt !== undefined && !(value < lt)) return false;
        if (gte !== undefined && !(value >= gte)) return false;
        return true;
      };
    }
    case 'chose': {
      const [node, option] = c.chose.split('.');
      return (_index, ctx) => {
        for (const x of ctx.choices) if (x.node === node && x.option === option) return true;
        return false;
      };
    }
    case 'consulted': {
      const parts = c.consulted.split('.');
      if (parts.length === 2) {
        const [node, adviser] = parts;
        return (_index, ctx) => ctx.consulted.some((x) => x.node === node && x.adviser === adviser);
      }
      const adviser = parts[0];
      return (_index, ctx) => ctx.consulted.some((x) => x.adviser === adviser);
    }
    case 'seat': {
      const seat = c.seat;
      return (_index, ctx) => ctx.seat === seat;
    }
    case 'time': {
      const { gte, lt } = c.time;
      return (_index, ctx) => {
        if (gte !== undefined && !(ctx.clock >= gte)) return false;
        if (lt !== undefined && !(ctx.clock < lt)) return false;
        return true;
      };
    }
    case 'polarity': {
      const polarity = c.polarity;
      const beyond = cond.beyond;
      return (index, ctx) => sideOfBand(ctx.polarities[polarity] ?? 0, index.polarities.get(polarity)?.band ?? 40) === beyond;
    }
  }
  return (index, ctx) => evaluateCondition(index, ctx, cond);
}
