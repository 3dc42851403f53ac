/**
 * Semantic checks of a schema-valid scenario against the world and the polarity catalogue:
 * references, duplicates, citations, and a bounded search of play for unreachable nodes, dead ends
 * and endings that can never be reached. Our own checks run before the machine is built, so
 * authors never see a raw xstate error.
 */
import type { Condition, Consequence, PolarityEntry, Scenario, World } from '../types';
import type { Diagnostic } from './diagnostics';
import { didYouMean } from './diagnostics';
import type { DataPath, SourceFile } from './source-file';
import { placesOf } from '../map-model';
import { exploreScenario } from './explore';
import { isOptionalInject } from '../facilitation';
import { readTranslationFile, textContext, translationStatus } from './xliff';

export interface CheckInputs {
  scenario: Scenario;
  world: World | null;
  catalogue: readonly PolarityEntry[];
  src: SourceFile;
  /** Section numbers ("4.2.6") and box names ("MINUSCA") of the 2020 edition, when available. */
  study?: { sections: Set<string>; boxes: Set<string> };
  /** Skip the search of play (unreachable nodes, dead ends, endings, silent injects): the live preview's fast path. */
  quick?: boolean;
}

export function checkScenario({ scenario, world, catalogue, src, study, quick = false }: CheckInputs): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (code: string, message: string, path: DataPath, key = false): void => {
    out.push(src.diagnostic(code, 'error', message, path, key));
  };
  const warn = (code: string, message: string, path: DataPath, key = false): void => {
    out.push(src.diagnostic(code, 'warning', message, path, key));
  };

  // ---- duplicates ----
  const dupes = (label: string, items: readonly { id: string }[], base: DataPath): void => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) err('SCN010', `Duplicate ${label} id "${item.id}".`, [...base, i, 'id']);
      seen.add(item.id);
    });
  };
  dupes('node', scenario.nodes, ['nodes']);
  dupes('meter', scenario.meters, ['meters']);
  dupes('adviser', scenario.advisers, ['advisers']);
  dupes('inject', scenario.injects, ['injects']);
  dupes('ending', scenario.endings, ['endings']);
  dupes('benchmark', scenario.benchmarks, ['benchmarks']);
  dupes('polarity', scenario.polarities, ['polarities']);
  dupes('seat', scenario.seats, ['seats']);
  dupes('marker', scenario.map.markers, ['map', 'markers']);
  scenario.nodes.forEach((n, ni) => {
    dupes('option', n.options, ['nodes', ni, 'options']);
    n.options.forEach((o, oi) => dupes('consequence', o.consequences, ['nodes', ni, 'options', oi, 'consequences']));
    if (n.timeout) dupes('consequence', n.timeout.consequences, ['nodes', ni, 'timeout', 'consequences']);
  });

  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const meterIds = new Set(scenario.meters.map((m) => m.id));
  const adviserIds = new Set(scenario.advisers.map((a) => a.id));
  const scenarioSeatIds = new Set(scenario.seats.map((x) => x.id));
  const declaredPolarities = new Set(scenario.polarities.map((p) => p.id));
  const catalogueIds = new Set(catalogue.map((p) => p.id));
  const flagsSet = new Set<string>();
  const flagsRead: { flag: string; path: DataPath }[] = [];

  const nodeRef = (id: string, path: DataPath): void => {
    if (!nodeIds.has(id)) err('SCN011', `Node "${id}" does not exist.${didYouMean(id, nodeIds)}`, path);
  };
  const effects = (list: readonly { meter?: string; flag?: string }[], base: DataPath): void => {
    list.forEach((e, i) => {
      if (e.meter !== undefined && !meterIds.has(e.meter))
        err('SCN012', `Meter "${e.meter}" is not declared under meters.${didYouMean(e.meter, meterIds)}`, [...base, i, 'meter']);
      if (e.flag !== undefined) flagsSet.add(e.flag);
    });
  };
  const condition = (c: Condition | undefined, base: DataPath): void => {
    if (!c) return;
    c.all?.forEach((x, i) => condition(x, [...base, 'all', i]));
    c.any?.forEach((x, i) => condition(x, [...base, 'any', i]));
    if (c.not) condition(c.not, [...base, 'not']);
    if (c.flag !== undefined) flagsRead.push({ flag: c.flag, path: [...base, 'flag'] });
    if (c.meter !== undefined && !meterIds.has(c.meter))
      err('SCN012', `Meter "${c.meter}" is not declared under meters.${didYouMean(c.meter, meterIds)}`, [...base, 'meter']);
    if (c.chose !== undefined) {
      const [nodeId = '', optionId = ''] = c.chose.split('.');
      const node = scenario.nodes.find((n) => n.id === nodeId);
      if (!node) err('SCN011', `Node "${nodeId}" does not exist.${didYouMean(nodeId, nodeIds)}`, [...base, 'chose']);
      else if (optionId === 'timeout' ? !node.timeout : !node.options.some((o) => o.id === optionId))
        err('SCN016', `Decision "${nodeId}" has no option "${optionId}".${didYouMean(optionId, node.options.map((o) => o.id))}`, [...base, 'chose']);
    }
    if (c.consulted !== undefined) {
      const parts = c.consulted.split('.');
      const adviser = parts[parts.length - 1] ?? '';
      if (parts.length === 2) nodeRef(parts[0] ?? '', [...base, 'consulted']);
      if (!adviserIds.has(adviser)) err('SCN015', `Adviser "${adviser}" is not declared.${didYouMean(adviser, adviserIds)}`, [...base, 'consulted']);
    }
    if (c.seat !== undefined && !scenarioSeatIds.has(c.seat))
      err('SCN029', `Seat "${c.seat}" is not declared under seats.${didYouMean(c.seat, scenarioSeatIds)}`, [...base, 'seat']);
    if (c.polarity !== undefined && !declaredPolarities.has(c.polarity))
      err('SCN014', `Polarity "${c.polarity}" is not declared by this scenario.${didYouMean(c.polarity, declaredPolarities)}`, [...base, 'polarity']);
  };

  // ---- world ----
  const places = world ? placesOf(world) : new Map<string, unknown>();
  const units = new Set(world?.units.map((u) => u.id) ?? []);
  const factions = new Set(world?.factions.map((f) => f.id) ?? []);
  if (!world || world.id !== scenario.world) err('SCN019', `World "${scenario.world}" was not found.`, ['world']);
  const placeRef = (id: string, path: DataPath): void => {
    if (world && !places.has(id)) err('SCN017', `Place "${id}" is not in the world file.${didYouMean(id, places.keys())}`, path);
  };

  // ---- top level ----
  nodeRef(scenario.start, ['start']);
  scenario.polarities.forEach((p, i) => {
    if (!catalogueIds.has(p.id))
      err('SCN013', `Polarity "${p.id}" is not in the catalogue (scenarios/polarities.yaml).${didYouMean(p.id, catalogueIds)}`, ['polarities', i, 'id']);
    if (p.downsideA) effects(p.downsideA.effects, ['polarities', i, 'downsideA', 'effects']);
    if (p.downsideB) effects(p.downsideB.effects, ['polarities', i, 'downsideB', 'effects']);
  });

  const leanDirections = new Map<string, Set<string>>();
  const leans = (list: readonly { polarity: string; toward: string }[], base: DataPath): void => {
    list.forEach((l, i) => {
      if (!declaredPolarities.has(l.polarity))
        err('SCN014', `Polarity "${l.polarity}" is not declared under polarities.${didYouMean(l.polarity, declaredPolarities)}`, [...base, i, 'polarity']);
      const set = leanDirections.get(l.polarity) ?? new Set<string>();
      set.add(l.toward);
      leanDirections.set(l.polarity, set);
    });
  };
  const consequences = (list: Scenario['nodes'][number]['options'][number]['consequences'], base: DataPath): void => {
    list.forEach((c, i) => {
      effects(c.effects, [...base, i, 'effects']);
      condition(c.when, [...base, i, 'when']);
      if (c.incident) placeRef(c.incident.at, [...base, i, 'incident', 'at']);
    });
  };

  scenario.nodes.forEach((node, ni) => {
    const base: DataPath = ['nodes', ni];
    if (node.kind === 'decision') {
      if (node.cites.length === 0) err('SCN024', `Decision "${node.id}" cites no study section.`, [...base, 'id']);
      if (!node.studyNote) warn('SCN027', `Decision "${node.id}" has no studyNote.`, [...base, 'id']);
      if (node.deadline !== undefined && !node.timeout)
        err('SCN025', `Decision "${node.id}" has a deadline but no timeout outcome.`, [...base, 'deadline'], true);
      if (node.options.length === 0 && !node.timeout) err('SCN021', `Decision "${node.id}" has no options and no timeout: play cannot go on.`, [...base, 'id']);
    }
    node.cites.forEach((cite, ci) => {
      const problem = citeProblem(cite, study);
      if (problem) err('SCN028', problem, [...base, 'cites', ci]);
    });
    const seatIds = new Set(scenario.seats.map((x) => x.id));
    node.owners?.forEach((o, oi) => {
      if (!seatIds.has(o)) err('SCN029', `Seat "${o}" is not declared under seats.${didYouMean(o, seatIds)}`, [...base, 'owners', oi]);
    });
    if (node.kind === 'decision' && node.owners && scenario.seats.some((x) => !node.owners?.includes(x.id))) {
      const rules = node.npc ?? [];
      if (rules.length === 0 || rules[rules.length - 1]?.when)
        err('SCN034', `Decision "${node.id}" is not every seat's own, but has no \`npc\` rule without \`when\` for the others.`, [...base, node.npc ? 'npc' : 'owners'], !node.npc);
    }
    node.npc?.forEach((r, ri) => {
      if (!node.options.some((o) => o.id === r.option))
        err('SCN016', `Decision "${node.id}" has no option "${r.option}".${didYouMean(r.option, node.options.map((o) => o.id))}`, [...base, 'npc', ri, 'option']);
      condition(r.when, [...base, 'npc', ri, 'when']);
    });
    node.positions.forEach((p, pi) => {
      if (!adviserIds.has(p.adviser))
        err('SCN015', `Adviser "${p.adviser}" is not declared.${didYouMean(p.adviser, adviserIds)}`, [...base, 'positions', pi, 'adviser']);
      if (p.recommends && !node.options.some((o) => o.id === p.recommends))
        err('SCN016', `Decision "${node.id}" has no option "${p.recommends}".${didYouMean(p.recommends, node.options.map((o) => o.id))}`, [...base, 'positions', pi, 'recommends']);
    });
    node.options.forEach((o, oi) => {
      const ob: DataPath = [...base, 'options', oi];
      nodeRef(o.next, [...ob, 'next']);
      o.branches.forEach((b, bi) => {
        nodeRef(b.next, [...ob, 'branches', bi, 'next']);
        condition(b.when, [...ob, 'branches', bi, 'when']);
      });
      condition(o.when, [...ob, 'when']);
      effects(o.effects, [...ob, 'effects']);
      leans(o.leans, [...ob, 'leans']);
      consequences(o.consequences, [...ob, 'consequences']);
    });
    if (node.timeout) {
      const tb: DataPath = [...base, 'timeout'];
      nodeRef(node.timeout.next, [...tb, 'next']);
      node.timeout.branches.forEach((b, bi) => {
        nodeRef(b.next, [...tb, 'branches', bi, 'next']);
        condition(b.when, [...tb, 'branches', bi, 'when']);
      });
      effects(node.timeout.effects, [...tb, 'effects']);
      leans(node.timeout.leans, [...tb, 'leans']);
      consequences(node.timeout.consequences, [...tb, 'consequences']);
    }
  });

  const seatIdSet = new Set(scenario.seats.map((x) => x.id));
  scenario.seats.forEach((seat, si) =>
    seat.advisers?.forEach((a, ai) => {
      if (!adviserIds.has(a)) err('SCN015', `Adviser "${a}" is not declared.${didYouMean(a, adviserIds)}`, ['seats', si, 'advisers', ai]);
    }),
  );
  scenario.injects.forEach((inj, i) => {
    inj.seats?.forEach((x, xi) => {
      if (!seatIdSet.has(x)) err('SCN029', `Seat "${x}" is not declared under seats.${didYouMean(x, seatIdSet)}`, ['injects', i, 'seats', xi]);
    });
    condition(inj.when, ['injects', i, 'when']);
    effects(inj.effects, ['injects', i, 'effects']);
    if (inj.incident) placeRef(inj.incident.at, ['injects', i, 'incident', 'at']);
  });
  facilitatedPlay(scenario, study, err, warn);
  scenario.endings.forEach((e, i) => condition(e.when, ['endings', i, 'when']));
  const last = scenario.endings[scenario.endings.length - 1];
  if (last?.when) err('SCN023', `The last ending "${last.id}" has a condition; the last ending must be the unconditional fallback.`, ['endings', scenario.endings.length - 1, 'when'], true);
  scenario.benchmarks.forEach((b, i) => condition(b.when, ['benchmarks', i, 'when']));
  scenario.map.units.forEach((r, i) => {
    if (world && !units.has(r.unit)) err('SCN017', `Unit "${r.unit}" is not in the world file.${didYouMean(r.unit, units)}`, ['map', 'units', i, 'unit']);
    placeRef(r.at, ['map', 'units', i, 'at']);
    condition(r.when, ['map', 'units', i, 'when']);
  });
  scenario.map.markers.forEach((m, i) => {
    if (world && m.faction && !factions.has(m.faction))
      err('SCN017', `Faction "${m.faction}" is not in the world file.${didYouMean(m.faction, factions)}`, ['map', 'markers', i, 'faction']);
    placeRef(m.at, ['map', 'markers', i, 'at']);
    condition(m.when, ['map', 'markers', i, 'when']);
  });
  if (scenario.map.focus) placeRef(scenario.map.focus, ['map', 'focus']);

  for (const { flag, path } of flagsRead) {
    if (!flagsSet.has(flag)) warn('SCN018', `Flag "${flag}" is read but never set.${didYouMean(flag, flagsSet)}`, path);
  }
  oneSidedDecisions(scenario, catalogue, warn);
  textTooLong(scenario, warn);
  scenario.polarities.forEach((p, i) => {
    const dirs = leanDirections.get(p.id) ?? new Set();
    const toA = dirs.has('a');
    const toB = dirs.has('b');
    if (!(toA && toB)) warn('SCN026', `Polarity "${p.id}" is pushed only ${toA ? 'toward pole A' : toB ? 'toward pole B' : 'by no option'}; push it both ways somewhere.`, ['polarities', i, 'id']);
  });

  // Graph checks need a sound graph: only run them when references resolve.
  if (quick || out.some((d) => d.severity === 'error')) return out;
  const found = exploreScenario(scenario);
  scenario.nodes.forEach((n, i) => {
    if (!found.nodes.has(n.id)) err('SCN020', `Node "${n.id}" can never be reached in play.`, ['nodes', i, 'id']);
  });
  for (const nodeId of found.deadEnds) {
    const i = scenario.nodes.findIndex((n) => n.id === nodeId);
    err('SCN021', `Dead end: at "${nodeId}" no option is available and there is no timeout.`, ['nodes', i, 'id']);
  }
  scenario.endings.forEach((e, i) => {
    if (!found.endings.has(e.id)) err('SCN022', `Ending "${e.id}" is never reached in a search of ${found.states} states of play.`, ['endings', i, 'id']);
  });
  neverFired(scenario, found, warn);
  return out;
}

