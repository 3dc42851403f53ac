import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/build/json-schema';
import { ROOT } from '../../src/build/content-files';

describe('scenarios/scenario.schema.json', () => {
  it('is the JSON Schema generated from the scenario schema (run `npm run scenario -- schema --write`)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('carries the authors\' descriptions for editor hover help', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('In-game minutes available after the decision is posed');
  });
});
