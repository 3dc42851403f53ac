import type { Condition } from './types';
import type { EngineContext } from './state';
import type { ScenarioIndex } from './scenario-index';

/** Which side of its healthy band a polarity stands on, if outside it. */
export function sideOfBand(position: number, band: number): 'a' | 'b' | null {
  if (position < -band) return 'a';
  if (position > band) return 'b';
  return null;
}

/** Evaluates a structured condition against the engine state. Pure. */
export function evaluateCondition(index: ScenarioIndex, ctx: EngineContext, cond: Condition): boolean {
  if (cond.all) return cond.all.every((c) => evaluateCondition(index, ctx, c));
  if (cond.any) return cond.any.some((c) => evaluateCondition(index, ctx, c));
  if (cond.not) return !evaluateCondition(index, ctx, cond.not);
  if (cond.flag !== undefined) return (ctx.flags[cond.flag] ?? false) === (cond.is ?? true);
  if (cond.meter !== undefined) {
    const value = ctx.meters[cond.meter] ?? 0;
    if (cond.lt !== undefined && !(value < cond.lt)) return false;
    if (cond.gte !== undefined && !(value >= cond.gte)) return false;
    return true;
  }
  if (cond.chose !== undefined) {
    const [node, option] = cond.chose.split('.');
    return ctx.choices.some((c) => c.node === node && c.option === option);
  }
  if (cond.consulted !== undefined) {
    const parts = cond.consulted.split('.');
    if (parts.length === 2) return ctx.consulted.some((c) => c.node === parts[0] && c.adviser === parts[1]);
    return ctx.consulted.some((c) => c.adviser === parts[0]);
  }
  if (cond.seat !== undefined) return ctx.seat === cond.seat;
  if (cond.time !== undefined) {
    if (cond.time.gte !== undefined && !(ctx.clock >= cond.time.gte)) return false;
    if (cond.time.lt !== undefined && !(ctx.clock < cond.time.lt)) return false;
    return true;
  }
  if (cond.polarity !== undefined) {
    const band = index.polarities.get(cond.polarity)?.band ?? 40;
    return sideOfBand(ctx.polarities[cond.polarity] ?? 0, band) === cond.beyond;
  }
  return false;
}

/** The decision refs a condition reads (`chose:` tests), for causal chains. */
export function choicesReadBy(cond: Condition | undefined): { node: string; option: string }[] {
  if (!cond) return [];
  const out: { node: string; option: string }[] = [];
  const walk = (c: Condition): void => {
    c.all?.forEach(walk);
    c.any?.forEach(walk);
    if (c.not) walk(c.not);
    if (c.chose) {
      const [node = '', option = ''] = c.chose.split('.');
      out.push({ node, option });
    }
  };
  walk(cond);
  return out;
}
