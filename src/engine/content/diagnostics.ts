/**
 * Author diagnostics: every problem has a code, a severity, a position and the source line. The
 * catalogue below is the single list of codes; it generates the authors' reference.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  endLine: number;
  endCol: number;
  /** The source line the problem starts on. */
  source: string;
  /** The data path, e.g. "nodes.3.options.1.next". */
  path?: string;
}

export interface DiagnosticInfo {
  code: string;
  severity: Severity;
  title: string;
  /** A small failing example. */
  example: string;
  fix: string;
}

export const DIAGNOSTIC_CATALOGUE: readonly DiagnosticInfo[] = [
  { code: 'SCN001', severity: 'error', title: 'YAML syntax error', example: 'title: "Unclosed', fix: 'Fix the YAML syntax at the position shown.' },
  { code: 'SCN002', severity: 'error', title: 'Invalid value', example: 'durationMinutes: "long"', fix: 'Give the field a value of the type the reference describes.' },
  { code: 'SCN003', severity: 'error', title: 'Unknown field', example: 'titel: The Line', fix: 'Remove the field or correct its spelling.' },
  { code: 'SCN004', severity: 'error', title: 'Unsupported schema version', example: 'schemaVersion: 9', fix: 'Write schemaVersion: 1, the version this build reads.' },
  {
    code: 'SCN005',
    severity: 'error',
    title: 'YAML aliases expand too far',
    example: 'lol: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]  (and so on, nine levels deep)',
    fix: 'Write the content out instead of repeating it through anchors and aliases (`&name` / `*name`); a file whose aliases expand beyond 100 is refused so that it cannot exhaust memory.',
  },
  { code: 'SCN010', severity: 'error', title: 'Duplicate id', example: 'nodes: [{id: a1, …}, {id: a1, …}]', fix: 'Give every node, option, inject, ending, meter and adviser a unique id.' },
  { code: 'SCN011', severity: 'error', title: 'Unknown node', example: 'next: a2-red-lne', fix: 'Point `next`, `start` or a branch at an existing node id.' },
  { code: 'SCN012', severity: 'error', title: 'Unknown meter', example: '{ meter: credibilty, add: 5 }', fix: 'Use a meter id declared under `meters`.' },
  { code: 'SCN013', severity: 'error', title: 'Unknown polarity', example: 'polarities: [{ id: red_line }]', fix: 'Use an id from scenarios/polarities.yaml.' },
  { code: 'SCN014', severity: 'error', title: 'Polarity not declared by the scenario', example: 'leans: [{ polarity: election_timing, toward: a }]', fix: 'Declare the polarity under `polarities` or lean on a declared one.' },
  { code: 'SCN015', severity: 'error', title: 'Unknown adviser', example: 'positions: [{ adviser: fcc, text: … }]', fix: 'Use an adviser id declared under `advisers`.' },
  { code: 'SCN016', severity: 'error', title: 'Unknown option', example: 'when: { chose: a2.publik }', fix: 'Name an option that exists at that decision (or `timeout`).' },
  { code: 'SCN017', severity: 'error', title: 'Unknown world reference', example: 'incident: { at: kesrin, kind: violence }', fix: 'Use a place, unit or faction id from scenarios/world/world.yaml.' },
  { code: 'SCN018', severity: 'warning', title: 'Flag read but never set', example: 'when: { flag: RED_LINE_PUBLC }', fix: 'Set the flag in some effect, or correct its name.' },
  { code: 'SCN019', severity: 'error', title: 'Unknown world', example: 'world: atlantis', fix: 'Name the world file id (velmora).' },
  { code: 'SCN020', severity: 'error', title: 'Unreachable node', example: 'a node no option, branch or timeout leads to', fix: 'Lead to it from some decision, or remove it.' },
  { code: 'SCN021', severity: 'error', title: 'Dead end', example: 'a decision with no options available and no timeout', fix: 'Give the decision an option that is always available or a timeout.' },
  { code: 'SCN022', severity: 'error', title: 'Ending never reached', example: 'endings: [{ id: x, when: { all: [{flag: A}, {flag: A, is: false}] } }]', fix: 'Relax its condition, or make play able to satisfy it.' },
  { code: 'SCN023', severity: 'error', title: 'No fallback ending', example: 'the last ending has a `when`', fix: 'Make the last ending unconditional.' },
  { code: 'SCN024', severity: 'error', title: 'Decision cites no study section', example: 'cites: []', fix: 'Cite the study sections that justify how the decision is scored.' },
  { code: 'SCN025', severity: 'error', title: 'Deadline without a timeout outcome', example: 'deadline: 120 (no timeout)', fix: 'Add a `timeout` outcome: what happens when no decision is taken in time.' },
  { code: 'SCN026', severity: 'warning', title: 'Polarity pushed only one way', example: 'every lean on mission_posture is toward a', fix: 'Let some option lean toward the other pole (or both).' },
  { code: 'SCN027', severity: 'warning', title: 'Decision without a study note', example: 'a decision with no studyNote', fix: 'Add a one-line studyNote: what the study advises here.' },
  { code: 'SCN028', severity: 'error', title: 'Unknown study section', example: 'cites: ["§9.9.9"]', fix: 'Cite a section that exists in the 2020 edition.' },
  { code: 'SCN029', severity: 'error', title: 'Unknown seat', example: 'owners: [police-comissioner]', fix: 'Use a seat id declared under `seats`.' },
  { code: 'SCN034', severity: 'error', title: 'No rule for a decision another seat takes', example: 'owners: [pc] with no `npc` rules', fix: 'Add `npc` rules (the last without `when`) saying which option the owner takes for players in other seats.' },
  { code: 'SCN030', severity: 'warning', title: 'Every option leans the same way', example: 'both options at d2 lean toward a on red_lines_use_of_force', fix: 'Give the decision an option that leans toward the other pole, serves both (`toward: both`), or leaves that polarity alone.' },
  { code: 'SCN031', severity: 'warning', title: 'Inject or consequence never fires', example: 'a consequence of `talk` with `when: { flag: DEPLOYED }`, a flag only `deploy` sets', fix: 'Make its `when` satisfiable on the path that schedules it, move its time before play ends, or remove it.' },
  { code: 'SCN032', severity: 'warning', title: 'Text too long for the layout', example: 'an option label of 120 characters', fix: 'Shorten it: option labels up to 90 characters, decision text 700, adviser positions 300, inject text 500, ending text 900.' },
  { code: 'SCN033', severity: 'warning', title: 'Translation missing', example: 'languages: [en, fr] with no locales/fr.yaml', fix: 'Add every missing key to locales/<lang>.yaml beside scenario.yaml, or drop the language from `languages`.' },
  { code: 'SCN035', severity: 'error', title: 'Role without a brief', example: 'roles: [{ id: fc, title: Force Commander }]', fix: 'Give the role a `brief`: what only that role knows, printed as its handout.' },
  { code: 'SCN036', severity: 'error', title: 'Unknown role', example: 'roles: [fcc] on an inject or in facilitator notes', fix: 'Use a role id declared under `roles`.' },
  { code: 'SCN037', severity: 'error', title: 'Facilitator note on an unknown option', example: 'tradeoffs: [{ option: deplyo, text: … }]', fix: 'Name an option of that decision in each trade-off.' },
  { code: 'SCN038', severity: 'warning', title: 'Optional inject without a purpose', example: 'an inject with `optional: true` and no `purpose`', fix: 'Add a `purpose`: when the facilitator should fire it and what it tests.' },
  { code: 'SCN039', severity: 'warning', title: 'Facilitator notes incomplete', example: 'a scenario with `roles` whose decision has no `facilitator`, or no trade-off for one option', fix: 'Write facilitator notes for every decision, with a trade-off for every option.' },
  { code: 'SCN050', severity: 'warning', title: 'Translation out of date', example: 'locales/fr.yaml translated `title` from English that has changed since', fix: 'Export the language (`npm run scenario -- xliff export <id> --lang <lang>`), update the translations the export marks stale, and import the file back; each entry records the hash of its English in `source`.' },
  { code: 'SCN052', severity: 'warning', title: 'Translation too long for the layout', example: 'locales/es.yaml: an option label of 104 characters', fix: 'Shorten the translation to the limit its place holds (option labels 90 characters, decision text 700, adviser positions 300, inject text 500, ending text 900); `xliff export` gives each unit its limit.' },
  { code: 'SCN051', severity: 'warning', title: 'Translation of a key the scenario does not have', example: 'locales/fr.yaml translates nodes.d1.options.wait.label, an option since removed', fix: 'Remove the entry, or correct its key (keys are listed by `xliff export`).' },
];

export function catalogueEntry(code: string): DiagnosticInfo | undefined {
  return DIAGNOSTIC_CATALOGUE.find((d) => d.code === code);
}

/** Formats a diagnostic like a compiler: location, severity, code, message, source line, caret. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`;
  if (!d.source) return head;
  const width = d.endLine === d.line ? Math.max(1, d.endCol - d.col) : Math.max(1, d.source.length - d.col + 1);
  const caret = ' '.repeat(Math.max(0, d.col - 1)) + '^'.repeat(Math.min(width, 80));
  const gutter = String(d.line).length;
  return `${head}\n  ${String(d.line)} | ${d.source}\n  ${' '.repeat(gutter)} | ${caret}`;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 3)) ? ` Did you mean "${best}"?` : '';
}
