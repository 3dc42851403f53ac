import { resolve } from 'node:path';
import { compileFile, rel, scenarioFiles } from '../../build/content-files';
import { formatDiagnostic, type Diagnostic } from '../../engine/content/index';
import { knownFlags, runCommand, scenarioTargets, sharedContent, type CommandResult } from '../command-kit';

/**
 * `check [scenarios…] [--json]`: diagnostics for scenario files (every shipped one by default). Each
 * argument is what the other commands take — an id, a scenario's folder, a folder of scenarios or a
 * file. Exit 1 when there is an error or no file; an argument that names nothing is one line saying so.
 */
export function check(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'check', ['--json']);
    const json = args.includes('--json');
    const paths = args.filter((a) => !a.startsWith('--'));
    const shared = sharedContent();
    const files: string[] = [];
    const unresolved: string[] = [];
    for (const p of paths) {
      const t = scenarioTargets(p);
      if (t.problem !== undefined && /\.ya?ml$/i.test(p)) files.push(resolve(p)); // a missing .yaml file: an SCN002 diagnostic at 1:1
      else if (t.problem !== undefined) unresolved.push(t.problem);
      else files.push(...t.files.filter((f) => !files.includes(f)));
    }
    if (!paths.length) files.push(...scenarioFiles());
    const all: Diagnostic[] = [...shared.diagnostics];
    const perFile: { file: string; ok: boolean }[] = [];
    for (const f of files) {
      const r = compileFile(f, shared);
      all.push(...r.diagnostics);
      perFile.push({ file: rel(f), ok: !r.diagnostics.some((d) => d.severity === 'error') });
    }
    const errors = all.filter((d) => d.severity === 'error').length + unresolved.length;
    const warnings = all.length - all.filter((d) => d.severity === 'error').length;
    if (json) {
      out(JSON.stringify({ files: perFile, errors, warnings, diagnostics: all, unresolved }, null, 2));
    } else {
      for (const u of unresolved) out(u);
      for (const d of all) out(formatDiagnostic(d));
      if (files.length === 0) out('No scenario files found.');
      out(`${files.length} scenario file(s) checked: ${errors} error(s), ${warnings} warning(s).`);
    }
    return errors > 0 || files.length === 0 ? 1 : 0;
  });
}
