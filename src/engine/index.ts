/**
 * The engine's one door. The app, store and CLI import the runtime from here only. The content
 * compiler (YAML, schema, diagnostics) lives behind ./content/index.ts and is used at build time
 * and by the CLI, so it stays out of the first-screen bundle.
 */
export type * from './types';
export type * from './state';
export { createScenarioMachine, successorsOf } from './machine';
export {
  initialContext,
  reduce,
  refusal,
  availableOptions,
  deadlineOf,
  ownsDecision,
  reachesSeat,
  npcOption,
  advisersOfSeat,
  ENGINE_EVENT_TYPES,
  ANNOTATION_EVENT_TYPES,
  LEAN_STEP,
  BOTH_STEP,
  type EngineEvent,
  type EngineEventType,
} from './reduce';
export { evaluateCondition, sideOfBand } from './conditions';
export { indexScenario, type ScenarioIndex } from './scenario-index';
export {
  createSession,
  replay,
  replaySession,
  parseSave,
  forkSave,
  stripFacilitatorOnly,
  defaultMeta,
  toEngineEvent,
  SAVE_FORMAT,
  SAVE_FORMAT_VERSION,
  WITHHELD_NOTE,
  type LogEntry,
  type SessionSave,
  type SessionMeta,
  type SessionMode,
  type SaveProblem,
  type EngineSnapshot,
  type Session,
  type SendResult,
  type ReplayResult,
} from './session';
export { SAVE_MIGRATIONS, migrateSave, derivedSessionId, type SaveMigration } from './save-migrations';
export { debriefModel, meterBand, type DebriefModel, type DebriefDecision, type Band, type PolarityVerdict } from './debrief';
export { mapModel, placesOf, type MapModel, type MapPlace, type Point } from './map-model';
export { hash32, percentDraw, contentHash } from './rng';
export { formatRelativeTime, formatRelativeParts, relativeTimeParts, dayAndTime, type RelativeTimeParts } from './clock-format';
export { playerSection } from './player-section';
export { scenarioTextEntries, localizeScenario } from './scenario-text';
export { pathToNode, previewSession, type PathStep, type PathSearchOptions } from './authoring';
export { causesOf, aftermathOf, conditionReads, type CausalLink, type CauseReason, type Aftermath } from './causal-chains';
export { reviewSteps, type ReviewStep } from './review-steps';
export { compareRuns, type RunComparison, type RunDifference } from './compare-runs';
export {
  readCohortFile,
  readCohortSource,
  lrsSessionCopy,
  SESSION_LOG_EXTENSION,
  buildCohort,
  cohortCsv,
  csvCell,
  COHORT_MAX_FILE_CHARS,
  type Cohort,
  type CohortFile,
  type CohortRead,
  type CohortDecision,
  type CohortSession,
  type CohortOptions,
} from './cohort';
export {
  FACILITATOR_ONLY,
  FACILITATOR_ONLY_EVENTS,
  isOptionalInject,
  isRolePrivate,
  rolesOf,
  facilitatorNotesFor,
  optionalInjects,
  firableInjects,
  stripFacilitatorContent,
  presenterView,
  type Role,
  type FacilitatorNote,
  type Tradeoff,
  type FacilitatorOnlyField,
} from './facilitation';
