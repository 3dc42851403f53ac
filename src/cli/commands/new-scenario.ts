import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCENARIOS_DIR, rel } from '../../build/content-files';
import { flagValue, knownFlags, positionals, runCommand, UsageError, type CommandResult } from '../command-kit';
import { scenarioTemplate } from '../scenario-template';

/**
 * `new <id> [--dir folder]`: scaffolds <folder>/<id>/scenario.yaml (folder: scenarios/) from a
 * small example that passes `check`. Refuses an id that is not kebab-case or already exists.
 * The folder can also come from MANDATE_SCENARIOS_DIR (tests write to a temporary folder).
 */
export function newScenario(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'new', ['--dir']);
    const [id, extra] = positionals(args, ['--dir']);
    if (!id) throw new UsageError('new needs a scenario id, e.g. `npm run scenario -- new night-at-the-bridge`.');
    if (extra !== undefined) throw new UsageError(`new takes one id; unexpected "${extra}".`);
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id) || id.length > 60)
      throw new UsageError(`"${id}" is not a valid scenario id: use kebab-case (lower-case letters, digits and single hyphens, starting with a letter).`);
    const dir = resolve(flagValue(args, '--dir') ?? process.env.MANDATE_SCENARIOS_DIR ?? SCENARIOS_DIR);
    const folder = join(dir, id);
    if (existsSync(folder)) throw new UsageError(`Scenario "${id}" already exists at ${rel(folder)}; choose another id.`);
    if (['world', 'locales', 'playthroughs'].includes(id)) throw new UsageError(`"${id}" is a reserved folder name; choose another id.`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'scenario.yaml');
    writeFileSync(file, scenarioTemplate(id));
    out(`Created ${rel(file)}.`);
    out(`Next: npm run scenario -- check ${rel(file)}   (then quicktest, simulate and graph)`);
    return 0;
  });
}
