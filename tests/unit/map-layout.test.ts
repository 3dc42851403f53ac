// Pure layout logic of the situation map (src/scenes/map-layout.ts has no Phaser import, so it runs
// in Node): where the inset and header go, how the compact view zooms, and label priorities.
import { describe, expect, it } from 'vitest';
import type { MapModel, Point } from '../../src/engine';
import {
  computeLayout,
  coverCost,
  createLabelPlacer,
  fitMain,
  overlaps,
  placeByPriority,
  placeTier,
  project,
  shortPlaceName,
  TIER,
  type Box,
  type PriorityLabel,
} from '../../src/scenes/map-layout';

/** A small Velmora-like world: a crowded city (the focus) in the middle, a road north to a column. */
function world(overrides: Partial<MapModel> = {}): MapModel {
  const place = (id: string, kind: string, at: Point) => ({ id, name: id, kind, at });
  return {
    width: 1000,
    height: 700,
    border: [[55, 240], [160, 90], [360, 45], [560, 40], [760, 60], [930, 190], [950, 300], [910, 400], [940, 500], [760, 640], [520, 650], [300, 620], [120, 530], [60, 440]],
    regions: [],
    lakes: [],
    rivers: [],
    roads: [
      { id: 'tavren', kind: 'road', points: [[520, 400], [518, 370], [512, 330], [505, 282], [460, 150]] },
      { id: 'highway', kind: 'highway', points: [[520, 590], [520, 400]] },
    ],
    places: [
      place('meridon', 'capital', [520, 590]),
      place('kessrin', 'city', [520, 400]),
      place('noskel', 'village', [520, 386]),
      place('orvel-quarter', 'quarter', [510, 392]),
      place('market', 'quarter', [524, 402]),
      place('garrison', 'quarter', [532, 394]),
      place('camp-kessrin', 'un-base', [534, 412]),
      place('bridge', 'bridge', [518, 370]),
      place('edrevo', 'village', [512, 330]),
      place('amdrel', 'village', [505, 282]),
      place('darvost', 'town', [460, 150]),
      place('hadrell', 'town', [285, 180]),
      place('kelvash', 'town', [760, 250]),
      place('nadross-airfield', 'airfield', [892, 302]),
      place('ilvenne', 'town', [385, 462]),
      place('south-gate', 'border-crossing', [560, 655]),
    ],
    units: [
      { id: 'bn1', short: 'BN-1', name: 'Battalion 1', kind: 'infantry', at: [534, 412], place: 'camp-kessrin' },
      { id: 'bn2', short: 'BN-2', name: 'Battalion 2', kind: 'infantry', at: [285, 180], place: 'hadrell' },
      { id: 'heli', short: 'AH', name: 'Helicopters', kind: 'helicopter', at: [892, 302], place: 'nadross-airfield' },
    ],
    markers: [{ id: 'column', label: 'TPF column', color: '#e4572e', at: [460, 150], place: 'darvost' }],
    incidents: [{ id: 'flash', kind: 'movement', title: 'Flash report', at: [460, 150], place: 'darvost', time: 10, recent: true }],
    focus: [520, 400],
    clock: 60,
    ...overrides,
  };
}

function contains(b: Box, p: Point, pad = 0): boolean {
  return p[0] >= b.x - pad && p[0] <= b.x + b.w + pad && p[1] >= b.y - pad && p[1] <= b.y + b.h + pad;
}

/** A deterministic spread of points over the country. */
function* spread(n: number): Generator<Point> {
  let s = 12345;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  for (let i = 0; i < n; i++) yield [100 + next() * 800, 80 + next() * 540];
}

