import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, rel } from '../../build/content-files';
import { scenarioJsonSchema } from '../../build/json-schema';
import { knownFlags, runCommand, type CommandResult } from '../command-kit';

/** `schema [--write]`: the JSON Schema for editors, printed or written to scenarios/scenario.schema.json. */
export function schema(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'schema', ['--write']);
    const text = JSON.stringify(scenarioJsonSchema(), null, 2);
    if (args.includes('--write')) {
      const file = join(ROOT, 'scenarios', 'scenario.schema.json');
      writeFileSync(file, text + '\n');
      out(`Wrote ${rel(file)}`);
    } else out(text);
    return 0;
  });
}
