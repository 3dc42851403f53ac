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

const shipped = new Map<string, ScenarioBundle>();

/**
 * A compiled shipped scenario by id. Compiling runs the full check with its search of play (seconds
 * for a large scenario), so each test file compiles a scenario once; the engine never mutates a bundle.
 */
export function shippedBundle(id: string): ScenarioBundle {
  const cached = shipped.get(id);
  if (cached) return cached;
  const r = compileFile(join(ROOT, 'scenarios', id, 'scenario.yaml'), loadShared());
  if (!r.bundle) throw new Error(`scenario ${id} has errors: ${r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n')}`);
  shipped.set(id, r.bundle);
  return r.bundle;
}
