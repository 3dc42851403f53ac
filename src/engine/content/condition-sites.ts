/**
 * Every place a scenario author wrote a condition the engine evaluates during play, with its data
 * path (for file:line:col) and a short readable location ("a7t.hold branch 1"). Quicktest tries to
 * see each of them both true and false; the graph summarises the branch conditions.
 */
import type { Condition, Scenario } from '../types';
import type { DataPath } from './source-file';
import { isOptionalInject } from '../facilitation';

export type ConditionSiteKind = 'option' | 'branch' | 'consequence' | 'inject' | 'ending' | 'benchmark';

export interface ConditionSite {
  /** A stable readable key: "option a2.public-line", "branch a7t.hold#1", "consequence a1.collect-more.clearance-slow", "inject village-video", "ending bluff-called", "benchmark key-sites-secured". */
  key: string;
  kind: ConditionSiteKind;
  /** The data path of the `when` in the source file. */
  path: DataPath;
  when: Condition;
}

export function conditionSites(scenario: Scenario): ConditionSite[] {
  const out: ConditionSite[] = [];
  scenario.nodes.forEach((node, ni) => {
    const outcomes = node.options.map((o, oi) => ({ id: o.id, base: ['nodes', ni, 'options', oi] as DataPath, outcome: o }));
    if (node.timeout) outcomes.push({ id: 'timeout', base: ['nodes', ni, 'timeout'], outcome: { ...node.timeout, id: 'timeout', label: '', minutes: 0 } });
    for (const { id, base, outcome } of outcomes) {
      if ('when' in outcome && outcome.when) out.push({ key: `option ${node.id}.${id}`, kind: 'option', path: [...base, 'when'], when: outcome.when });
      outcome.branches.forEach((b, bi) =>
        out.push({ key: `branch ${node.id}.${id}#${bi + 1}`, kind: 'branch', path: [...base, 'branches', bi, 'when'], when: b.when }),
      );
      outcome.consequences.forEach((c, ci) => {
        if (c.when) out.push({ key: `consequence ${node.id}.${id}.${c.id}`, kind: 'consequence', path: [...base, 'consequences', ci, 'when'], when: c.when });
      });
    }
  });
  scenario.injects.forEach((inj, i) => {
    // An optional inject's `when` is never evaluated: a facilitator fires it.
    if (inj.when && !isOptionalInject(inj)) out.push({ key: `inject ${inj.id}`, kind: 'inject', path: ['injects', i, 'when'], when: inj.when });
  });
  scenario.endings.forEach((e, i) => {
    if (e.when) out.push({ key: `ending ${e.id}`, kind: 'ending', path: ['endings', i, 'when'], when: e.when });
  });
  scenario.benchmarks.forEach((b, i) => out.push({ key: `benchmark ${b.id}`, kind: 'benchmark', path: ['benchmarks', i, 'when'], when: b.when }));
  return out;
}
