/**
 * The content-quality bar every shipped scenario is held to (tests/scenarios/content-quality.test.ts),
 * as plain functions so the same checks can also report on the drafts without failing:
 *
 *  1. ending balance under random play, per seat;
 *  2. no dominant option at any decision;
 *  3. every citation names a section, chapter or case box that exists in the study text;
 *  4. no run of 8 or more words copied from the study;
 *  5. no adviser whose advice, followed, wins a good ending nearly every time.
 *
 * Each function returns data (counts, offending items); the test decides whether to fail or report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadShared, rel, ROOT, STUDY_2020 } from '../../src/build/content-files';
import { compileScenario, type Diagnostic } from '../../src/engine/content/index';
import {
  advisersOfSeat,
  availableOptions,
  indexScenario,
  initialContext,
  ownsDecision,
  percentDraw,
  reduce,
  refusal,
  scenarioTextEntries,
  type EngineEvent,
  type Scenario,
  type ScenarioBundle,
  type ScenarioNode,
  type ScenarioOption,
} from '../../src/engine/index';

export const STUDY_DIR = resolve(STUDY_2020, '..');
export const STUDY_2010 = join(STUDY_DIR, '000_f585d55131af7242.txt');
export const DRAFTS_DIR = join(ROOT, 'drafts');

// ---- compiling ----------------------------------------------------------------------------------

export interface Compiled {
  file: string;
  bundle?: ScenarioBundle;
  errors: Diagnostic[];
}

/**
 * Compiles a scenario file WITHOUT the study index, so that a citation the study lacks is reported by
 * the citation check below (with every offender listed) rather than stopping compilation (SCN028).
 */
export function compileForQuality(path: string): Compiled {
  const shared = loadShared();
  const r = compileScenario({ file: rel(path), text: readFileSync(path, 'utf8') }, shared);
  return { file: path, ...(r.bundle ? { bundle: r.bundle } : {}), errors: [...shared.diagnostics, ...r.diagnostics].filter((d) => d.severity === 'error') };
}

/** drafts/<id>/scenario.yaml, sorted. */
export function draftFiles(): string[] {
  if (!existsSync(DRAFTS_DIR)) return [];
  return readdirSync(DRAFTS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(DRAFTS_DIR, d.name, 'scenario.yaml')))
    .map((d) => join(DRAFTS_DIR, d.name, 'scenario.yaml'))
    .sort();
}

// ---- 1. ending balance under random play -------------------------------------------------------

export const RANDOM_RUNS = 10_000;
export const MIN_ENDING_SHARE = 0.01;
export const MAX_ENDING_SHARE = 0.7;
const MAX_STEPS = 500;

export interface EndingBalance {
  seat: string;
  runs: number;
  /** Ending id → runs that reached it; every ending of the scenario is listed, 0 included. */
  endings: Record<string, number>;
  /** Runs that did not reach an ending (no move available, a refused move, or MAX_STEPS exceeded). */
  stuck: number;
  /** Ending ids reached in fewer than 1% or more than 70% of the runs, with their share. */
  offenders: string[];
}

/**
 * `runs` seeded random playthroughs for one seat, run through the engine's pure rules in-process
 * (initialContext + refusal + reduce: what createSession's machine does, without the actor overhead).
 * Run r uses engine seed r and, at its step-th move, picks uniformly among the options available plus
 * the timeout where the decision has one — the CLI's `play --random` draw,
 * percentDraw(seed, `cli-play:${step}`, 0) % n, so run r for the first seat replays as
 * `npm run scenario -- play <id> --seed r --random`. No adviser is consulted.
 */
/**
 * `reachable`: the endings play can reach from this seat at all (by the bounded search). An ending a
 * seat cannot reach by design (say, one that only another seat's own decision leads to) is exempt
 * from the 1% floor for that seat; the scenario-level test requires it from some other seat.
 */
export function endingBalance(bundle: ScenarioBundle, seat: string, runs = RANDOM_RUNS, reachable?: ReadonlySet<string>): EndingBalance {
  const { endings, stuck } = playRuns(bundle, seat, runs, (moves, run, step) => moves[percentDraw(run, `cli-play:${step}`, 0) % moves.length] as string);
  const offenders = Object.entries(endings)
    .filter(([id, n]) => ((!reachable || reachable.has(id)) && n < runs * MIN_ENDING_SHARE) || n > runs * MAX_ENDING_SHARE)
    .map(([id, n]) => `${id}: ${n}/${runs} (${pct(n / runs)})`);
  return { seat, runs, endings, stuck, offenders };
}

