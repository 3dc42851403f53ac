import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { fixtureBundle } from '../support/fixtures';

const run = (...args: string[]) => {
  const r = runCli(args);
  return { code: r.code, out: r.stdout, err: r.stderr };
};
const tiny = 'tests/fixtures/tiny/scenario.yaml';
const broken = 'tests/fixtures/diagnostics/SCN011.yaml';
const gap = 'tests/fixtures/quicktest/scenario.yaml';
const temp = mkdtempSync(join(tmpdir(), 'mandate-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const noStackTrace = (text: string): void => expect(text).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);

describe('every authoring command refuses bad input with one clear line', () => {
  it.each([
    [['graph', 'tests/fixtures/nope.yaml'], 2, /^No such file: tests\/fixtures\/nope\.yaml\.$/m],
    [['simulate', 'no-such-scenario', '--runs', '5', '--seed', '1'], 2, /No scenario "no-such-scenario"\. Known: .*poc-red-lines/],
    [['quicktest'], 2, /quicktest needs a scenario id or a path/],
    [['simulate', tiny, '--runs', '0', '--seed', '1'], 2, /--runs must be a whole number from 1 to 1000000 .*got "0"/],
    [['simulate', tiny, '--runs', 'many', '--seed', '1'], 2, /--runs must be a whole number/],
    [['simulate', tiny, '--seed', '1'], 2, /--runs N is required/],
    [['simulate', tiny, '--runs', '5', '--seed'], 2, /--seed needs a value/],
    [['simulate', tiny, '--runs', '5', '--seed', '1', '--fast'], 2, /simulate has no option --fast/],
    [['graph', tiny, '--format', 'svg'], 2, /Unknown graph format "svg"\. Use one of: mermaid, dot, html\./],
    [['new'], 2, /new needs a scenario id/],
    [['new', 'Not_Kebab', '--dir', temp], 2, /"Not_Kebab" is not a valid scenario id/],
  ])('%j exits %i', (args, code, message) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    noStackTrace(r.err);
  });

  it.each([['graph'], ['simulate', '--runs', '3', '--seed', '1'], ['quicktest']])(
    '%s on a scenario with errors prints its diagnostics as check does, then one summary line (exit 1)',
    (command, ...rest) => {
      const r = run(command as string, broken, ...(rest as string[]));
      expect(r.code).toBe(1);
      expect(r.err).toContain('tests/fixtures/diagnostics/SCN011.yaml:60:15 error SCN011');
      expect(r.err.trim().split('\n').at(-1)).toBe(
        'tests/fixtures/diagnostics/SCN011.yaml has 1 error(s); fix them first (npm run scenario -- check tests/fixtures/diagnostics/SCN011.yaml).',
      );
      noStackTrace(r.err);
    },
  );
});

describe('npm run scenario -- new', () => {
  it('scaffolds a scenario that passes check with no error and no warning, and quicktest', () => {
    const r = run('new', 'night-at-the-bridge', '--dir', temp);
    expect(r.code).toBe(0);
    const file = join(temp, 'night-at-the-bridge', 'scenario.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    expect(text).toContain('id: night-at-the-bridge');
    expect(text).toContain('world: velmora');
    const checked = run('check', file);
    expect(checked.out).toContain('1 scenario file(s) checked: 0 error(s), 0 warning(s).');
    expect(checked.code).toBe(0);
    expect(run('quicktest', file).code).toBe(0);
  });

  it('refuses an id that already exists (exit 2)', () => {
    run('new', 'twice', '--dir', temp);
    const r = run('new', 'twice', '--dir', temp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Scenario "twice" already exists at .*twice; choose another id\./);
  });

  it('refuses the id of a shipped scenario in scenarios/', () => {
    const r = run('new', 'poc-red-lines');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already exists/);
  });
});

describe('npm run scenario -- graph', () => {
  const scenario = fixtureBundle('tiny').scenario;
  const ids = [...scenario.nodes.map((n) => n.id), ...scenario.nodes.flatMap((n) => n.options.map((o) => o.id)), ...scenario.endings.map((e) => e.id)];

  it.each(['mermaid', 'dot'])('%s names every node, option and ending, with timeouts and branch conditions', (format) => {
    const r = run('graph', tiny, '--format', format);
    expect(r.code).toBe(0);
    for (const id of ids) expect(r.out, id).toContain(id);
    expect(r.out).toContain('timeout');
    expect(r.out).toContain('consent≥55');
    expect(r.out).toContain('DEPLOYED');
  });

  it('mermaid is a flowchart with positional ids (node "end" is a Mermaid keyword)', () => {
    const r = run('graph', tiny);
    expect(r.out).toMatch(/^flowchart TD$/m);
    expect(r.out).toContain('n0 -->|"deploy"| n1');
    expect(r.out).toContain('n2 -.-> e0');
  });

  it('dot links the end node to the endings reached there', () => {
    const r = run('graph', tiny, '--format', 'dot');
    expect(r.out).toMatch(/^digraph "tiny" \{/);
    expect(r.out).toContain('"end" -> "ending:held" [style=dotted');
  });

  it('html is one self-contained page: inline SVG, no external requests', () => {
    const out = join(temp, 'graph.html');
    const r = run('graph', 'poc-red-lines', '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    for (const id of ['a1', 'a7t', 'a12', 'kessrin-endures']) expect(html).toContain(id);
  });
});

describe('npm run scenario -- simulate', () => {
  it('reports endings, hits, unreached items and distributions as JSON', () => {
    const r = run('simulate', tiny, '--runs', '300', '--seed', '7', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.runs).toBe(300);
    expect(Object.keys(j.endings).sort()).toEqual(['fallback', 'held', 'talks']);
    expect(Object.values(j.endings as Record<string, number>).reduce((a, b) => a + b, 0) + j.stuck).toBe(300);
    expect(j.nodeHits.d1).toBe(300);
    expect(j.optionHits['d1.timeout']).toBeGreaterThan(0);
    expect(j.optionHits['d2.enforce']).toBeGreaterThan(0);
    expect(j.unreachedNodes).toEqual([]);
    expect(j.unreachedOptions).toEqual([]);
    expect(j.meters.civ).toMatchObject({ min: expect.any(Number), mean: expect.any(Number), max: expect.any(Number) });
    expect(Object.values(j.meters.civ.buckets as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(300);
    expect(j.polarities.red_lines_use_of_force.sides.a + j.polarities.red_lines_use_of_force.sides.within + j.polarities.red_lines_use_of_force.sides.b).toBe(300);
    expect(Object.values(j.consultHits as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('gives the same report for the same seed and a different one for another seed', () => {
    const a = run('simulate', tiny, '--runs', '200', '--seed', '3', '--json').out;
    expect(run('simulate', tiny, '--runs', '200', '--seed', '3', '--json').out).toBe(a);
    expect(run('simulate', tiny, '--runs', '200', '--seed', '4', '--json').out).not.toBe(a);
  });

  it('lists options never taken (an option whose condition never holds)', () => {
    const j = JSON.parse(run('simulate', gap, '--runs', '200', '--seed', '1', '--json').out);
    expect(j.unreachedOptions).toEqual(['d2.ghost']);
  });

  it('prints a readable report by default', () => {
    const r = run('simulate', tiny, '--runs', '50', '--seed', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('50 random run(s), seed 1');
    expect(r.out).toMatch(/Endings:\n {2}held/);
    expect(r.out).toContain('Never reached: nodes none; options none; endings none.');
    expect(r.out).toContain('Final meters');
  });
});

describe('npm run scenario -- quicktest', () => {
  it('exits 0 with a one-line summary when everything is exercised (tiny)', () => {
    const r = run('quicktest', tiny);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/^quicktest tests\/fixtures\/tiny\/scenario\.yaml: OK — 5 option\(s\) and 6 condition\(s\)/);
  });

  it('exits 1 naming, at file:line:col, an option that can never be taken and its condition', () => {
    const r = run('quicktest', gap);
    expect(r.code).toBe(1);
    expect(r.out).toContain('tests/fixtures/quicktest/scenario.yaml:92:13 option d2.ghost is never taken.');
    expect(r.out).toContain('tests/fixtures/quicktest/scenario.yaml:94:15 option d2.ghost: its `when` is never true where the engine evaluates it.');
    expect(r.out).toMatch(/2 item\(s\) could not be exercised/);
  });
});
