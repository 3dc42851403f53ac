/**
 * The strict, normalised content types the runtime works on. They are derived from the schema
 * (type-only import: the runtime never loads zod).
 */
import type {
  ScenarioOutput,
  WorldOutput,
  PolarityEntryOutput,
  ConditionInput,
} from './content/schema';

export type Scenario = ScenarioOutput;
export type World = WorldOutput;
export type PolarityEntry = PolarityEntryOutput;
export type Condition = ConditionInput;
export type ScenarioNode = Scenario['nodes'][number];
export type ScenarioOption = ScenarioNode['options'][number];
export type Timeout = NonNullable<ScenarioNode['timeout']>;
export type Consequence = ScenarioOption['consequences'][number];
export type Effect = ScenarioOption['effects'][number];
export type Lean = ScenarioOption['leans'][number];
export type Inject = Scenario['injects'][number];
export type Ending = Scenario['endings'][number];
export type Adviser = Scenario['advisers'][number];
export type Seat = Scenario['seats'][number];
export type ScenarioPolarity = Scenario['polarities'][number];
export type Incident = NonNullable<Inject['incident']>;

/** What the build emits per scenario and what the app loads when a scenario is chosen. */
export interface ScenarioBundle {
  scenario: Scenario;
  world: World;
  /** The catalogue entries the scenario declares, in its order. */
  polarities: PolarityEntry[];
  /** A content hash of the scenario source, recorded in saved sessions. */
  hash: string;
}

/** The small per-scenario record the first screen shows. */
export interface LibraryEntry {
  id: string;
  version: number;
  title: string;
  subtitle?: string;
  setting: string;
  summary: string;
  durationMinutes: number;
  decisions: number;
  polarities: { id: string; title: string }[];
  seats: { id: string; title: string; role?: string }[];
  /**
   * The study's chapters (1–6) the scenario's decisions cite, for the library's filter. Optional:
   * entries stored on a device before it existed lack it (read as "none").
   */
  chapters?: number[];
  contentNote?: string;
  hash: string;
}
