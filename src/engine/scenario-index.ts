import type {
  Adviser,
  Consequence,
  Inject,
  Scenario,
  ScenarioNode,
  ScenarioOption,
  ScenarioPolarity,
  Timeout,
} from './types';

/** Lookup tables over a scenario, built once per scenario object. */
export interface ScenarioIndex {
  scenario: Scenario;
  nodes: Map<string, ScenarioNode>;
  advisers: Map<string, Adviser>;
  injects: Map<string, Inject>;
  polarities: Map<string, ScenarioPolarity>;
  /** "node.option.consequence" (option may be "timeout") → the consequence. */
  consequences: Map<string, Consequence>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const consequences = new Map<string, Consequence>();
  for (const node of scenario.nodes) {
    for (const option of node.options) {
      for (const c of option.consequences) consequences.set(`${node.id}.${option.id}.${c.id}`, c);
    }
    for (const c of node.timeout?.consequences ?? []) consequences.set(`${node.id}.timeout.${c.id}`, c);
  }
  const index: ScenarioIndex = {
    scenario,
    nodes: new Map(scenario.nodes.map((n) => [n.id, n])),
    advisers: new Map(scenario.advisers.map((a) => [a.id, a])),
    injects: new Map(scenario.injects.map((i) => [i.id, i])),
    polarities: new Map(scenario.polarities.map((p) => [p.id, p])),
    consequences,
  };
  cache.set(scenario, index);
  return index;
}

/** The outcome content chosen at a decision: an option, or the timeout. */
export type Outcome = ScenarioOption | Timeout;

export function outcomeOf(node: ScenarioNode, option: string): Outcome | undefined {
  if (option === 'timeout') return node.timeout;
  return node.options.find((o) => o.id === option);
}
