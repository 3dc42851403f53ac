/**
 * The content compiler for the browser, loaded on demand: the YAML/schema compiler
 * (src/engine/content) and the shared world, polarity catalogue and study section list
 * (virtual:mandate-shared) are separate lazily loaded chunks, never part of the first screen.
 */
import type { AuthorDiagnostic, ScenarioCompiler } from '../store';

export async function loadScenarioCompiler(): Promise<ScenarioCompiler> {
  const [content, { shared, study }] = await Promise.all([import('../engine/content/index'), import('virtual:mandate-shared')]);
  const studySets = study ? { sections: new Set(study.sections), boxes: new Set(study.boxes) } : undefined;
  return {
    compile(fileName, text) {
      const result = content.compileScenario({ file: fileName, text }, shared, studySets);
      const diagnostics: AuthorDiagnostic[] = result.diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        col: d.col,
        severity: d.severity,
        code: d.code,
        message: d.message,
        text: content.formatDiagnostic(d),
      }));
      return result.bundle ? { bundle: result.bundle, entry: content.libraryEntry(result.bundle), diagnostics } : { diagnostics };
    },
  };
}
