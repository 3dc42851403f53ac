import { join } from 'node:path';
import { compileFile, loadShared, ROOT } from '../../src/build/content-files';
import type { ScenarioBundle } from '../../src/engine/index';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Compiles a fixture scenario; throws (a test bug) if it has errors. */
export function fixtureBundle(name = 'tiny'): ScenarioBundle {
  const r = compileFile(join(FIXTURES, name, 'scenario.yaml'), loadShared());
  if (!r.bundle) throw new Error(`fixture ${name} has errors: ${JSON.stringify(r.diagnostics, null, 1)}`);
  return r.bundle;
}

/** A compiled shipped scenario by id. */
export function shippedBundle(id: string): ScenarioBundle {
  const r = compileFile(join(ROOT, 'scenarios', id, 'scenario.yaml'), loadShared());
  if (!r.bundle) throw new Error(`scenario ${id} has errors: ${r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n')}`);
  return r.bundle;
}
