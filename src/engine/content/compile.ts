/**
 * The content compiler: YAML sources → a checked ScenarioBundle plus every diagnostic found.
 * Bad content is data, not an exception: this never throws for problems in the files.
 */
import type { LibraryEntry, PolarityEntry, Scenario, ScenarioBundle, World } from '../types';
import type { Diagnostic } from './diagnostics';
import { PolarityCatalogueSchema, ScenarioSchema, WorldSchema } from './schema';
import { parseSourceFile, schemaDiagnostics, type SourceFile } from './source-file';
import { checkScenario } from './check-scenario';
import { contentHash } from '../rng';

export interface SourceText {
  file: string;
  text: string;
}

export interface SharedContent {
  world: World | null;
  catalogue: PolarityEntry[];
  diagnostics: Diagnostic[];
}

/** Parses the world file and the polarity catalogue that every scenario shares. */
export function compileShared(world: SourceText, catalogue: SourceText): SharedContent {
  const diagnostics: Diagnostic[] = [];
  const wsrc = parseSourceFile(world.file, world.text);
  diagnostics.push(...wsrc.syntax);
  let worldOut: World | null = null;
  if (!wsrc.syntax.length) {
    const r = WorldSchema.safeParse(wsrc.value);
    if (r.success) worldOut = r.data;
    else diagnostics.push(...schemaDiagnostics(wsrc, r.error.issues));
  }
  const csrc = parseSourceFile(catalogue.file, catalogue.text);
  diagnostics.push(...csrc.syntax);
  let cat: PolarityEntry[] = [];
  if (!csrc.syntax.length) {
    const r = PolarityCatalogueSchema.safeParse(csrc.value);
    if (r.success) cat = r.data;
    else diagnostics.push(...schemaDiagnostics(csrc, r.error.issues));
  }
  return { world: worldOut, catalogue: cat, diagnostics };
}

export interface CompileResult {
  bundle?: ScenarioBundle;
  diagnostics: Diagnostic[];
  src: SourceFile;
}

export function compileScenario(
  source: SourceText,
  shared: SharedContent,
  study?: { sections: Set<string>; boxes: Set<string> },
  opts: { quick?: boolean } = {},
): CompileResult {
  const src = parseSourceFile(source.file, source.text);
  if (src.syntax.length) return { diagnostics: src.syntax, src };
  const parsed = ScenarioSchema.safeParse(src.value);
  if (!parsed.success) return { diagnostics: schemaDiagnostics(src, parsed.error.issues), src };
  const scenario: Scenario = parsed.data;
  const diagnostics = checkScenario({ scenario, world: shared.world, catalogue: shared.catalogue, src, study, quick: opts.quick ?? false });
  if (diagnostics.some((d) => d.severity === 'error') || !shared.world) return { diagnostics, src };
  const polarities = scenario.polarities.map((p) => shared.catalogue.find((c) => c.id === p.id) as PolarityEntry);
  return {
    bundle: { scenario, world: shared.world, polarities, hash: contentHash(source.text) },
    diagnostics,
    src,
  };
}

/**
 * The study's chapters (1–6) a scenario's decisions cite ("§4.2.6" and "2020 §4.2.6" → 4, "Ch.5" → 5).
 * Boxes, the introduction and 2010 sections count for no chapter of the 2020 edition.
 */
export function chaptersCited(s: Scenario): number[] {
  const chapters = new Set<number>();
  for (const node of s.nodes) {
    for (const cite of node.cites) {
      if (cite.startsWith('2010 ')) continue;
      const m = /^(?:2020 )?(?:§|Ch\.)(\d+)/.exec(cite);
      const n = m ? Number(m[1]) : NaN;
      if (n >= 1 && n <= 6) chapters.add(n);
    }
  }
  return [...chapters].sort((a, b) => a - b);
}

export function libraryEntry(bundle: ScenarioBundle): LibraryEntry {
  const s = bundle.scenario;
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    ...(s.subtitle ? { subtitle: s.subtitle } : {}),
    setting: s.setting,
    summary: s.summary,
    durationMinutes: s.durationMinutes,
    decisions: s.nodes.filter((n) => n.kind === 'decision').length,
    polarities: bundle.polarities.map((p) => ({ id: p.id, title: p.title })),
    seats: s.seats.map((seat) => ({ id: seat.id, title: seat.title, role: seat.role })),
    chapters: chaptersCited(s),
    ...(s.contentNote ? { contentNote: s.contentNote } : {}),
    hash: bundle.hash,
  };
}