type Warn = (code: string, message: string, path: DataPath, key?: boolean) => void;

/** SCN028: why a citation names nothing in the study (null when it does, or when the study is not at hand). */
function citeProblem(cite: string, study: CheckInputs['study']): string | null {
  if (!study) return null;
  const section = /§(\d+(?:\.\d+)*)/.exec(cite)?.[1];
  const box = /^Box:(\w+)/.exec(cite)?.[1];
  if (section && !cite.startsWith('2010') && !study.sections.has(section)) return `Section ${section} does not exist in the 2020 edition.`;
  if (box && !study.boxes.has(box.toUpperCase())) return `No case box "${box}" in the 2020 edition.`;
  return null;
}

/**
 * Facilitated play (SCN035–SCN039): roles in the room, facilitator notes and optional injects. A
 * scenario that declares `roles` is written for the room, so it is held to the whole bar: a purpose
 * for every facilitator-fired inject and notes with a trade-off for every option of every decision.
 */
function facilitatedPlay(scenario: Scenario, study: CheckInputs['study'], err: Warn, warn: Warn): void {
  const roles = scenario.roles ?? [];
  const roleIds = new Set(roles.map((r) => r.id));
  const seatIds = new Set(scenario.seats.map((x) => x.id));
  const forTheRoom = roles.length > 0;
  const seen = new Set<string>();
  roles.forEach((role, i) => {
    if (seen.has(role.id)) err('SCN010', `Duplicate role id "${role.id}".`, ['roles', i, 'id']);
    seen.add(role.id);
    if (!role.brief) err('SCN035', `Role "${role.id}" has no brief: write what only the ${role.title} knows, for the handout.`, ['roles', i, 'id']);
    if (role.seat !== undefined && !seatIds.has(role.seat))
      err('SCN029', `Seat "${role.seat}" is not declared under seats.${didYouMean(role.seat, seatIds)}`, ['roles', i, 'seat']);
  });
  const roleRef = (id: string, path: DataPath): void => {
    if (roleIds.has(id)) return;
    const declared = roleIds.size ? didYouMean(id, roleIds) : ' This scenario declares no `roles`.';
    err('SCN036', `Role "${id}" is not declared under roles.${declared}`, path);
  };
  scenario.injects.forEach((inj, i) => {
    inj.roles?.forEach((r, ri) => roleRef(r, ['injects', i, 'roles', ri]));
    if (isOptionalInject(inj) && !inj.purpose && (inj.optional === true || forTheRoom))
      warn('SCN038', `Optional inject "${inj.id}" has no \`purpose\`: tell the facilitator when to fire it and what it tests.`, ['injects', i, 'id']);
  });
  scenario.nodes.forEach((node, ni) => {
    if (node.kind !== 'decision') return;
    const base: DataPath = ['nodes', ni, 'facilitator'];
    const note = node.facilitator;
    if (!note) {
      if (forTheRoom) warn('SCN039', `Decision "${node.id}" has no facilitator notes; this scenario declares roles, so every decision needs them.`, ['nodes', ni, 'id']);
      return;
    }
    note.roles?.forEach((r, ri) => roleRef(r, [...base, 'roles', ri]));
    note.cites.forEach((cite, ci) => {
      const problem = citeProblem(cite, study);
      if (problem) err('SCN028', problem, [...base, 'cites', ci]);
    });
    const optionIds = node.options.map((o) => o.id);
    const covered = new Set<string>();
    note.tradeoffs.forEach((t, ti) => {
      if (!optionIds.includes(t.option))
        err('SCN037', `The facilitator notes of "${node.id}" describe option "${t.option}", which the decision does not have.${didYouMean(t.option, optionIds)}`, [...base, 'tradeoffs', ti, 'option']);
      else if (covered.has(t.option)) err('SCN010', `Duplicate trade-off for option "${t.option}".`, [...base, 'tradeoffs', ti, 'option']);
      covered.add(t.option);
    });
    const missing = optionIds.filter((o) => !covered.has(o));
    if (forTheRoom && missing.length)
      warn('SCN039', `The facilitator notes of "${node.id}" say nothing of what ${missing.map((o) => `"${o}"`).join(', ')} trade${missing.length === 1 ? 's' : ''} off.`, [...base, 'tradeoffs'], true);
  });
}