/** Seeded runs for one seat; `choose` picks among the moves (options available, plus "timeout"). */
function playRuns(
  bundle: ScenarioBundle,
  seat: string,
  runs: number,
  choose: (moves: string[], run: number, step: number, node: ScenarioNode) => string,
): { endings: Record<string, number>; stuck: number } {
  const { scenario } = bundle;
  const index = indexScenario(scenario);
  const endings: Record<string, number> = Object.fromEntries(scenario.endings.map((e) => [e.id, 0]));
  let stuck = 0;
  for (let run = 0; run < runs; run++) {
    let ctx = initialContext(index, run, seat);
    for (let step = 0; step < MAX_STEPS && ctx.ending === null; step++) {
      const node = index.nodes.get(ctx.node);
      if (!node) break;
      const moves = [...availableOptions(index, ctx), ...(node.timeout ? ['timeout'] : [])];
      if (moves.length === 0) break;
      const pick = choose(moves, run, step, node);
      const seq = ctx.seq + 1;
      const event: EngineEvent =
        pick === 'timeout' ? { type: 'decision.timeout', seq, node: node.id } : { type: 'decision.choose', seq, node: node.id, option: pick };
      if (refusal(index, ctx, event) !== null) break;
      ctx = reduce(index, ctx, event);
    }
    if (ctx.ending === null) stuck++;
    else endings[ctx.ending] = (endings[ctx.ending] ?? 0) + 1;
  }
  return { endings, stuck };
}

// ---- 1b. no adviser is an answer key --------------------------------------------------------------

/** Above this share of good endings, following one adviser is an answer key, not a voice. */
export const MAX_GOOD_WHEN_FOLLOWING = 0.6;

export interface AdviserFollowing {
  seat: string;
  adviser: string;
  /** Decisions of this seat where the adviser recommends an option. */
  recommends: number;
  runs: number;
  /** Share of runs ending in an ending of tone `good`. */
  good: number;
}

/**
 * For each adviser a seat can consult who recommends at two or more of that seat's decisions: seeded
 * runs in which the player takes that adviser's recommendation wherever it is on offer, and otherwise
 * plays at random (as endingBalance does). If that wins a good ending nearly every time, the adviser is
 * an answer key: the study's advisers argue their component's pole, and no single voice is always right.
 */
