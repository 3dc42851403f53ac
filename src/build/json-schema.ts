import { z } from 'zod';
import { ScenarioSchema } from '../engine/content/schema';

/** The JSON Schema of the lenient input form, for editors (yaml-language-server, VS Code). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://mandate.invalid/scenario.schema.json', title: 'Mandate scenario' };
}