/**
 * SCN030: a decision where every option leans on a polarity and all of them toward the same pole
 * offers no real choice on that tension. An option that does not lean on it, or leans `both`, is
 * the counterweight, so it silences the warning.
 */
function oneSidedDecisions(scenario: Scenario, catalogue: readonly PolarityEntry[], warn: Warn): void {
  scenario.nodes.forEach((node, ni) => {
    if (node.kind !== 'decision' || node.options.length < 2) return;
    for (const p of scenario.polarities) {
      const dirs = new Set<string>();
      let every = true;
      for (const o of node.options) {
        const mine = o.leans.filter((l) => l.polarity === p.id);
        if (mine.length === 0) every = false;
        mine.forEach((l) => dirs.add(l.toward));
      }
      const [only] = [...dirs];
      if (!every || dirs.size !== 1 || only === 'both') continue;
      const entry = catalogue.find((c) => c.id === p.id);
      const pole = only === 'a' ? entry?.pole_a : entry?.pole_b;
      warn(
        'SCN030',
        `Every option at "${node.id}" leans toward pole ${String(only).toUpperCase()}${pole ? ` (${pole})` : ''} of "${p.id}"; no option leans the other way or both, so the decision offers no choice on that tension.`,
        ['nodes', ni, 'id'],
      );
    }
  });
}

