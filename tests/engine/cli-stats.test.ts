import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { shippedBundle } from '../support/fixtures';

describe('npm run scenario -- stats', () => {
  it('prints, with --json, one object per shipped scenario with the agreed fields', () => {
    const r = runCli(['stats', '--json']);
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as Record<string, unknown>[];
    const poc = all.find((s) => s.id === 'poc-red-lines');
    expect(poc).toBeDefined();
    for (const key of ['decisions', 'options', 'endings', 'injects']) expect(typeof poc?.[key]).toBe('number');
    for (const key of ['seats', 'polaritiesBothWays', 'polaritiesOneWay', 'sectionsCited']) expect(Array.isArray(poc?.[key])).toBe(true);
    expect(poc?.decisions).toBeGreaterThanOrEqual(12);
    expect(poc?.seats).toContain('hom');
    expect(poc?.polaritiesBothWays).toContain('red_lines_use_of_force');
    expect(poc?.sectionsCited).toContain('§4.2.6');
  });

  it('prints a readable summary and refuses unknown flags', () => {
    expect(runCli(['stats']).stdout).toMatch(/The Line at Kessrin \(poc-red-lines\)\n {2}decisions \d+/);
    expect(runCli(['stats', '--fast'])).toMatchObject({ code: 2 });
  });
});

describe('npm run scenario -- coverage', () => {
  it('lists where each exercised polarity is pushed, and the polarities not yet exercised', () => {
    const r = runCli(['coverage', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { exercised: { id: string; scenarios: Record<string, { toA: string[] }> }[]; notYet: string[] };
    const red = j.exercised.find((e) => e.id === 'red_lines_use_of_force');
    expect(red?.scenarios['poc-red-lines']?.toA.length).toBeGreaterThan(0);
    const timing = j.exercised.find((e) => e.id === 'election_timing');
    expect(Object.keys(timing?.scenarios ?? {})).toEqual(['election-timing']);
    expect(j.notYet).not.toContain('red_lines_use_of_force');
    // What is "not yet" is exactly what no shipped scenario declares.
    const declared = new Set(['poc-red-lines', 'fpu-caveats', 'election-timing'].flatMap((id) => shippedBundle(id).scenario.polarities.map((p) => p.id)));
    expect(j.notYet.length).toBeGreaterThan(0);
    expect(j.notYet.filter((id) => declared.has(id))).toEqual([]);
    expect(j.exercised.map((e) => e.id).sort()).toEqual([...declared].sort());
  });
});

describe('playing a seat from the command line', () => {
  it('play --seat plays that seat: the other seat\'s decisions are taken and marked', () => {
    const r = runCli(['play', 'poc-red-lines', '--seat', 'fc', '--seed', '3', '--random']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(decided by the Head of Mission)');
    expect(r.stdout).toContain('ENDING');
  });

  it('simulate --seat reports that seat\'s endings', () => {
    const r = runCli(['simulate', 'poc-red-lines', '--seat', 'fc', '--runs', '200', '--seed', '1', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { runs: number; endings: Record<string, number> };
    expect(j.runs).toBe(200);
    // Only the Head of Mission can endorse immunity, so this ending is out of the Force Commander's reach.
    expect(j.endings['peace-on-credit'] ?? 0).toBe(0);
  });

  it.each([['play', 'poc-red-lines', '--seat', 'nobody', '--seed', '1', '--random'], ['simulate', 'poc-red-lines', '--seat', 'nobody', '--runs', '5', '--seed', '1']])(
    'refuses an unknown seat: %j',
    (...args) => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--seat must be one of hom, fc');
    },
  );
});
