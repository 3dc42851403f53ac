/**
 * The map is a function: `mapModel(bundle, context)` says what the situation map shows. The
 * Phaser scene only draws it; the DOM fallback lists it; the debrief can time-travel with it.
 */
import type { ScenarioBundle, World } from './types';
import type { EngineContext } from './state';
import { evaluateCondition } from './conditions';
import { indexScenario } from './scenario-index';

export type Point = [number, number];

export interface MapPlace {
  id: string;
  name: string;
  kind: string;
  at: Point;
}

export interface MapModel {
  width: number;
  height: number;
  border: Point[];
  regions: { id: string; name: string; polygon: Point[]; centre: Point }[];
  lakes: { id: string; name: string; polygon: Point[] }[];
  rivers: { id: string; name: string; points: Point[] }[];
  roads: { id: string; kind: string; points: Point[] }[];
  places: MapPlace[];
  units: { id: string; short: string; name: string; kind: string; at: Point; place: string }[];
  markers: { id: string; label: string; color: string; at: Point; place: string }[];
  incidents: { id: string; kind: string; title: string; at: Point; place: string; time: number; recent: boolean }[];
  focus: Point | null;
  clock: number;
}

/** All named places of a world by id, with their kind and position. */
export function placesOf(world: World): Map<string, MapPlace> {
  const out = new Map<string, MapPlace>();
  for (const t of world.towns) out.set(t.id, { id: t.id, name: t.name, kind: t.kind, at: t.at });
  for (const q of world.quarters) out.set(q.id, { id: q.id, name: q.name, kind: 'quarter', at: q.at });
  for (const s of world.sites) out.set(s.id, { id: s.id, name: s.name, kind: s.kind, at: s.at });
  for (const c of world.crossings) out.set(c.id, { id: c.id, name: c.name, kind: c.kind, at: c.at });
  return out;
}

function centroid(poly: Point[]): Point {
  const n = poly.length || 1;
  const x = poly.reduce((s, p) => s + p[0], 0) / n;
  const y = poly.reduce((s, p) => s + p[1], 0) / n;
  return [Math.round(x), Math.round(y)];
}

/** Incidents within this many in-game minutes of the clock are "recent" (drawn emphasised). */
const RECENT = 6 * 60;

export function mapModel(bundle: ScenarioBundle, ctx: EngineContext): MapModel {
  const { world, scenario } = bundle;
  const index = indexScenario(scenario);
  const places = placesOf(world);
  const unitPlace = new Map<string, string>(world.units.map((u) => [u.id, u.home]));
  for (const rule of scenario.map.units) {
    if (!rule.when || evaluateCondition(index, ctx, rule.when)) unitPlace.set(rule.unit, rule.at);
  }
  const factionColor = new Map(world.factions.map((f) => [f.id, f.color]));
  const incidents: MapModel['incidents'] = [];
  for (const t of ctx.timeline) {
    let incident: { at: string; kind: string } | undefined;
    let title = '';
    let id = '';
    if (t.kind === 'inject' && t.inject) {
      const inject = index.injects.get(t.inject);
      incident = inject?.incident;
      title = inject?.title ?? '';
      id = t.inject;
    } else if (t.kind === 'consequence' && t.consequence) {
      const c = index.consequences.get(t.consequence);
      incident = c?.incident;
      title = c?.title ?? '';
      id = t.consequence;
    }
    const place = incident && places.get(incident.at);
    if (incident && place) {
      incidents.push({ id, kind: incident.kind, title, at: place.at, place: place.id, time: t.time, recent: ctx.clock - t.time <= RECENT });
    }
  }
  const roads = world.roads.map((r) => ({
    id: r.id,
    kind: r.kind,
    points: r.via.map((v) => places.get(v)?.at).filter((p): p is Point => p !== undefined),
  }));
  const focus = scenario.map.focus ? (places.get(scenario.map.focus)?.at ?? null) : null;
  return {
    width: world.map.width,
    height: world.map.height,
    border: world.map.border,
    regions: world.regions.map((r) => ({ id: r.id, name: r.name, polygon: r.polygon, centre: centroid(r.polygon) })),
    lakes: world.lakes,
    rivers: world.rivers,
    roads,
    places: [...places.values()],
    units: world.units.flatMap((u) => {
      const placeId = unitPlace.get(u.id) ?? u.home;
      const place = places.get(placeId);
      return place ? [{ id: u.id, short: u.short, name: u.name, kind: u.kind, at: place.at, place: placeId }] : [];
    }),
    markers: scenario.map.markers.flatMap((m) => {
      if (m.when && !evaluateCondition(index, ctx, m.when)) return [];
      const place = places.get(m.at);
      return place
        ? [{ id: m.id, label: m.label, color: (m.faction && factionColor.get(m.faction)) || '#e07a5f', at: place.at, place: m.at }]
        : [];
    }),
    incidents,
    focus,
    clock: ctx.clock,
  };
}