/** The most characters each kind of text can have before it overflows its place in the layout. */
export const TEXT_LIMITS = { optionLabel: 90, nodeText: 700, position: 300, injectText: 500, endingText: 900 } as const;

/** SCN032: text longer than the layout holds. */
function textTooLong(scenario: Scenario, warn: Warn): void {
  const check = (text: string | undefined, limit: number, what: string, path: DataPath): void => {
    const n = text === undefined ? 0 : [...text].length;
    if (n > limit) warn('SCN032', `${what} is ${n} characters long; the layout holds ${limit}. Shorten it by ${n - limit}.`, path);
  };
  scenario.nodes.forEach((node, ni) => {
    check(node.text, TEXT_LIMITS.nodeText, `The text of "${node.id}"`, ['nodes', ni, 'text']);
    node.positions.forEach((p, pi) =>
      check(p.text, TEXT_LIMITS.position, `The position of "${p.adviser}" at "${node.id}"`, ['nodes', ni, 'positions', pi, 'text']),
    );
    node.options.forEach((o, oi) =>
      check(o.label, TEXT_LIMITS.optionLabel, `The label of option "${o.id}"`, ['nodes', ni, 'options', oi, 'label']),
    );
  });
  scenario.injects.forEach((inj, i) => check(inj.text, TEXT_LIMITS.injectText, `The text of inject "${inj.id}"`, ['injects', i, 'text']));
  scenario.endings.forEach((e, i) => check(e.text, TEXT_LIMITS.endingText, `The text of ending "${e.id}"`, ['endings', i, 'text']));
}

