import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

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
    expect(j.notYet).toContain('election_timing');
    expect(j.notYet).not.toContain('red_lines_use_of_force');
  });
});