export function adviserFollowing(bundle: ScenarioBundle, runs = 1000): AdviserFollowing[] {
  const { scenario } = bundle;
  const good = new Set(scenario.endings.filter((e) => e.tone === 'good').map((e) => e.id));
  const out: AdviserFollowing[] = [];
  const index = indexScenario(scenario);
  for (const seat of scenario.seats) {
    for (const adviser of advisersOfSeat(index, seat.id)) {
      const recommends = scenario.nodes.filter((n) => ownsDecision(n, seat.id) && n.positions.some((p) => p.adviser === adviser && p.recommends)).length;
      if (recommends < 2) continue;
      const { endings } = playRuns(bundle, seat.id, runs, (moves, run, step, node) => {
        const advice = node.positions.find((p) => p.adviser === adviser)?.recommends;
        return advice && moves.includes(advice) ? advice : (moves[percentDraw(run, `cli-play:${step}`, 0) % moves.length] as string);
      });
      const won = Object.entries(endings).reduce((sum, [id, n]) => sum + (good.has(id) ? n : 0), 0);
      out.push({ seat: seat.id, adviser, recommends, runs, good: won / runs });
    }
  }
  return out;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

export function formatBalance(b: EndingBalance): string {
  return Object.entries(b.endings)
    .map(([id, n]) => `${id} ${pct(n / b.runs)}`)
    .join(', ');
}

// ---- 2. no dominant option ---------------------------------------------------------------------

/**
 * DEFINITION (dominance). At a decision, each option gets a profile:
 *
 *  - meters: for every meter of the scenario, the option's immediate `effects` on it plus, for each of
 *    its `consequences`, that consequence's effects weighted by its chance (`chance`/100, or 1 when it
 *    has none). A consequence's `when` condition is IGNORED, i.e. treated as holding, and its delay is
 *    ignored too: a consequence counts at its full chance-weighted value. Branches, `next`, the time an
 *    option takes, flags and the polarity downsides it may later trigger are not part of the profile.
 *    Every meter counts as "higher is better" (they are all framed that way: civilian safety, trust,
 *    backing, resources…).
 *  - polarities: for every polarity of the scenario, the option's lean on it — its direction
 *    (a, b or both) and summed weight, or none. Polarities have no good direction, so an option is
 *    "at least as good" as another on a polarity only when the two leans are EQUAL (same direction and
 *    weight, or neither leans); any difference makes the two incomparable on that polarity.
 *
 * Option X DOMINATES alternative Y when X's meter value ≥ Y's on every meter, X's lean equals Y's on
 * every polarity, and X's meter value > Y's on at least one meter. An option is DOMINANT at a decision
 * when it dominates every alternative there. The alternatives are the decision's other options — every
 * one of them, whatever its `when` (option conditions are treated as holding too: all options are
 * compared as if offered together); the timeout is not an option and is not compared. One exception:
 * an option whose label or text marks it as crossing a hard limit ("crosses a UN limit", "hard limit")
 * is dropped from X's alternatives when it is strictly worse than X on at least one meter — a tempting
 * mistake must not hide that X beats every legitimate option. A hard-limit option that is NOT worse than
 * X anywhere stays an alternative, and a hard-limit option is itself always checked for dominance over
 * all the others: it must never be dominant.
 */
export interface OptionProfile {
  option: string;
  hardLimit: boolean;
  meters: Record<string, number>;
  /** Polarity id → "a×2", "both×1"… or "none". */
  leans: Record<string, string>;
}

export interface DominantOption {
  node: string;
  option: string;
  /** The alternatives it dominates, with the meters on which it is strictly better and by how much. */
  over: { option: string; better: string[] }[];
  /** Hard-limit options left out of the comparison because they are worse than it somewhere. */
  excluded: string[];
  profiles: OptionProfile[];
}

const HARD_LIMIT = /\b(?:hard|UN) limits?\b/i;

export function isHardLimit(o: ScenarioOption): boolean {
  return HARD_LIMIT.test(o.label) || HARD_LIMIT.test(o.text ?? '');
}

export function optionProfile(scenario: Scenario, o: ScenarioOption): OptionProfile {
  const meters: Record<string, number> = Object.fromEntries(scenario.meters.map((m) => [m.id, 0]));
  const addAll = (effects: ScenarioOption['effects'], weight: number): void => {
    for (const e of effects) if ('meter' in e) meters[e.meter] = (meters[e.meter] ?? 0) + e.add * weight;
  };
  addAll(o.effects, 1);
  for (const c of o.consequences) addAll(c.effects, (c.chance ?? 100) / 100);
  for (const k of Object.keys(meters)) meters[k] = Math.round((meters[k] as number) * 100) / 100;
  const leans: Record<string, string> = {};
  for (const p of scenario.polarities) {
    const on = o.leans.filter((l) => l.polarity === p.id);
    const dirs = [...new Set(on.map((l) => l.toward))].sort();
    leans[p.id] = on.length === 0 ? 'none' : `${dirs.join('+')}×${on.reduce((s, l) => s + l.weight, 0)}`;
  }
  return { option: o.id, hardLimit: isHardLimit(o), meters, leans };
}

/**
 * The meters on which x is strictly better than y (with the margin), or null when x does not dominate y.
 * `ignorePolarities` drops the equal-lean condition (a looser, report-only view: meters alone).
 */
function dominates(x: OptionProfile, y: OptionProfile, ignorePolarities: boolean): string[] | null {
  if (!ignorePolarities) for (const p of Object.keys(x.leans)) if (x.leans[p] !== y.leans[p]) return null;
  const better: string[] = [];
  for (const m of Object.keys(x.meters)) {
    const a = x.meters[m] as number;
    const b = y.meters[m] as number;
    if (a < b) return null;
    if (a > b) better.push(`${m} ${fmt(a)} vs ${fmt(b)}`);
  }
  return better.length ? better : null;
}

const worseSomewhere = (h: OptionProfile, x: OptionProfile): boolean => Object.keys(x.meters).some((m) => (h.meters[m] as number) < (x.meters[m] as number));
const fmt = (v: number): string => (v > 0 ? `+${v}` : String(v));

/**
 * The dominant options of every decision, by the definition above. With `{ ignorePolarities: true }`
 * the polarity condition is dropped: meters alone decide (used only to inform authors, never to fail).
 */
export function dominantOptions(scenario: Scenario, opts: { ignorePolarities?: boolean } = {}): DominantOption[] {
  const ignorePolarities = opts.ignorePolarities ?? false;
  const out: DominantOption[] = [];
  for (const node of scenario.nodes.filter((n): n is ScenarioNode => n.kind === 'decision' && n.options.length > 1)) {
    const profiles = node.options.map((o) => optionProfile(scenario, o));
    for (const x of profiles) {
      const excluded: string[] = [];
      const alternatives = profiles.filter((y) => {
        if (y === x) return false;
        if (!x.hardLimit && y.hardLimit && worseSomewhere(y, x)) {
          excluded.push(y.option);
          return false;
        }
        return true;
      });
      if (alternatives.length === 0) continue;
      const over: DominantOption['over'] = [];
      for (const y of alternatives) {
        const better = dominates(x, y, ignorePolarities);
        if (!better) break;
        over.push({ option: y.option, better });
      }
      if (over.length === alternatives.length) out.push({ node: node.id, option: x.option, over, excluded, profiles });
    }
  }
  return out;
}

export function formatDominant(d: DominantOption): string {
  const lines = [`${d.node}: "${d.option}" dominates ${d.over.map((o) => `"${o.option}" (better on ${o.better.join(', ')})`).join('; ')}`];
  if (d.excluded.length) lines.push(`  (hard-limit options left out, worse somewhere: ${d.excluded.join(', ')})`);
  for (const p of d.profiles) {
    const meters = Object.entries(p.meters)
      .filter(([, v]) => v !== 0)
      .map(([m, v]) => `${m} ${fmt(v)}`)
      .join(', ');
    const leans = Object.entries(p.leans)
      .filter(([, v]) => v !== 'none')
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`    ${p.option}${p.hardLimit ? ' [hard limit]' : ''}: meters {${meters || 'none'}} leans {${leans || 'none'}}`);
  }
  return lines.join('\n');
}

