import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/content-files';
import { runCli } from '../../src/cli/main';

// Commands run in-process (spawning tsx costs ~1.5 s each); one smoke test spawns the real CLI.
const run = (...args: string[]) => {
  const r = runCli(args);
  return { code: r.code, out: r.stdout, err: r.stderr };
};
const tiny = 'tests/fixtures/tiny/scenario.yaml';

describe('npm run scenario (the process)', () => {
  it('writes the command output and exits with its code', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const r = spawnSync(tsx, [join(ROOT, 'src', 'cli', 'main.ts'), 'check', tiny], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 scenario file(s) checked: 0 error(s), 0 warning(s).');
  });
});

describe('npm run scenario -- check', () => {
  it('exits 0 on a clean file', () => {
    const r = run('check', tiny);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 scenario file(s) checked: 0 error(s), 0 warning(s).');
  });

  it('exits 1 with file:line:col diagnostics on a broken file', () => {
    const r = run('check', 'tests/fixtures/diagnostics/SCN011.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('tests/fixtures/diagnostics/SCN011.yaml:60:15 error SCN011');
  });

  it('prints machine-readable diagnostics with --json', () => {
    const r = run('check', 'tests/fixtures/diagnostics/SCN012.yaml', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.errors).toBe(1);
    expect(j.diagnostics[0]).toMatchObject({ code: 'SCN012', line: 51, col: 28, severity: 'error' });
  });

  it('reports a missing file as a diagnostic, not a stack trace', () => {
    const r = run('check', 'tests/fixtures/nope.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/nope\.yaml:1:1 error SCN002 File not found/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('npm run scenario -- play', () => {
  it('plays the given choices to an ending and prints the consequences', () => {
    const r = run('play', tiny, '--seed', '5', '--choose', 'deploy,enforce');
    expect(r.code).toBe(0);
    expect(r.out).toContain('DECISION The warning: Deploy the battalion forward');
    expect(r.out).toMatch(/ENDING {3}(The line held|An uneasy night)/);
    expect(r.out).toContain('Mission state:');
  });

  it('plays at random to an ending, the same way for the same seed', () => {
    const a = run('play', tiny, '--seed', '9', '--random');
    const b = run('play', tiny, '--seed', '9', '--random');
    expect(a.code).toBe(0);
    expect(a.out).toContain('ENDING');
    expect(a.out).toBe(b.out);
  });

  it.each([
    [['play'], /needs a scenario id/],
    [['play', tiny, '--random'], /needs --seed N/],
    [['play', tiny, '--seed', 'x', '--random'], /needs --seed N/],
    [['play', 'no-such-scenario', '--seed', '1', '--random'], /No scenario "no-such-scenario"/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('refuses %j with a clear message and exit 2', (args, message) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('stops with exit 1 when a chosen option does not exist', () => {
    const r = run('play', tiny, '--seed', '1', '--choose', 'fly');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cannot choose "fly" at "d1"');
  });
});
