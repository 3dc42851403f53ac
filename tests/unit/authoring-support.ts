/**
 * Helpers for the authoring store tests: the real content compiler over the shipped world and
 * polarity catalogue (as the browser gets them from virtual:mandate-shared), and the drop-in fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadShared, ROOT } from '../../src/build/content-files';
import { compileScenario, formatDiagnostic, libraryEntry } from '../../src/engine/content/index';
import type { ScenarioCompiler } from '../../src/store';

export function nodeCompiler(): ScenarioCompiler {
  const shared = loadShared();
  return {
    compile(fileName, text) {
      const r = compileScenario({ file: fileName, text }, shared);
      const diagnostics = r.diagnostics.map((d) => ({ file: d.file, line: d.line, col: d.col, severity: d.severity, code: d.code, message: d.message, text: formatDiagnostic(d) }));
      return r.bundle ? { bundle: r.bundle, entry: libraryEntry(r.bundle), diagnostics } : { diagnostics };
    },
  };
}

export function dropin(name: string): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'dropin', name), 'utf8');
}

export function tinyText(): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'tiny', 'scenario.yaml'), 'utf8');
}