// ---- 3. citations -------------------------------------------------------------------------------

export interface StudyEditionIndex {
  /** Heading numbers ("4.2.6", "4.4.3" — a trailing dot is allowed) and chapter numbers ("4"). */
  sections: Set<string>;
  /** Chapter numbers from the "Chapter N." / "Chapter N:" headings. */
  chapters: Set<string>;
  /** Case boxes: lines such as " MINUSCA: Red lines and the use of force" (an acronym, a colon, a title). */
  boxes: Set<string>;
}

/** Reads an edition's plain text into its headings; independent of the compiler's own index. */
export function editionIndex(text: string): StudyEditionIndex {
  const chapters = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*Chapter[ \t]+(\d+)[ \t]*[.:]/gm)) chapters.add(m[1] as string);
  const sections = new Set<string>(chapters);
  for (const m of text.matchAll(/^[ \t]*(\d+(?:\.\d+)+)\.?[ \t]+\p{Lu}/gmu)) sections.add(m[1] as string);
  const boxes = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*([A-Z]{3,}):[ \t]+\p{Lu}/gmu)) boxes.add(m[1] as string);
  return { sections, chapters, boxes };
}

const CITE = /^(?:(2010|2020) )?(?:§(\d+(?:\.\d+)*)|Box:([A-Za-z]+)|Ch\.(\d+)(?: .*)?|(Introduction)(?: .*)?)$/;

/** Every `cites` entry of every node and benchmark that does not resolve; "where: cite — why". */
export function citationProblems(scenario: Scenario, editions: { 2020: StudyEditionIndex; 2010: StudyEditionIndex | null }): string[] {
  const problems: string[] = [];
  const sites = [
    ...scenario.nodes.map((n) => ({ where: `nodes.${n.id}`, cites: n.cites })),
    ...scenario.benchmarks.map((b) => ({ where: `benchmarks.${b.id}`, cites: b.cites })),
  ];
  for (const { where, cites } of sites) {
    for (const cite of cites) {
      const m = CITE.exec(cite);
      if (!m) {
        problems.push(`${where}: "${cite}" is not a citation form this check knows`);
        continue;
      }
      const [, ed, section, box, chapter] = m;
      const edition = ed === '2010' ? '2010' : '2020';
      const idx = edition === '2010' ? editions[2010] : editions[2020];
      if (!idx) {
        problems.push(`${where}: "${cite}" cites the 2010 edition, whose text (${rel(STUDY_2010)}) is missing`);
        continue;
      }
      if (section !== undefined && !idx.sections.has(section)) problems.push(`${where}: "${cite}" — no heading ${section} in the ${edition} edition`);
      if (box !== undefined && !idx.boxes.has(box.toUpperCase())) problems.push(`${where}: "${cite}" — no case box ${box} in the ${edition} edition (boxes: ${[...idx.boxes].join(', ')})`);
      if (chapter !== undefined && !idx.chapters.has(chapter)) problems.push(`${where}: "${cite}" — no chapter ${chapter} in the ${edition} edition`);
    }
  }
  return problems;
}

