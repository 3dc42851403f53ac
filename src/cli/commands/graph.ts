import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rel } from '../../build/content-files';
import { scenarioGraph } from '../../engine/content/scenario-graph';
import { flagValue, knownFlags, loadScenario, positionals, runCommand, UsageError, type CommandResult } from '../command-kit';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../graph-formats';

/**
 * `graph <id | file.yaml> [--format mermaid|dot|html] [--out file]`: the scenario's graph — nodes by
 * kind, edges per option, branch (condition summarised) and timeout, end nodes linked to the endings
 * reached there. Mermaid by default; written to stdout unless --out is given.
 */
export function graph(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'graph', ['--format', '--out']);
    const [id, extra] = positionals(args, ['--format', '--out']);
    if (extra !== undefined) throw new UsageError(`graph takes one scenario; unexpected "${extra}".`);
    const format = flagValue(args, '--format') ?? 'mermaid';
    if (!(GRAPH_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`Unknown graph format "${format}". Use one of: ${GRAPH_FORMATS.join(', ')}.`);
    const target = flagValue(args, '--out');
    const { bundle } = loadScenario(id, 'graph');
    const text = renderGraph(scenarioGraph(bundle.scenario), format as GraphFormat);
    if (target === undefined) {
      out(text.trimEnd());
      return 0;
    }
    try {
      writeFileSync(resolve(target), text);
    } catch (e) {
      throw new UsageError(`Cannot write ${target}: ${(e as Error).message}`);
    }
    out(`Wrote ${rel(resolve(target))} (${format}).`);
    return 0;
  });
}
