import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import { createSession } from '../../src/engine/index';
import { shippedBundle } from '../support/fixtures';

const scenarios = scenarioFiles().map((f) => f.split('/').at(-2) as string);

// A golden may name the seat it was played from (default: the scenario's first seat). Its `choices`
// are that seat's own decisions only: decisions another seat owns are taken automatically.

describe.each(scenarios)('golden playthroughs of %s', (id) => {
  const dir = join(ROOT, 'scenarios', id, 'playthroughs');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];

  it('has at least three golden playthroughs, reaching at least three endings', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    const endings = new Set(files.map((f) => (parse(readFileSync(join(dir, f), 'utf8')) as Golden).ending));
    expect(endings.size).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s replays to the recorded ending, meters and polarity positions', (file) => {
    const golden = parse(readFileSync(join(dir, file), 'utf8')) as Golden;
    const bundle = shippedBundle(id);
    const session = createSession(bundle, { seed: golden.seed, ...(golden.seat ? { seat: golden.seat } : {}) });
    for (const choice of golden.choices) {
      expect(session.snapshot().done, `ended before the choice ${choice}`).toBe(false);
      const node = session.snapshot().node;
      const r = choice === 'timeout' ? session.send('decision.timeout', { node }) : session.send('decision.choose', { node, option: choice });
      expect(r, `at ${node}: ${choice}`).toMatchObject({ ok: true });
    }
    const ctx = session.snapshot().context;
    expect(session.snapshot().done).toBe(true);
    expect({ ending: ctx.ending, meters: ctx.meters, polarities: ctx.polarities }).toEqual({
      ending: golden.ending,
      meters: golden.meters,
      polarities: golden.polarities,
    });
  });
});
