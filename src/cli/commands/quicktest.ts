import { quicktestScenario } from '../../engine/content/quicktest';
import { knownFlags, loadScenario, positionals, runCommand, UsageError, type CommandResult } from '../command-kit';

/**
 * `quicktest <id | file.yaml> [--verbose]`: exercise every option of every decision and both sides of
 * every condition through real play. Exit 0 with a one-line summary when everything was exercised;
 * exit 1 listing, at file:line:col, what could not be.
 */
export function quicktest(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'quicktest', ['--verbose']);
    const [id, extra] = positionals(args, []);
    if (extra !== undefined) throw new UsageError(`quicktest takes one scenario; unexpected "${extra}".`);
    const { bundle, compiled, file } = loadScenario(id, 'quicktest');
    const r = quicktestScenario(bundle.scenario);
    const exercised = r.total - r.gaps.length;
    const summary = `${r.options.length} option(s) and ${r.conditions.length} condition(s) (both sides), ${exercised}/${r.total} item(s) exercised in ${r.states} states of play.`;
    if (args.includes('--verbose')) {
      for (const o of r.options) out(`  option ${o.key}: taken ${o.hits}×`);
      for (const c of r.conditions) out(`  ${c.site.key}: true ${c.whenTrue}×, false ${c.whenFalse}×`);
    }
    if (r.gaps.length === 0) {
      out(`quicktest ${file}: OK — ${summary}`);
      return 0;
    }
    for (const g of r.gaps) {
      const at = compiled.src.diagnostic('QT', 'error', '', g.path);
      const what =
        g.missing === 'taken' ? `${g.key} is never taken` : `${g.key}: its \`when\` is never ${g.missing} where the engine evaluates it`;
      out(`${file}:${at.line}:${at.col} ${what}.`);
    }
    out(`quicktest ${file}: ${r.gaps.length} item(s) could not be exercised — ${summary}`);
    return 1;
  });
}