describe('detail inset', () => {
  const sizes: [number, number][] = [
    [1000, 700],
    [1300, 900],
    [1634, 1144], // the projector panel on a 2× screen
  ];

  it('never covers an actor marker or a recent incident', () => {
    for (const [w, h] of sizes) {
      for (const at of spread(40)) {
        const model = world({
          markers: [
            { id: 'column', label: 'TPF column', color: '#e4572e', at, place: 'x' },
            { id: 'committees', label: 'Committees', color: '#d65db1', at: [524, 402], place: 'market' },
          ],
          incidents: [{ id: 'i', kind: 'violence', title: 'Clash', at: [at[0], 700 - at[1]], place: 'y', time: 0, recent: true }],
        });
        const layout = computeLayout(model, w, h, 1, false);
        if (!layout.inset) continue;
        for (const m of model.markers) expect(contains(layout.inset.box, project(m.at, layout.main))).toBe(false);
        for (const i of model.incidents) expect(contains(layout.inset.box, project(i.at, layout.main))).toBe(false);
      }
    }
  });

  it('keeps off the legend, the header and the ground it magnifies', () => {
    for (const [w, h] of sizes) {
      for (const legendOpen of [false, true]) {
        const layout = computeLayout(world(), w, h, 1, legendOpen);
        expect(layout.inset, `${w}x${h}`).not.toBeNull();
        const inset = layout.inset!;
        expect(overlaps(inset.box, layout.legend)).toBe(false);
        expect(overlaps(inset.box, layout.header)).toBe(false);
        expect(contains(inset.box, project(inset.focus, layout.main))).toBe(false);
      }
    }
  });

  it('does not sit over the column coming down the road in the north', () => {
    const layout = computeLayout(world(), 1000, 700, 1, false);
    const road = world().roads[0]!.points;
    for (const p of road) expect(contains(layout.inset!.box, project(p, layout.main))).toBe(false);
  });

  it('is dropped on a small canvas in favour of a zoom toward the action', () => {
    const model = world();
    const layout = computeLayout(model, 490, 345, 1, false);
    expect(layout.compact).toBe(true);
    expect(layout.inset).toBeNull();
    const whole = fitMain(model, 490, 345, 1, false);
    expect(layout.main.scale).toBeGreaterThan(whole.scale * 1.1);
    // The actors, recent incidents, units and the focus all stay on the canvas.
    const canvas: Box = { x: 0, y: 0, w: 490, h: 345 };
    for (const p of [model.focus!, ...model.markers.map((m) => m.at), ...model.units.map((u) => u.at)]) {
      expect(contains(canvas, project(p, layout.main))).toBe(true);
    }
  });

  it('counts covering an actor as unacceptable, and weighs ground near the action up', () => {
    const model = world();
    const main = fitMain(model, 1000, 700, 1, false);
    const [dx, dy] = project([460, 150], main);
    expect(coverCost(model, main, { x: dx - 20, y: dy - 20, w: 40, h: 40 }, 1)).toBe(Infinity);
    const empty = coverCost(model, main, { x: 0, y: 600, w: 60, h: 60 }, 1);
    const [ex, ey] = project([505, 282], main); // Amdrel, on the column's road
    const nearAction = coverCost(model, main, { x: ex - 30, y: ey - 30, w: 60, h: 60 }, 1);
    expect(empty).toBeLessThan(nearAction);
  });
});

describe('header', () => {
  it('goes to a corner that covers no actor and no legend', () => {
    for (const at of [[120, 120], [880, 120], [880, 600]] as Point[]) {
      const model = world({ markers: [{ id: 'm', label: 'M', color: '#e4572e', at, place: 'x' }] });
      for (const [w, h] of [[490, 345], [1000, 700]] as const) {
        const layout = computeLayout(model, w, h, 1, false);
        expect(overlaps(layout.header, layout.legend)).toBe(false);
        expect(contains(layout.header, project(at, layout.main), 4)).toBe(false);
      }
    }
  });
});

