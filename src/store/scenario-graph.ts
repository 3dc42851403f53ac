/**
 * The scenario as a node-link graph for the authoring preview: nodes laid out in columns by their
 * depth from the start (breadth-first), edges for every option, branch and timeout, and the path
 * the current session took highlighted. Pure data; the view draws it as SVG.
 */
import { successorsOf, type EngineSnapshot, type ScenarioBundle } from '../engine';

export const GRAPH_NODE_W = 150;
export const GRAPH_NODE_H = 44;
const COL_GAP = 60;
const ROW_GAP = 18;
const PAD = 10;

export interface GraphNode {
  id: string;
  title: string;
  kind: 'decision' | 'end';
  depth: number;
  x: number;
  y: number;
  current: boolean;
  visited: boolean;
  /** No option, branch or timeout leads here from the start. */
  unreachable: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  visited: boolean;
}

export interface ScenarioGraph {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The nodes visited, in order (the path taken), ending with the current node. */
  path: string[];
}

/** The path taken: each decided node in order, then the current node. */
export function pathTaken(snapshot: EngineSnapshot | null, start: string): string[] {
  if (!snapshot) return [];
  const path = snapshot.context.choices.map((c) => c.node);
  if (!path.length) path.push(start);
  if (path.at(-1) !== snapshot.node) path.push(snapshot.node);
  return path;
}

export function scenarioGraph(bundle: ScenarioBundle, snapshot: EngineSnapshot | null): ScenarioGraph {
  const { scenario } = bundle;
  const depth = new Map<string, number>([[scenario.start, 0]]);
  const queue = [scenario.start];
  while (queue.length) {
    const id = queue.shift() as string;
    for (const next of successorsOf(scenario, id)) {
      if (!depth.has(next)) {
        depth.set(next, (depth.get(id) ?? 0) + 1);
        queue.push(next);
      }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const columns = new Map<number, string[]>();
  for (const n of scenario.nodes) {
    const d = depth.get(n.id) ?? maxDepth + 1;
    columns.set(d, [...(columns.get(d) ?? []), n.id]);
  }
  const path = pathTaken(snapshot, scenario.start);
  const visited = new Set(path);
  const visitedEdges = new Set(path.slice(1).map((to, i) => `${path[i]}→${to}`));
  const pos = new Map<string, { x: number; y: number }>();
  let rows = 0;
  for (const [d, ids] of columns) {
    ids.forEach((id, i) => pos.set(id, { x: PAD + d * (GRAPH_NODE_W + COL_GAP), y: PAD + i * (GRAPH_NODE_H + ROW_GAP) }));
    rows = Math.max(rows, ids.length);
  }
  const nodes: GraphNode[] = scenario.nodes.map((n) => {
    const p = pos.get(n.id) ?? { x: 0, y: 0 };
    return {
      id: n.id,
      title: n.title,
      kind: n.kind === 'end' ? 'end' : 'decision',
      depth: depth.get(n.id) ?? maxDepth + 1,
      x: p.x,
      y: p.y,
      current: snapshot?.node === n.id,
      visited: visited.has(n.id),
      unreachable: !depth.has(n.id),
    };
  });
  const edges: GraphEdge[] = [];
  for (const n of scenario.nodes) {
    const a = pos.get(n.id);
    if (!a) continue;
    for (const to of successorsOf(scenario, n.id)) {
      const b = pos.get(to);
      if (!b) continue;
      edges.push({
        from: n.id,
        to,
        x1: a.x + GRAPH_NODE_W,
        y1: a.y + GRAPH_NODE_H / 2,
        x2: b.x,
        y2: b.y + GRAPH_NODE_H / 2,
        visited: visitedEdges.has(`${n.id}→${to}`),
      });
    }
  }
  const cols = Math.max(...columns.keys()) + 1;
  return {
    width: PAD * 2 + cols * GRAPH_NODE_W + (cols - 1) * COL_GAP,
    height: PAD * 2 + rows * GRAPH_NODE_H + Math.max(0, rows - 1) * ROW_GAP,
    nodes,
    edges,
    path,
  };
}