// ---- 4. no copying ------------------------------------------------------------------------------

export const SHINGLE = 8;

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\u2010\u2011-][\p{L}\p{N}]+)*/gu;

/**
 * NORMALISATION: case-folded, accents stripped, apostrophes and in-word hyphens removed ("country’s"
 * → "countrys", "self-defence" → "selfdefence"); every other punctuation mark and all whitespace
 * separate words. Study text also has its line-end hyphenation joined first ("imple-\nmentation").
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0]
      .normalize('NFKD')
      .replace(/[\u0300-\u036f'’\u2010\u2011-]/g, '')
      .toLowerCase();
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function studyWords(text: string): string[] {
  return tokens(text.replace(/\u00ad/g, '').replace(/(\p{L})[-\u2010][ \t]*\r?\n[ \t]*(\p{L})/gu, '$1$2')).map((t) => t.word);
}

/** The study files the copy check reads: every *.txt and *.md in the study folder. */
export function studyFiles(): string[] {
  if (!existsSync(STUDY_DIR)) return [];
  return readdirSync(STUDY_DIR)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => join(STUDY_DIR, f));
}

let shingleCache: Set<string> | undefined;
/** Every 8-word shingle of the study files, normalised; built once per process. */
export function studyShingles(): Set<string> {
  if (shingleCache) return shingleCache;
  const set = new Set<string>();
  for (const f of studyFiles()) {
    const words = studyWords(readFileSync(f, 'utf8'));
    for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  }
  shingleCache = set;
  return set;
}

/**
 * QUOTATION EXEMPTION: a shingle is allowed when it lies entirely inside one quoted string of the
 * field — "…", “…” or ‘…’ (an ’ followed by a letter is an apostrophe, not a closing mark) — and the
 * same field also has a § citation (§ and a digit) outside that quotation, before or after it. That is
 * how a study heading may be quoted: “Protection through dialogue and engagement” (§4.2.6).
 */
function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/"[^"]*"|“[^”]*”|‘(?:[^’]|’(?=\p{L}))*’/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/§\s*\d/.test(text.slice(0, start)) || /§\s*\d/.test(text.slice(end))) spans.push({ start, end });
  }
  return spans;
}

export interface CopiedPassage {
  key: string;
  /** The copied words, normalised, as one run (overlapping shingles merged). */
  words: string;
}

/** Every run of ≥ 8 consecutive words of the scenario's player-facing text that occurs in the study. */
export function copiedPassages(scenario: Scenario, shingles: Set<string>): CopiedPassage[] {
  const out: CopiedPassage[] = [];
  for (const [key, text] of scenarioTextEntries(scenario)) {
    const toks = tokens(text);
    const spans = quotedSpans(text);
    let runStart = -1;
    let runEnd = -1;
    const flush = (): void => {
      if (runStart >= 0) out.push({ key, words: toks.slice(runStart, runEnd).map((t) => t.word).join(' ') });
      runStart = -1;
    };
    for (let i = 0; i + SHINGLE <= toks.length; i++) {
      const shingle = toks.slice(i, i + SHINGLE);
      if (!shingles.has(shingle.map((t) => t.word).join(' '))) continue;
      const first = shingle[0] as Token;
      const last = shingle[SHINGLE - 1] as Token;
      if (spans.some((s) => first.start >= s.start && last.end <= s.end)) continue;
      if (runStart >= 0 && i <= runEnd) runEnd = i + SHINGLE;
      else {
        flush();
        runStart = i;
        runEnd = i + SHINGLE;
      }
    }
    flush();
  }
  return out;
}
