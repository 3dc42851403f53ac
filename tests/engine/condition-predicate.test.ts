import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compileFile, loadShared, ROOT, scenarioFiles } from '../../src/build/content-files';
import { availableOptions, evaluateCondition, indexScenario, initialContext, percentDraw, reduce, type EngineContext, type EngineEvent } from '../../src/engine/index';
import { conditionPredicate } from '../../src/engine/condition-predicate';
import { conditionSites } from '../../src/engine/content/condition-sites';
import type { Condition } from '../../src/engine/types';

const shared = loadShared();
const bundles = new Map<string, NonNullable<ReturnType<typeof compileFile>['bundle']>>();
/** The shipped scenario without its search of play (this test plays it itself). */
function shippedBundle(id: string): NonNullable<ReturnType<typeof compileFile>['bundle']> {
  let b = bundles.get(id);
  if (!b) {
    b = compileFile(join(ROOT, 'scenarios', id, 'scenario.yaml'), shared, { quick: true }).bundle;
    if (!b) throw new Error(`${id} has errors`);
    bundles.set(id, b);
  }
  return b;
}

const scenarios = scenarioFiles().map((f) => f.split('/').at(-2) as string);

/** States met on seeded random playthroughs from every seat, consulting now and then. */
function statesOf(id: string, runs: number): EngineContext[] {
  const index = indexScenario(shippedBundle(id).scenario);
  const out: EngineContext[] = [];
  for (const seat of index.scenario.seats.map((s) => s.id)) {
    for (let run = 0; run < runs; run++) {
      let ctx = initialContext(index, run + 1, seat);
      for (let step = 0; step < 60 && ctx.ending === null; step++) {
        out.push(ctx);
        const node = index.nodes.get(ctx.node);
        if (!node) break;
        const seq = ctx.seq + 1;
        const events: EngineEvent[] = availableOptions(index, ctx).map((option) => ({ type: 'decision.choose', seq, node: node.id, option }));
        if (node.timeout) events.push({ type: 'decision.timeout', seq, node: node.id });
        const pos = node.positions.filter((p) => !ctx.consulted.some((c) => c.node === node.id && c.adviser === p.adviser));
        if (pos.length && percentDraw(run, `c${step}`, 0) < 30) events.push({ type: 'adviser.consult', seq, node: node.id, adviser: (pos[0] as { adviser: string }).adviser });
        if (events.length === 0) break;
        ctx = reduce(index, ctx, events[percentDraw(run, `s${step}`, 0) % events.length] as EngineEvent);
      }
      out.push(ctx);
    }
  }
  return out;
}

describe('conditionPredicate()', () => {
  it.each(scenarios)('gives what evaluateCondition gives, for every condition of %s in states met in play', (id) => {
    const { scenario } = shippedBundle(id);
    const index = indexScenario(scenario);
    const conditions = conditionSites(scenario).map((s) => s.when);
    const states = statesOf(id, 8);
    let checked = 0;
    const seen = new Set<string>();
    for (const ctx of states) {
      for (const c of conditions) {
        const want = evaluateCondition(index, ctx, c);
        expect(conditionPredicate(c)(index, ctx)).toBe(want);
        seen.add(`${JSON.stringify(c)}=${want}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(seen.size).toBeGreaterThan(conditions.length); // both answers met for some conditions
  }, 60_000);

  it('hands a condition it does not know to evaluateCondition', () => {
    const { scenario } = shippedBundle(scenarios[0] as string);
    const index = indexScenario(scenario);
    const ctx = initialContext(index, 1, scenario.seats[0]?.id ?? 'hom');
    const odd = { flag: 'x', meter: 'y', lt: 1 } as unknown as Condition; // two tests in one object
    expect(conditionPredicate(odd)(index, ctx)).toBe(evaluateCondition(index, ctx, odd));
    const unknown = { someday: true } as unknown as Condition;
    expect(conditionPredicate(unknown)(index, ctx)).toBe(evaluateCondition(index, ctx, unknown));
  });

  it('is built once per condition object', () => {
    const c: Condition = { all: [{ flag: 'a' }, { not: { meter: 'm', gte: 3 } }] };
    expect(conditionPredicate(c)).toBe(conditionPredicate(c));
  });
});