/** SCN031: injects and consequences the bounded search of play never saw arrive. */
function neverFired(scenario: Scenario, found: ReturnType<typeof exploreScenario>, warn: Warn): void {
  const states = `in a search of ${found.states} states of play`;
  scenario.injects.forEach((inj, i) => {
    if (isOptionalInject(inj) || found.injects.has(inj.id)) return;
    if (inj.when) warn('SCN031', `Inject "${inj.id}" never arrives: its \`when\` never holds ${states}.`, ['injects', i, 'when']);
    else if (inj.at !== undefined)
      warn('SCN031', `Inject "${inj.id}" never arrives: play always ends before minute ${inj.at} ${states}.`, ['injects', i, 'at']);
    else warn('SCN031', `Inject "${inj.id}" never arrives: it has no \`at\`, no \`when\` and is not \`optional\`.`, ['injects', i, 'id']);
  });
  scenario.nodes.forEach((node, ni) => {
    const outcomes: { option: string; base: DataPath; list: readonly Consequence[] }[] = node.options.map((o, oi) => ({
      option: o.id,
      base: ['nodes', ni, 'options', oi],
      list: o.consequences,
    }));
    if (node.timeout) outcomes.push({ option: 'timeout', base: ['nodes', ni, 'timeout'], list: node.timeout.consequences });
    for (const { option, base, list } of outcomes) {
      list.forEach((c, ci) => {
        const ref = `${node.id}.${option}.${c.id}`;
        if (found.consequences.has(ref)) return;
        const what = `Consequence "${c.id}" of "${node.id}.${option}" never lands`;
        if (c.when && found.due.has(ref)) warn('SCN031', `${what}: its \`when\` never holds when it comes due ${states}.`, [...base, 'consequences', ci, 'when']);
        else warn('SCN031', `${what}: play always ends before it falls due, ${c.delay} minutes after the decision, ${states}. Give the end node a later \`at\`, or shorten the delay.`, [...base, 'consequences', ci, 'id']);
      });
    }
  });
}

