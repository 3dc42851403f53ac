/**
 * The authors' command line: `npm run scenario -- <command>`. This file only dispatches; each
 * command is a function of its arguments in src/cli/commands/ that returns its exit code and output
 * (so tests call them in-process).
 */
import type { CommandResult } from './command-kit';
import { check } from './commands/check';
import { graph } from './commands/graph';
import { newScenario } from './commands/new-scenario';
import { play } from './commands/play';
import { replay } from './commands/replay';
import { quicktest } from './commands/quicktest';
import { schema } from './commands/schema';
import { simulate } from './commands/simulate';
import { stats } from './commands/stats';
import { coverage } from './commands/coverage';
import { installCheckCache } from './check-cache';
import { xliff } from './commands/xliff';

export const USAGE = `Usage: npm run scenario -- <command>     (<scenario> is an id under scenarios/ or a path to a .yaml file)
  check [scenarios…] [--json]             check scenario files: ids, folders or files (default: every scenarios/*/scenario.yaml)
  new <id> [--dir folder]                 scaffold scenarios/<id>/scenario.yaml, a small example that passes check
  play <scenario> [--seat S] --seed N (--choose a,b,c | --random) [--record name] [--export file.json [--label L]]
                                          play to an ending, printing decisions, consequences and the ending;
                                          --record writes scenarios/<id>/playthroughs/<name>.yaml (a golden playthrough);
                                          --export writes the session file the browser exports and imports
  replay <session.json> [--scenario S] [--json]
                                          replay a saved session: what happened, the ending, mission state,
                                          polarities and benchmarks
  graph <scenario> [--format mermaid|dot|html] [--out file]
                                          the scenario graph: nodes, options, branches, timeouts, endings
  simulate <scenario> --runs N --seed S [--seat S] [--consult P] [--json]
                                          N seeded random playthroughs: endings, hits per node and option,
                                          what is never reached, final meters and polarity positions
  quicktest <scenario> [--verbose]        take every option and see every condition both true and false;
                                          exit 1 listing what could not be exercised
  schema [--write]                        print (or write to scenarios/scenario.schema.json) the JSON Schema for editors
  stats [--json]                          per scenario: decisions, options, endings, injects, seats, polarities, sections cited
  coverage [--json]                       which catalogue polarities the scenarios exercise (and where), and which not yet
  xliff export <scenario> --lang L [--out file.xlf]
                                          the scenario's text as XLIFF 2.0 for a translator: source, notes for
                                          context and length, glossary terms, existing translations
  xliff import <file.xlf> [--scenario S]  write its translations into scenarios/<id>/locales/<lang>.yaml`;

const COMMANDS: Record<string, (args: readonly string[]) => CommandResult> = {
  check,
  new: newScenario,
  play,
  replay,
  graph,
  simulate,
  quicktest,
  schema,
  stats,
  coverage,
  xliff,
};

export function runCli(argv: readonly string[]): CommandResult {
  installCheckCache(); // searches of play already made for unchanged content are read back (MANDATE_CACHE=off: not)
  const [command, ...args] = argv;
  if (command === undefined) return { code: 2, stdout: '', stderr: USAGE + '\n' };
  if (command === 'help' || command === '--help' || command === '-h') return { code: 0, stdout: USAGE + '\n', stderr: '' };
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) return { code: 2, stdout: '', stderr: `Unknown command "${command}".\n${USAGE}\n` };
  try {
    return run(args);
  } catch (e) {
    // Author-facing problems are reported by the commands; anything else is our bug: one line, no stack trace.
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? '';
    return { code: 1, stdout: '', stderr: `${command}: internal error: ${message}. Please report it with the command you ran.\n` };
  }
}

if (process.argv[1] && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
