/**
 * Scenario text is keyed by ids, never by array positions, so it can be translated without touching
 * the scenario: `nodes.a1.title`, `nodes.a1.options.convene-cmt.label`, `injects.flash.text`,
 * `nodes.a1.options.convene-cmt.consequences.ilvi-thin.title`, `advisers.fc.title` …
 * `scenarioTextEntries` lists every key with its authored text (what a translator works from);
 * `localizeScenario` returns a copy with the translations that exist applied.
 */
import type { Scenario } from './types';

type Visit = (key: string, get: () => string, set: (value: string) => void) => void;

function walk(s: Scenario, visit: Visit): void {
  const field = <T extends object, K extends keyof T>(key: string, obj: T, prop: K): void => {
    const v = obj[prop];
    if (typeof v === 'string') visit(key, () => obj[prop] as string, (x) => void ((obj as Record<K, unknown>)[prop] = x));
  };
  field('title', s, 'title');
  field('subtitle', s, 'subtitle');
  field('setting', s, 'setting');
  field('summary', s, 'summary');
  field('contentNote', s, 'contentNote');
  field('briefing.mandate', s.briefing, 'mandate');
  field('briefing.situation', s.briefing, 'situation');
  field('briefing.role', s.briefing, 'role');
  for (const seat of s.seats) {
    field(`seats.${seat.id}.title`, seat, 'title');
    if (seat.briefing) {
      field(`seats.${seat.id}.briefing.situation`, seat.briefing, 'situation');
      field(`seats.${seat.id}.briefing.role`, seat.briefing, 'role');
    }
  }
  for (const m of s.meters) {
    field(`meters.${m.id}.label`, m, 'label');
    field(`meters.${m.id}.description`, m, 'description');
  }
  for (const p of s.polarities) {
    for (const side of ['downsideA', 'downsideB'] as const) {
      const d = p[side];
      if (d) {
        field(`polarities.${p.id}.${side}.title`, d, 'title');
        field(`polarities.${p.id}.${side}.text`, d, 'text');
      }
    }
  }
  for (const a of s.advisers) field(`advisers.${a.id}.title`, a, 'title');
  for (const r of s.roles ?? []) {
    field(`roles.${r.id}.title`, r, 'title');
    field(`roles.${r.id}.brief`, r, 'brief');
  }
  for (const n of s.nodes) {
    const k = `nodes.${n.id}`;
    field(`${k}.title`, n, 'title');
    field(`${k}.text`, n, 'text');
    field(`${k}.studyNote`, n, 'studyNote');
    for (const p of n.positions) field(`${k}.positions.${p.adviser}.text`, p, 'text');
    const outcome = (ok: string, o: { consequences: Scenario['nodes'][number]['options'][number]['consequences'] }): void => {
      for (const c of o.consequences) {
        field(`${ok}.consequences.${c.id}.title`, c, 'title');
        field(`${ok}.consequences.${c.id}.text`, c, 'text');
      }
    };
    for (const o of n.options) {
      field(`${k}.options.${o.id}.label`, o, 'label');
      field(`${k}.options.${o.id}.text`, o, 'text');
      outcome(`${k}.options.${o.id}`, o);
    }
    if (n.timeout) {
      field(`${k}.timeout.title`, n.timeout, 'title');
      field(`${k}.timeout.text`, n.timeout, 'text');
      outcome(`${k}.timeout`, n.timeout);
    }
    const f = n.facilitator;
    if (f) {
      // Prompts and teaching points are plain lists: their keys count from 1 in the order written.
      f.prompts.forEach((_, i) => field(`${k}.facilitator.prompts.${i + 1}`, f.prompts, i));
      f.teaching.forEach((_, i) => field(`${k}.facilitator.teaching.${i + 1}`, f.teaching, i));
      for (const t of f.tradeoffs) field(`${k}.facilitator.tradeoffs.${t.option}`, t, 'text');
    }
  }
  for (const i of s.injects) {
    field(`injects.${i.id}.from`, i, 'from');
    field(`injects.${i.id}.title`, i, 'title');
    field(`injects.${i.id}.text`, i, 'text');
    field(`injects.${i.id}.purpose`, i, 'purpose');
  }
  for (const e of s.endings) {
    field(`endings.${e.id}.title`, e, 'title');
    field(`endings.${e.id}.text`, e, 'text');
  }
  for (const b of s.benchmarks) field(`benchmarks.${b.id}.text`, b, 'text');
  for (const m of s.map.markers) field(`map.markers.${m.id}.label`, m, 'label');
}

/** Every translatable key of a scenario with its authored text, in document order. */
export function scenarioTextEntries(scenario: Scenario): [string, string][] {
  const out: [string, string][] = [];
  walk(scenario, (key, get) => out.push([key, get()]));
  return out;
}

/** A copy of the scenario with the given translations (key → text) applied; missing keys keep the authored text. */
export function localizeScenario(scenario: Scenario, translations: Readonly<Record<string, string>>): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  walk(copy, (key, _get, set) => {
    const t = translations[key];
    if (typeof t === 'string' && t.length > 0) set(t);
  });
  return copy;
}