/** Translations read from `locales/<lang>.yaml` beside the scenario; null when the file is missing. */
export type Translations = ReadonlyMap<string, Readonly<Record<string, unknown>> | null>;

/**
 * SCN033: for each declared language after the first (the language the file is written in), the
 * text keys its translation file lacks. SCN050: the translations made from an English text that
 * has changed since (or whose file does not say from which). SCN051: keys the scenario does not
 * have. Each is one warning per language, at its entry in `languages`.
 */
export function checkTranslations(scenario: Scenario, src: SourceFile, translations: Translations): Diagnostic[] {
  const out: Diagnostic[] = [];
  const list = (keys: readonly string[]): string => keys.slice(0, 3).join(', ') + (keys.length > 3 ? ', …' : '');
  scenario.languages.forEach((lang, i) => {
    if (i === 0) return;
    const file = `locales/${lang}.yaml`;
    const t = translations.get(lang) ?? null;
    const status = translationStatus(scenario, t);
    const { missing, total } = status;
    if (missing.length > 0) {
      const message = t
        ? `Language "${lang}": ${missing.length} of ${total} text keys have no translation in ${file} (${list(missing)}).`
        : `Language "${lang}": ${file} was not found beside the scenario, so all ${total} text keys are untranslated (${list(missing)}).`;
      out.push(src.diagnostic('SCN033', 'warning', message, ['languages', i]));
    }
    const stale = [...status.stale, ...status.unverified];
    if (stale.length > 0) {
      const why = [
        status.stale.length ? `${status.stale.length} translated from English that has changed since` : '',
        status.unverified.length ? `${status.unverified.length} with no \`source\` hash saying which English they were translated from` : '',
      ].filter(Boolean).join(', ');
      out.push(src.diagnostic('SCN050', 'warning', `Language "${lang}": ${stale.length} translation(s) in ${file} may be out of date: ${why} (${list(stale)}). Export with \`npm run scenario -- xliff export ${scenario.id} --lang ${lang}\`, review them, and import.`, ['languages', i]));
    }
    const tooLong = [...readTranslationFile(t)].flatMap(([key, e]) => {
      const limit = textContext(scenario, key).limit;
      const n = [...e.text].length;
      return limit !== undefined && n > limit ? [`${key} ${n}/${limit}`] : [];
    });
    if (tooLong.length > 0) {
      out.push(src.diagnostic('SCN052', 'warning', `Language "${lang}": ${tooLong.length} translation(s) in ${file} are longer than the layout holds (${list(tooLong)}). Shorten them.`, ['languages', i]));
    }
    if (status.unknown.length > 0) {
      out.push(src.diagnostic('SCN051', 'warning', `Language "${lang}": ${file} has ${status.unknown.length} key(s) the scenario does not have (${list(status.unknown)}); they are never shown. Remove them, or fix the key.`, ['languages', i]));
    }
  });
  return out;
}
