// @ts-check
// The pure parts of `npm run bench` (tests/unit/bench-lib.test.ts): statistics, the generated ink
// story the inkjs page plays, the generated Mandate scenarios of the growth table, and the Markdown
// writer. No I/O here.

/**
 * Median, min and max of a sample (the median of an even sample is the mean of the middle two).
 * @param {readonly number[]} values
 * @returns {{ median: number, min: number, max: number, n: number }}
 */
export function summarize(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? /** @type {number} */ (v[mid]) : (/** @type {number} */ (v[mid - 1]) + /** @type {number} */ (v[mid])) / 2;
  return { median, min: /** @type {number} */ (v[0]), max: /** @type {number} */ (v[v.length - 1]), n: v.length };
}

/**
 * The p-th percentile (0..100), nearest-rank.
 * @param {readonly number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const rank = Math.min(v.length, Math.max(1, Math.ceil((p / 100) * v.length)));
  return /** @type {number} */ (v[rank - 1]);
}

/** a / b, or NaN when b is not a positive number. @param {number} a @param {number} b */
export function ratio(a, b) {
  return b > 0 && Number.isFinite(a) ? a / b : NaN;
}

/**
 * A deterministic pseudo-random generator (mulberry32) for the generators and the seeded paths.
 * @param {number} seed
 */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['convoy', 'ridge', 'council', 'patrol', 'market', 'bridge', 'camp', 'radio', 'envoy', 'curfew', 'ferry', 'clinic'];

/**
 * An ink story of `decisions` knots comparable to a Mandate scenario of that many decisions: each
 * knot has a paragraph of text and three choices that change variables (like meters and flags),
 * one choice offered only when a flag set earlier holds, one that diverts past the next knot when a
 * variable is high (like a branch), and an ending chosen by a condition.
 * @param {number} decisions
 * @param {number} [seed]
 * @returns {string} ink source
 */
export function inkStory(decisions, seed = 1) {
  const r = rng(seed);
  const word = () => WORDS[Math.floor(r() * WORDS.length)];
  const out = ['VAR safety = 50', 'VAR consent = 50', 'VAR cred = 50', 'VAR lean = 0', 'VAR held = false', '-> d1', ''];
  for (let k = 1; k <= decisions; k++) {
    const next = k === decisions ? 'finale' : `d${k + 1}`;
    const skip = k + 2 <= decisions ? `d${k + 2}` : 'finale';
    out.push(`=== d${k} ===`);
    out.push(`Decision ${k}: a report about the ${word()} near the ${word()} reaches the mission. The ${word()} is at stake and the team waits for your call.`);
    out.push(`* [Act on the ${word()} now]`);
    out.push(`  ~ safety = safety + 3`);
    out.push(`  ~ lean = lean - 1`);
    out.push(`  ~ held = true`);
    out.push(`  You send a company to the ${word()}.`);
    out.push(`  -> ${next}`);
    out.push(`* [Talk to the ${word()} first]`);
    out.push(`  ~ consent = consent + 3`);
    out.push(`  ~ lean = lean + 1`);
    out.push(`  {cred >= 60: -> ${skip}}`);
    out.push(`  -> ${next}`);
    out.push(`* {held} [Hold the ${word()} and warn]`);
    out.push(`  ~ cred = cred + 2`);
    out.push(`  ~ held = false`);
    out.push(`  -> ${next}`);
    out.push('');
  }
  out.push('=== finale ===');
  out.push('{ safety >= 60 && cred >= 50: The line held. | An uneasy night. }');
  out.push('-> END');
  return out.join('\n') + '\n';
}

/**
 * A valid Mandate scenario of `decisions` decisions in the shared world, for the growth table: a
 * chain of decisions with three options each (one conditional on a flag an earlier option sets, one
 * with a branch past the next decision), meter effects, polarities pushed both ways, a delayed
 * consequence every third decision, injects, two endings and a benchmark. It passes `check`.
 * @param {number} decisions
 * @param {string} [id]
 * @returns {string} scenario YAML
 */
