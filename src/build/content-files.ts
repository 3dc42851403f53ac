/**
 * Node-side discovery and compilation of the shipped content: the world, the polarity catalogue,
 * every scenarios/<id>/scenario.yaml, and (when present) the study text for citation checks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  compileScenario,
  compileShared,
  parseSourceFile,
  studyIndex,
  type CompileResult,
  type Diagnostic,
  type SharedContent,
} from '../engine/content/index';
import { checkTranslations, type Translations } from '../engine/content/check-scenario';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCENARIOS_DIR = join(ROOT, 'scenarios');
export const STUDY_2020 = resolve(ROOT, '..', 'shared', 'study', '001_289a0fdf2e2b88c3.txt');

export function rel(path: string): string {
  return relative(process.cwd(), path) || path;
}

export function loadShared(): SharedContent {
  const world = join(SCENARIOS_DIR, 'world', 'world.yaml');
  const catalogue = join(SCENARIOS_DIR, 'polarities.yaml');
  const read = (p: string): string => (existsSync(p) ? readFileSync(p, 'utf8') : '');
  const shared = compileShared({ file: rel(world), text: read(world) }, { file: rel(catalogue), text: read(catalogue) });
  if (!existsSync(world)) shared.diagnostics.push(missing(rel(world)));
  if (!existsSync(catalogue)) shared.diagnostics.push(missing(rel(catalogue)));
  return shared;
}

function missing(file: string): Diagnostic {
  return { code: 'SCN002', severity: 'error', message: 'File not found.', file, line: 1, col: 1, endLine: 1, endCol: 1, source: '' };
}

let studyCache: ReturnType<typeof studyIndex> | null | undefined;
/** The 2020 edition's sections, or null when the study text is not beside the repository. */
export function loadStudy(): ReturnType<typeof studyIndex> | null {
  if (studyCache === undefined) studyCache = existsSync(STUDY_2020) ? studyIndex(readFileSync(STUDY_2020, 'utf8')) : null;
  return studyCache;
}

/** Every shipped scenario file, sorted by id. */
export function scenarioFiles(): string[] {
  if (!existsSync(SCENARIOS_DIR)) return [];
  return readdirSync(SCENARIOS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(SCENARIOS_DIR, d.name, 'scenario.yaml')))
    .map((d) => join(SCENARIOS_DIR, d.name, 'scenario.yaml'))
    .sort();
}

/** `quick` skips the search of play (for the live preview, which runs the full check right after). */
export function compileFile(path: string, shared: SharedContent, opts: { quick?: boolean } = {}): CompileResult {
  if (!existsSync(path)) {
    const src = { file: rel(path) } as CompileResult['src'];
    return { diagnostics: [missing(rel(path))], src };
  }
  const r = compileScenario({ file: rel(path), text: readFileSync(path, 'utf8') }, shared, loadStudy() ?? undefined, opts);
  if (r.bundle && r.bundle.scenario.languages.length > 1) {
    const t = loadTranslations(path, r.bundle.scenario.languages.slice(1));
    r.diagnostics.push(...t.diagnostics, ...checkTranslations(r.bundle.scenario, r.src, t.translations));
  }
  return r;
}

/**
 * The translation files of a scenario: `locales/<lang>.yaml` beside its scenario.yaml, each a flat
 * map from text key (as `scenarioTextEntries` lists them) to translated text. A missing file maps
 * to null; a file that is not valid YAML gives SCN001 diagnostics.
 */
export function loadTranslations(scenarioPath: string, languages: readonly string[]): { translations: Translations; diagnostics: Diagnostic[] } {
  const translations = new Map<string, Record<string, unknown> | null>();
  const diagnostics: Diagnostic[] = [];
  for (const lang of languages) {
    const file = join(dirname(scenarioPath), 'locales', `${lang}.yaml`);
    if (!existsSync(file)) {
      translations.set(lang, null);
      continue;
    }
    const src = parseSourceFile(rel(file), readFileSync(file, 'utf8'));
    diagnostics.push(...src.syntax);
    const value = src.value;
    translations.set(lang, value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  }
  return { translations, diagnostics };
}

/** Compiles every shipped scenario; returns the results by file. `quick` skips the search of play (for reports that only read the content). */
export function compileAll(opts: { quick?: boolean } = {}): { shared: SharedContent; results: Map<string, CompileResult> } {
  const shared = loadShared();
  const results = new Map<string, CompileResult>();
  for (const f of scenarioFiles()) results.set(f, compileFile(f, shared, opts));
  return { shared, results };
}
