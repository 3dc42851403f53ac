// scripts/bench/lib.mjs: the pure parts of `npm run bench` (statistics, the generated ink story and
// scenarios, the Markdown table). The bench itself is not part of `npm test`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Compiler } from 'inkjs/compiler/Compiler';
import { Story } from 'inkjs';
import { fmtRatio, fmtSummary, generatedScenario, inkStory, markdownTable, percentile, ratio, rng, summarize } from '../../scripts/bench/lib.mjs';
import { runCli } from '../../src/cli/main';

describe('summarize()', () => {
  it('gives the median (mean of the middle two for an even sample), min and max, ignoring non-numbers', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(summarize([NaN, 7, Infinity])).toEqual({ median: 7, min: 7, max: 7, n: 1 });
    expect(summarize([]).n).toBe(0);
  });

  it('percentile() is nearest-rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });

  it('ratio() refuses a zero or missing denominator', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(fmtRatio(1.304)).toBe('1.30×');
    expect(fmtSummary({ median: 236.4, min: 220, max: 260 })).toBe('236 ms (220–260)');
  });

  it('rng() is deterministic per seed and stays in [0, 1)', () => {
    const a = rng(42);
    const b = rng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(rng(43)()).not.toBe(rng(42)());
  });
});

describe('inkStory()', () => {
  it('compiles with inkjs and plays through exactly as many decisions as asked', () => {
    const compiler = new Compiler(inkStory(12, 3));
    const story = new Story(compiler.Compile().ToJson() as string);
    expect(compiler.errors).toEqual([]);
    let decisions = 0;
    let sawConditional = false;
    for (;;) {
      story.ContinueMaximally();
      if (story.currentChoices.length === 0) break;
      if (story.currentChoices.length === 3) sawConditional = true;
      story.ChooseChoiceIndex(0); // "act" every time: never skips a knot
      decisions++;
    }
    expect(decisions).toBe(12);
    expect(sawConditional).toBe(true); // the flag-gated choice appears once its flag is set
  }, 60_000);
});

describe('generatedScenario()', () => {
  it('passes check and quicktest, whatever its size', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mandate-bench-'));
    try {
      for (const n of [3, 10]) {
        const file = path.join(dir, `bench-${n}`, 'scenario.yaml');
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, generatedScenario(n));
        const check = runCli(['check', file]);
        expect(check.stdout + check.stderr).toContain('0 error(s)');
        expect(check.code).toBe(0);
        const qt = runCli(['quicktest', file]);
        expect(qt.stdout + qt.stderr).toContain('OK');
      }
      expect((generatedScenario(10).match(/^ {2}- id: d\d+$/gm) ?? []).length).toBe(10);
      expect(generatedScenario(200)).toContain('durationMinutes: 240'); // the schema's ceiling
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('markdownTable()', () => {
  it('writes a header, a right-aligned rule for number columns, and escapes pipes', () => {
    expect(markdownTable(['measure', 'value'], [['a|b', 1]])).toBe('| measure | value |\n| --- | ---: |\n| a\\|b | 1 |');
  });
});
