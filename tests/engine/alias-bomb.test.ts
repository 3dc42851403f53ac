import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShared } from '../../src/build/content-files';
import { compileScenario, parseSourceFile } from '../../src/engine/content/index';
import { runCli } from '../../src/cli/main';
import { createMandateStore, createMemoryAdapter, createPersistence, createScenarioShelf } from '../../src/store';
import { nodeCompiler } from '../unit/authoring-support';
import { fixtureBundle, fixtureLibrary } from '../unit/store-fixture';
import { FIXTURES } from '../support/fixtures';

/** A billion-laughs file: nine levels, each repeating the one before nine times (9^9 strings if expanded). */
function bomb(levels = 9): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('a YAML alias bomb', () => {
  it('is a positioned SCN005 diagnostic, found at once, not an exception', () => {
    const started = performance.now();
    const src = parseSourceFile('lol.yaml', bomb());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(src.value).toBeUndefined();
    expect(src.syntax).toHaveLength(1);
    expect(src.syntax[0]).toMatchObject({ code: 'SCN005', severity: 'error', line: 2, col: 10 });
    expect(src.syntax[0]?.message).toMatch(/aliases expand too far/);
  });

  it('a few honest aliases still read', () => {
    const src = parseSourceFile('ok.yaml', 'base: &b { x: 1 }\none: *b\ntwo: *b\n');
    expect(src.syntax).toEqual([]);
    expect(src.value).toEqual({ base: { x: 1 }, one: { x: 1 }, two: { x: 1 } });
  });

  it('check reports it at file:line:col and exits 1', () => {
    const r = runCli(['check', 'tests/fixtures/diagnostics/SCN005.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/SCN005\.yaml:15:10 error SCN005 YAML aliases expand too far/);
    expect(r.stderr).toBe('');
  });

  it('the browser’s compiler returns the diagnostic, and the drop-in shows it (not a bare refusal)', async () => {
    const text = readFileSync(join(FIXTURES, 'diagnostics', 'SCN005.yaml'), 'utf8');
    expect(compileScenario({ file: 'lol.yaml', text }, loadShared()).diagnostics.map((d) => d.code)).toEqual(['SCN005']);
    const adapter = createMemoryAdapter();
    const store = createMandateStore({
      library: fixtureLibrary(),
      loadBundle: async () => fixtureBundle(),
      persistence: createPersistence(adapter),
      scenarioShelf: createScenarioShelf(adapter),
      loadCompiler: async () => nodeCompiler(),
      randomSeed: () => 7,
      newId: () => 's1',
    });
    expect(await store.getState().actions.openScenarioFile('lol.yaml', text)).toBe(false);
    const check = store.getState().fileCheck;
    expect(check).toMatchObject({ status: 'errors', fileName: 'lol.yaml' });
    expect(check?.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['SCN005', 15, 10]]);
    expect(check?.diagnostics[0]?.text).toContain('15 |   b: &b [*a');
  });
});
