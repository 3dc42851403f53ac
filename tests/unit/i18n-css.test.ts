// Right-to-left layout depends on CSS logical properties: a physical one (margin-left, left:,
// text-align: right, float: left, …) does not mirror for Arabic. This test fails on any physical
// property in our stylesheets, and on inline styles set to physical sides in TypeScript.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

/** Physical declarations, with the logical property to use instead. */
const PHYSICAL: [RegExp, string][] = [
  [/(^|[^-\w])(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)(-[a-z]+)?\s*:/, '…-inline-start / …-inline-end'],
  [/(^|[;{\s])(left|right)\s*:/, 'inset-inline-start / inset-inline-end'],
  [/border-(top|bottom)-(left|right)-radius\s*:/, 'border-start-start-radius …'],
  [/text-align\s*:\s*(left|right)\b/, 'text-align: start / end'],
  [/(float|clear)\s*:\s*(left|right)\b/, 'float: inline-start / inline-end'],
  [/resize\s*:\s*horizontal\b/, 'resize: inline'],
];

/** The findings in one CSS text, as "line: declaration (use …)". */
function physicalProperties(css: string): string[] {
  const out: string[] = [];
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  noComments.split('\n').forEach((line, i) => {
    for (const [re, use] of PHYSICAL) if (re.test(line)) out.push(`${i + 1}: ${line.trim()} (use ${use})`);
  });
  return out;
}

describe('CSS logical properties (right-to-left)', () => {
  it('the checker finds physical properties and accepts logical ones', () => {
    expect(physicalProperties('.a { margin-left: 1rem; }')).toHaveLength(1);
    expect(physicalProperties('.a { padding-right: 0 }')).toHaveLength(1);
    expect(physicalProperties('.a{left:0}')).toHaveLength(1);
    expect(physicalProperties('.a { text-align: right; }')).toHaveLength(1);
    expect(physicalProperties('.a { float: left; }')).toHaveLength(1);
    expect(physicalProperties('.a { border-top-left-radius: 2px; }')).toHaveLength(1);
    expect(physicalProperties('.a { border-right-width: 2px; }')).toHaveLength(1);
    expect(physicalProperties('.a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; }')).toEqual([]);
    expect(physicalProperties('/* margin-left: 1rem */ .a { border-inline-start: 1px solid; }')).toEqual([]);
  });

  it.each(files(SRC, /\.css$/).map((f) => [path.relative(SRC, f), f]))('src/%s uses logical properties only', (_name, file) => {
    expect(physicalProperties(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('no TypeScript sets a physical side in an inline style', () => {
    const found: string[] = [];
    for (const file of files(SRC, /\.ts$/)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.style\.(left|right|marginLeft|marginRight|paddingLeft|paddingRight|borderLeft|borderRight)\b/.test(line) || /style\.setProperty\(\s*['"](margin|padding|border)-(left|right)/.test(line)) {
            found.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});
