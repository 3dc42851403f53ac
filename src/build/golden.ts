/**
 * Golden playthroughs: seed + choices → the expected ending, meters and polarity positions.
 * Meters and positions are integers, so goldens compare exactly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import type { EngineContext } from '../engine/index';

export interface Golden {
  scenario: string;
  /** The seat played, when not the scenario's first. */
  seat?: string;
  seed: number;
  /** The player's own decisions: option ids (or "timeout") in the order taken. */
  choices: string[];
  ending: string | null;
  meters: Record<string, number>;
  polarities: Record<string, number>;
}

export function goldenResult(ctx: EngineContext): Pick<Golden, 'ending' | 'meters' | 'polarities'> {
  return { ending: ctx.ending, meters: { ...ctx.meters }, polarities: { ...ctx.polarities } };
}

export function writeGolden(file: string, golden: Golden): void {
  mkdirSync(dirname(file), { recursive: true });
  const header = '# A golden playthrough, recorded with `npm run scenario -- play <id> [--seat S] --seed N --choose … --record <name>`.\n';
  writeFileSync(file, header + stringify(golden, { flow: false }));
}
