import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile, loadShared } from '../../src/build/content-files';
import { formatDiagnostic } from '../../src/engine/content/index';
import { DIAGNOSTIC_CATALOGUE } from '../../src/engine/content/index';
import { README, regenerateAuthoringGuide, replaceGenerated } from '../../scripts/gen-authoring-docs';

describe('scenarios/README.md (the authoring guide)', () => {
  const committed = readFileSync(README, 'utf8');

  it('has its generated reference and diagnostics catalogue up to date (run `npm run docs`)', () => {
    expect(regenerateAuthoringGuide(committed) === committed, 'scenarios/README.md is out of date: run `npm run docs`').toBe(true);
  });

  it('documents every diagnostic code with a failing example and what check prints', () => {
    for (const d of DIAGNOSTIC_CATALOGUE) {
      const section = committed.split(`### ${d.code} — `)[1]?.split('\n### ')[0] ?? '';
      expect(section, d.code).toContain(d.fix);
      expect(section, d.code).toContain('```diff');
      expect(section, d.code).toMatch(new RegExp(`${d.code}\\.yaml:\\d+:\\d+ ${d.severity} ${d.code} `));
    }
  });

  it('documents every top-level field of the schema', () => {
    for (const field of ['schemaVersion', 'languages', 'nodes', 'injects', 'endings', 'map']) expect(committed).toContain(`| \`${field}\` |`);
  });

  it('its tutorial scenario is clean, and the tutorial\'s sample diagnostic is what check prints', () => {
    const tutorial = /<details id="tutorial-file">[\s\S]*?```yaml\n([\s\S]*?)```/.exec(committed)?.[1];
    expect(tutorial).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'mandate-tutorial-'));
    try {
      const file = join(dir, 'scenario.yaml');
      writeFileSync(file, tutorial as string);
      const shared = loadShared();
      expect(compileFile(file, shared).diagnostics).toEqual([]);
      writeFileSync(file, (tutorial as string).replace('{ meter: partners, add: -10 }', '{ meter: partner, add: -10 }'));
      const [d] = compileFile(file, shared).diagnostics;
      const printed = formatDiagnostic({ ...d!, file: 'scenarios/ilvi-convoy/scenario.yaml' });
      expect(committed).toContain(printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rewrites only the text between the markers', () => {
    const doc = 'before\n<!-- BEGIN GENERATED: x -->\nold\n<!-- END GENERATED: x -->\nafter\n';
    const out = replaceGenerated(doc, 'x', 'new');
    expect(out.startsWith('before\n<!-- BEGIN GENERATED: x -->\n')).toBe(true);
    expect(out.endsWith('\n\nnew\n\n<!-- END GENERATED: x -->\nafter\n')).toBe(true);
    expect(out).not.toContain('old');
    expect(() => replaceGenerated('no markers', 'x', 'new')).toThrow(/markers/);
  });
});
