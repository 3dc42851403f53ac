/**
 * Text renderings of a ScenarioGraph: Mermaid (paste into Markdown), Graphviz DOT, and a
 * self-contained HTML page with an inline SVG drawing (no scripts, fonts or styles from elsewhere:
 * an author can open the file offline).
 */
import type { GraphEdge, ScenarioGraph } from '../engine/content/scenario-graph';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'html'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export function renderGraph(graph: ScenarioGraph, format: GraphFormat): string {
  if (format === 'mermaid') return renderMermaid(graph);
  if (format === 'dot') return renderDot(graph);
  return renderHtml(graph);
}

// ---- Mermaid -------------------------------------------------------------------------------------

function renderMermaid(g: ScenarioGraph): string {
  // Mermaid ids are positional (n0, e0): node ids such as "end" are keywords there.
  const nid = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const eid = new Map(g.endings.map((e, i) => [e.id, `e${i}`]));
  const q = (s: string): string => `"${s.replace(/"/g, '#quot;')}"`;
  const lines = [`%% ${g.title} (${g.id}): decisions are boxes, end nodes rounded, endings hexagons`, 'flowchart TD'];
  for (const n of g.nodes) {
    const label = q(`${n.id}: ${n.title}`);
    lines.push(`  ${nid.get(n.id)}${n.kind === 'end' ? `([${label}])` : `[${label}]`}`);
  }
  for (const e of g.endings) lines.push(`  ${eid.get(e.id)}{{${q(`ending ${e.id}: ${e.title}${e.condition ? ` — if ${e.condition}` : ''}`)}}}`);
  for (const e of g.edges) {
    const arrow = e.kind === 'timeout' ? '-.->' : '-->';
    lines.push(`  ${nid.get(e.from)} ${arrow}|${q(e.label)}| ${nid.get(e.to) ?? missingId(e.to)}`);
  }
  for (const n of g.nodes) for (const end of n.endings) lines.push(`  ${nid.get(n.id)} -.-> ${eid.get(end)}`);
  lines.push(`  classDef start stroke-width:3px`, `  class ${nid.get(g.start)} start`);
  lines.push('  classDef good fill:#d9f2d9', '  classDef mixed fill:#fff3cc', '  classDef bad fill:#f7d4d4');
  for (const tone of ['good', 'mixed', 'bad']) {
    const ids = g.endings.filter((e) => e.tone === tone).map((e) => eid.get(e.id));
    if (ids.length) lines.push(`  class ${ids.join(',')} ${tone}`);
  }
  return lines.join('\n') + '\n';
}

