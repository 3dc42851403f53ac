import { resolve } from 'node:path';
import { compileFile, rel, scenarioFiles } from '../../build/content-files';
import { formatDiagnostic, type Diagnostic } from '../../engine/content/index';
import { knownFlags, runCommand, sharedContent, type CommandResult } from '../command-kit';

/**
 * `check [paths…] [--json]`: diagnostics for scenario files (every shipped one by default).
 * Exit 1 when there is an error or no file; a missing file is an SCN002 diagnostic.
 */
export function check(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'check', ['--json']);
    const json = args.includes('--json');
    const paths = args.filter((a) => !a.startsWith('--'));
    const shared = sharedContent();
    const files = paths.length ? paths.map((p) => resolve(p)) : scenarioFiles();
    const all: Diagnostic[] = [...shared.diagnostics];
    const perFile: { file: string; ok: boolean }[] = [];
    for (const f of files) {
      const r = compileFile(f, shared);
      all.push(...r.diagnostics);
      perFile.push({ file: rel(f), ok: !r.diagnostics.some((d) => d.severity === 'error') });
    }
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.length - errors;
    if (json) {
      out(JSON.stringify({ files: perFile, errors, warnings, diagnostics: all }, null, 2));
    } else {
      for (const d of all) out(formatDiagnostic(d));
      if (files.length === 0) out('No scenario files found.');
      out(`${files.length} scenario file(s) checked: ${errors} error(s), ${warnings} warning(s).`);
    }
    return errors > 0 || files.length === 0 ? 1 : 0;
  });
}
