/**
 * The scenario as a graph for authors: nodes by kind, an edge per option, branch and timeout (with
 * branch and option conditions summarised), and for each end node the endings play was seen to reach
 * there (found by quicktest's search of real play, so an ending no play reaches is not drawn).
 */
import type { Scenario } from '../types';
import { quicktestScenario } from './quicktest';
import { summariseCondition } from './summarise-condition';

export interface GraphNode {
  id: string;
  kind: 'decision' | 'end';
  title: string;
  /** For end nodes: the endings reached there. */
  endings: string[];
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The option id, or "timeout". */
  option: string;
  kind: 'option' | 'branch' | 'timeout';
  /** The option's `when`, or the branch's, summarised. */
  condition?: string;
  /** "convene-cmt", "hold [consent≥55]", "timeout", "hold (if none of its branches holds)". */
  label: string;
}

export interface GraphEnding {
  id: string;
  title: string;
  tone: string;
  condition?: string;
}

export interface ScenarioGraph {
  id: string;
  title: string;
  start: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  endings: GraphEnding[];
}

export function scenarioGraph(scenario: Scenario): ScenarioGraph {
  const reached = quicktestScenario(scenario).endingsByNode;
  const edges: GraphEdge[] = [];
  for (const n of scenario.nodes) {
    const outcomes = [
      ...n.options.map((o) => ({ option: o.id, kind: 'option' as const, when: o.when, next: o.next, branches: o.branches })),
      ...(n.timeout ? [{ option: 'timeout', kind: 'timeout' as const, when: undefined, next: n.timeout.next, branches: n.timeout.branches }] : []),
    ];
    for (const o of outcomes) {
      const gate = o.when ? summariseCondition(o.when) : undefined;
      const base = gate ? `${o.option} [if ${gate}]` : o.option;
      o.branches.forEach((b) => {
        const condition = summariseCondition(b.when);
        edges.push({ from: n.id, to: b.next, option: o.option, kind: 'branch', condition, label: `${base} → if ${condition}` });
      });
      edges.push({
        from: n.id,
        to: o.next,
        option: o.option,
        kind: o.kind,
        ...(gate ? { condition: gate } : {}),
        label: o.branches.length ? `${base} (otherwise)` : base,
      });
    }
  }
  return {
    id: scenario.id,
    title: scenario.title,
    start: scenario.start,
    nodes: scenario.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      endings: n.kind === 'end' ? scenario.endings.map((e) => e.id).filter((e) => reached.get(n.id)?.has(e)) : [],
    })),
    edges,
    endings: scenario.endings.map((e) => ({ id: e.id, title: e.title, tone: e.tone, ...(e.when ? { condition: summariseCondition(e.when) } : {}) })),
  };
}