export function generatedScenario(decisions, id = `bench-${decisions}`) {
  const y = [];
  y.push(`schemaVersion: 1`, `id: ${id}`, `version: 1`, `title: Bench ${decisions}`, `world: velmora`);
  y.push(`setting: Kessrin, Republic of Velmora; a generated scenario for measuring the authoring tools.`);
  y.push(`summary: A chain of ${decisions} generated decisions used by npm run bench.`);
  y.push(`durationMinutes: ${Math.min(240, Math.max(10, decisions * 2))}`, `clock: { start: 0, zero: 360, zeroLabel: H }`);
  y.push(`briefing:`, `  mandate: Protect civilians under threat of physical violence.`, `  situation: A generated situation.`, `  role: You are the Head of Mission.`);
  y.push(`meters:`, `  - { id: civ-safety, label: Civilian safety, start: 50 }`, `  - { id: host-consent, label: Host-state consent, start: 55 }`, `  - { id: credibility, label: Credibility, start: 50 }`);
  y.push(`polarities:`, `  - id: red_lines_use_of_force`, `  - id: poc_vs_host_consent`);
  y.push(`advisers:`, `  - { id: fc, role: fc, title: Force Commander, consultMinutes: 10 }`, `  - { id: dsrsg-pol, role: dsrsg-pol, title: DSRSG (Political), consultMinutes: 10 }`);
  y.push(`start: d1`, `nodes:`);
  for (let k = 1; k <= decisions; k++) {
    const next = k === decisions ? 'end' : `d${k + 1}`;
    const skip = k + 2 <= decisions ? `d${k + 2}` : 'end';
    const pol = k % 2 ? 'red_lines_use_of_force' : 'poc_vs_host_consent';
    y.push(`  - id: d${k}`, `    title: Decision ${k}`, `    text: Decision ${k} of a generated chain; the team waits for your call.`);
    y.push(`    positions:`, `      - { adviser: fc, recommends: act, text: Act now. }`, `      - { adviser: dsrsg-pol, recommends: talk, text: Talk first. }`);
    y.push(`    options:`);
    y.push(`      - id: act`, `        label: Act now`, `        minutes: 10`, `        leans: [{ polarity: ${pol}, toward: a }]`);
    y.push(`        effects: [{ meter: civ-safety, add: 3 }, { meter: host-consent, add: -2 }, { flag: HELD }]`);
    if (k % 3 === 0) {
      y.push(`        consequences:`, `          - id: echo`, `            delay: 5`, `            title: Word spreads`, `            text: Word of the decision spreads.`);
      y.push(`            when: { meter: credibility, gte: 52 }`, `            effects: [{ meter: credibility, add: 2 }]`);
    }
    y.push(`        next: ${next}`);
    y.push(`      - id: talk`, `        label: Talk first`, `        minutes: 10`, `        leans: [{ polarity: ${pol}, toward: b }]`);
    y.push(`        effects: [{ meter: host-consent, add: 3 }, { meter: civ-safety, add: -2 }, { flag: HELD, set: false }]`);
    y.push(`        next: ${next}`);
    // Past the next decision when civilians are safe enough: never at the first (talking costs safety), either way later.
    if (k > 1 && skip !== next) y.push(`        branches:`, `          - when: { meter: civ-safety, gte: 50 }`, `            next: ${skip}`);
    y.push(`      - id: hold`, `        label: Hold and warn`, `        minutes: 10`);
    if (k > 1) y.push(`        when: { flag: HELD }`);
    y.push(`        effects: [{ meter: credibility, add: 2 }, { flag: HELD, set: false }]`, `        next: ${next}`);
    y.push(`    cites: ["§4.2.2"]`, `    studyNote: Generated decision.`);
  }
  y.push(`  - id: end`, `    kind: end`, `    title: The end`);
  y.push(`injects:`);
  for (let k = 1; k <= Math.max(1, Math.floor(decisions / 10)); k++) {
    y.push(`  - id: flash-${k}`, `    at: ${k * 50}`, `    channel: report`, `    from: Chief JMAC`, `    title: Flash report ${k}`, `    text: Something moved near Amdrel.`);
  }
  y.push(`endings:`);
  y.push(`  - id: held`, `    title: The line held`, `    tone: good`, `    when: { all: [{ meter: civ-safety, gte: 55 }, { meter: credibility, gte: 50 }] }`, `    text: It held.`);
  y.push(`  - id: uneasy`, `    title: An uneasy night`, `    tone: mixed`, `    text: Nothing is settled.`);
  y.push(`benchmarks:`, `  - id: civilians`, `    text: Civilians were kept safe.`, `    when: { meter: civ-safety, gte: 50 }`, `    cites: ["§4.2.2"]`);
  y.push(`map:`, `  focus: kessrin`);
  return y.join('\n') + '\n';
}

/**
 * A Markdown table. Numbers are printed as given (format them first).
 * @param {readonly string[]} header
 * @param {ReadonlyArray<ReadonlyArray<string | number>>} rows
 */
export function markdownTable(header, rows) {
  const esc = (/** @type {string | number} */ c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`| ${header.map(esc).join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
  return lines.join('\n');
}

/** "236 ms (min 220, max 260)" from a summary. @param {{ median: number, min: number, max: number }} s @param {string} [unit] @param {number} [digits] */
export function fmtSummary(s, unit = 'ms', digits = 0) {
  if (!Number.isFinite(s.median)) return 'n/a';
  return `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** "1.30×" @param {number} r */
export function fmtRatio(r) {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

/** Bytes as KB with one decimal. @param {number} b */
export function fmtKb(b) {
  return Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KB` : 'n/a';
}