describe('label priorities', () => {
  const bounds: Box = { x: 0, y: 0, w: 200, h: 100 };
  const label = (id: string, tier: number, extra: Partial<PriorityLabel> = {}): PriorityLabel => ({
    id,
    anchor: [100, 50],
    w: 80,
    h: 16,
    gap: 4,
    required: false,
    tier,
    rings: 2,
    ...extra,
  });

  it('places higher tiers first, whatever the input order, and drops what no longer fits', () => {
    // Only two free spots exist around the anchor: a wall of obstacles fills the rest.
    const wall: Box[] = [{ x: 0, y: 0, w: 200, h: 38 }, { x: 0, y: 62, w: 200, h: 38 }];
    const placer = createLabelPlacer(wall, bounds, 8, 2);
    const out = placeByPriority(placer, [label('village', TIER.village), label('town', TIER.town), label('marker', TIER.marker, { required: true }), label('unit', TIER.unitNear)]);
    expect(out.has('marker')).toBe(true);
    expect(out.has('unit')).toBe(true);
    expect(out.has('town')).toBe(false);
    expect(out.has('village')).toBe(false);
    expect(overlaps(out.get('marker')!.box, out.get('unit')!.box)).toBe(false);
  });

  it('never lets a tag cover an actor, not even a required incident tag at the same place', () => {
    const placer = createLabelPlacer([], { x: 0, y: 0, w: 400, h: 300 }, 8, 6);
    const at: Point = [200, 150];
    const out = placeByPriority(placer, [
      label('incident', TIER.recentIncident, { anchor: at, w: 150, required: true, keepClear: true, anchorRadius: 9, rings: 8 }),
      label('marker', TIER.marker, { anchor: at, w: 90, required: true, keepClear: true, anchorRadius: 5, rings: 8 }),
      label('unit', TIER.unitNear, { anchor: at, w: 70, rings: 8 }),
      label('city', TIER.city, { anchor: [205, 150], w: 70, required: true, rings: 8 }),
    ]);
    const marker = out.get('marker')!.box;
    const anchor: Box = { x: at[0] - 5, y: at[1] - 5, w: 10, h: 10 };
    for (const id of ['incident', 'unit', 'city']) {
      const b = out.get(id)!.box;
      expect(overlaps(b, marker), id).toBe(false);
      expect(overlaps(b, anchor), id).toBe(false);
    }
  });

  it('falls back to a bare symbol (or a short name) when a label does not fit', () => {
    const wall: Box[] = [{ x: 0, y: 0, w: 200, h: 45 }, { x: 0, y: 55, w: 200, h: 45 }];
    const placer = createLabelPlacer(wall, bounds, 8, 2);
    const out = placeByPriority(placer, [label('far-unit', TIER.unitFar, { fallback: { w: 8, h: 8, gap: 2, required: true } })]);
    expect(out.get('far-unit')?.compact).toBe(true);
    expect(out.get('far-unit')?.box.w).toBe(8);
  });

  it('keeps labels off panels (legend, header, inset) when there is any other room', () => {
    const panel: Box = { x: 100, y: 0, w: 100, h: 100 };
    const placer = createLabelPlacer([], bounds, 8, 3, [panel]);
    const out = placeByPriority(placer, [label('a', TIER.city, { anchor: [100, 50], required: true })]);
    expect(overlaps(out.get('a')!.box, panel)).toBe(false);
  });

  it('ranks actors, the focus and the action above towns, villages and crossings', () => {
    expect(TIER.marker).toBeLessThan(TIER.recentIncident);
    expect(TIER.recentIncident).toBeLessThan(TIER.unitNear);
    expect(TIER.unitNear).toBeLessThan(placeTier('city', false));
    expect(placeTier('town', true)).toBeLessThan(placeTier('town', false));
    expect(placeTier('bridge', true)).toBeLessThan(placeTier('village', true) + 1);
    expect(placeTier('village', true)).toBeLessThan(placeTier('village', false));
    expect(placeTier('village', false)).toBeLessThan(placeTier('border-crossing', false));
    expect(shortPlaceName('North Plateau crossing', 'border-crossing')).toBe('North Plateau');
    expect(shortPlaceName('Noskel', 'village')).toBeNull();
  });
});