const missingId = (id: string): string => `missing_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

// ---- DOT -----------------------------------------------------------------------------------------

function renderDot(g: ScenarioGraph): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const fill: Record<string, string> = { good: '#d9f2d9', mixed: '#fff3cc', bad: '#f7d4d4' };
  const lines = [`digraph ${q(g.id)} {`, `  label=${q(g.title)}; labelloc=t; rankdir=TB;`, '  node [fontname="Helvetica", fontsize=11]; edge [fontname="Helvetica", fontsize=9];'];
  for (const n of g.nodes) {
    const shape = n.kind === 'end' ? 'doubleoctagon' : 'box';
    const extra = n.id === g.start ? ', penwidth=2.5' : '';
    lines.push(`  ${q(n.id)} [shape=${shape}, style=rounded, label=${q(`${n.id}\n${n.title}`)}${extra}];`);
  }
  for (const e of g.endings) {
    const label = `ending ${e.id}\n${e.title}${e.condition ? `\nif ${e.condition}` : ''}`;
    lines.push(`  ${q(`ending:${e.id}`)} [shape=note, style=filled, fillcolor=${q(fill[e.tone] ?? '#eeeeee')}, label=${q(label)}];`);
  }
  for (const e of g.edges) {
    const style = e.kind === 'timeout' ? ', style=dashed' : e.kind === 'branch' ? ', color="#555555"' : '';
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}${style}];`);
  }
  for (const n of g.nodes) for (const end of n.endings) lines.push(`  ${q(n.id)} -> ${q(`ending:${end}`)} [style=dotted, arrowhead=none];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

// ---- HTML ----------------------------------------------------------------------------------------

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  cls: string;
  tip: string;
}

const BOX_W = 190;
const BOX_H = 46;
const GAP_X = 40;
const GAP_Y = 120;

/** Layers by shortest distance from the start; endings below the end nodes that reach them. */
function layout(g: ScenarioGraph): { boxes: Map<string, Box>; width: number; height: number } {
  const depth = new Map<string, number>([[g.start, 0]]);
  const queue = [g.start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as string;
    for (const e of g.edges) {
      if (e.from === at && !depth.has(e.to) && g.nodes.some((n) => n.id === e.to)) {
        depth.set(e.to, (depth.get(at) ?? 0) + 1);
        queue.push(e.to);
      }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  for (const n of g.nodes) if (!depth.has(n.id)) depth.set(n.id, maxDepth + 1);
  const layers: string[][] = [];
  for (const n of g.nodes) (layers[depth.get(n.id) ?? 0] ??= []).push(`node:${n.id}`);
  const endingLayer = layers.length;
  const reached = g.nodes.flatMap((n) => n.endings);
  for (const e of g.endings) (layers[endingLayer] ??= []).push(`ending:${e.id}`);
  const widest = Math.max(...layers.map((l) => (l ?? []).length));
  const width = widest * (BOX_W + GAP_X) + GAP_X;
  const boxes = new Map<string, Box>();
  layers.forEach((layer, li) => {
    const row = layer ?? [];
    const offset = (width - row.length * (BOX_W + GAP_X) + GAP_X) / 2;
    row.forEach((key, i) => {
      const [kind, id] = key.split(/:(.*)/s) as [string, string];
      const x = offset + i * (BOX_W + GAP_X);
      const y = 30 + li * (BOX_H + GAP_Y);
      if (kind === 'node') {
        const n = g.nodes.find((m) => m.id === id);
        const cls = `${n?.kind ?? 'decision'}${id === g.start ? ' start' : ''}`;
        boxes.set(key, { id, x, y, w: BOX_W, h: BOX_H, lines: [id, n?.title ?? ''], cls, tip: `${id}: ${n?.title ?? ''}` });
      } else {
        const e = g.endings.find((m) => m.id === id);
        const cls = `ending ${e?.tone ?? 'mixed'}${reached.includes(id) ? '' : ' unreached'}`;
        const tip = `ending ${id}: ${e?.title ?? ''}${e?.condition ? ` — if ${e.condition}` : ''}${reached.includes(id) ? '' : ' (never reached in play)'}`;
        boxes.set(key, { id, x, y, w: BOX_W, h: BOX_H, lines: [`ending ${id}`, e?.title ?? ''], cls, tip });
      }
    });
  });
  return { boxes, width, height: 30 + layers.length * (BOX_H + GAP_Y) };
}

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function renderHtml(g: ScenarioGraph): string {
  const { boxes, width, height } = layout(g);
  const svg: string[] = [];
  // One drawn edge per (from, to), labelled with every option that takes it.
  const pairs = new Map<string, GraphEdge[]>();
  for (const e of g.edges) {
    const k = `${e.from}\u0000${e.to}`;
    pairs.set(k, [...(pairs.get(k) ?? []), e]);
  }
  for (const [k, list] of pairs) {
    const [from, to] = k.split('\u0000') as [string, string];
    const a = boxes.get(`node:${from}`);
    const b = boxes.get(`node:${to}`);
    if (!a || !b) continue;
    const x1 = a.x + a.w / 2;
    const y1 = a.y + a.h;
    const x2 = b.x + b.w / 2;
    const y2 = b.y;
    const back = y2 <= a.y;
    const d = back
      ? `M${x1},${y1} C${x1 + 160},${y1 + 60} ${x2 + 160},${y2 - 60} ${x2},${y2}`
      : `M${x1},${y1} C${x1},${y1 + GAP_Y / 2} ${x2},${y2 - GAP_Y / 2} ${x2},${y2}`;
    const dashed = list.every((e) => e.kind === 'timeout') ? ' dashed' : '';
    const title = list.map((e) => e.label).join('\n');
    svg.push(`<g class="edge${dashed}"><title>${esc(`${from} → ${to}\n${title}`)}</title><path d="${d}" marker-end="url(#arrow)"/>`);
    const lx = back ? (x1 + x2) / 2 + 130 : (x1 + x2) / 2;
    const ly = (y1 + y2) / 2;
    list.slice(0, 4).forEach((e, i) => svg.push(`<text class="elabel" x="${lx}" y="${ly - 6 * (list.length - 1) + i * 12}">${esc(clip(e.kind === 'branch' ? `${e.option} if ${e.condition}` : e.option, 38))}</text>`));
    if (list.length > 4) svg.push(`<text class="elabel" x="${lx}" y="${ly - 6 * (list.length - 1) + 4 * 12}">+${list.length - 4} more</text>`);
    svg.push('</g>');
  }
  for (const n of g.nodes) {
    const a = boxes.get(`node:${n.id}`);
    for (const end of n.endings) {
      const b = boxes.get(`ending:${end}`);
      if (a && b) svg.push(`<path class="toending" d="M${a.x + a.w / 2},${a.y + a.h} L${b.x + b.w / 2},${b.y}"/>`);
    }
  }
  for (const box of boxes.values()) {
    svg.push(
      `<g class="box ${box.cls}"><title>${esc(box.tip)}</title><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="${box.cls.startsWith('end') ? 20 : 6}"/>` +
        `<text x="${box.x + box.w / 2}" y="${box.y + 19}" class="id">${esc(clip(box.lines[0] ?? '', 28))}</text>` +
        `<text x="${box.x + box.w / 2}" y="${box.y + 35}">${esc(clip(box.lines[1] ?? '', 30))}</text></g>`,
    );
  }
  const rows = g.edges
    .map((e) => `<tr><td>${esc(e.from)}</td><td>${esc(e.option)}</td><td>${esc(e.kind)}</td><td>${esc(e.condition ?? '')}</td><td>${esc(e.to)}</td></tr>`)
    .join('\n');
  const endings = g.endings
    .map((e) => {
      const at = g.nodes.filter((n) => n.endings.includes(e.id)).map((n) => n.id);
      return `<tr class="${esc(e.tone)}"><td>${esc(e.id)}</td><td>${esc(e.title)}</td><td>${esc(e.tone)}</td><td>${esc(e.condition ?? '(fallback)')}</td><td>${at.length ? esc(at.join(', ')) : '<em>never reached</em>'}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(g.title)} — scenario graph</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
  .scroll { overflow: auto; border: 1px solid #ccc; }
  svg text { font: 11px system-ui, sans-serif; text-anchor: middle; }
  svg text.id { font-weight: 600; }
  .box rect { fill: #eef3fb; stroke: #44618f; stroke-width: 1.2; }
  .box.start rect { stroke-width: 3; }
  .box.end rect { fill: #e6e6e6; stroke: #333; }
  .box.ending rect { stroke: #666; }
  .box.good rect, tr.good td { background: #d9f2d9; fill: #d9f2d9; }
  .box.mixed rect, tr.mixed td { background: #fff3cc; fill: #fff3cc; }
  .box.bad rect, tr.bad td { background: #f7d4d4; fill: #f7d4d4; }
  .box.unreached rect { stroke-dasharray: 4 3; opacity: .6; }
  .edge path { fill: none; stroke: #6b7a90; stroke-width: 1.2; }
  .edge.dashed path { stroke-dasharray: 5 4; }
  .edge:hover path { stroke: #c0392b; stroke-width: 2.5; }
  .edge:hover text { fill: #c0392b; font-weight: 600; }
  .elabel { fill: #35435a; font-size: 10px; }
  .toending { fill: none; stroke: #999; stroke-dasharray: 2 3; }
  table { border-collapse: collapse; margin-top: 1rem; }
  td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<h1>${esc(g.title)} <small>(${esc(g.id)})</small></h1>
<p>Decisions are blue boxes (the start has a thick border), end nodes grey, endings coloured by tone and linked to the end nodes where play reached them. Dashed edges are timeouts. Hover an edge or box for details.</p>
<div class="scroll">
<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`Graph of ${g.title}`)}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7a90"/></marker></defs>
${svg.join('\n')}
</svg>
</div>
<h2>Edges</h2>
<table><thead><tr><th>from</th><th>option</th><th>kind</th><th>condition</th><th>to</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Endings</h2>
<table><thead><tr><th>id</th><th>title</th><th>tone</th><th>when</th><th>reached at</th></tr></thead>
<tbody>
${endings}
</tbody></table>
</body>
</html>
`;
}
