export { createMandateStore, MAX_IMPORT_CHARS, MAX_SCENARIO_CHARS, TICK_MS, type MandateStore, type MandateStoreState, type MandateActions, type StoreDeps, type ExportFile } from './create-mandate-store';
export * from './selectors';
export * from './types';
export { DEFAULT_SETTINGS, localSettingsStorage, memorySettingsStorage, normaliseSettings, preferredLanguage } from './settings';
export {
  createPersistence,
  createMemoryAdapter,
  openBestAdapter,
  openIndexedDbAdapter,
  browserLocks,
  readRecord,
  migrateRecord,
  RECORD_MIGRATIONS,
  RECORD_VERSION,
  localCountdownStash,
  memoryCountdownStash,
  type CountdownStash,
  type Persistence,
  type StorageAdapter,
  type SavedRecord,
  type LockProvider,
} from './persistence';
export { countdownFor, rescale, WARNING_SHARE } from './countdown';
export {
  createScenarioShelf,
  memoryScenarioShelf,
  readScenarioRecord,
  SCENARIO_RECORD_FORMAT,
  type ImportedScenarioRecord,
  type ScenarioShelf,
} from './scenario-shelf';
export { applyOverride, mergedOverride, rebuildSession, scenarioFlags, type PreviewOverride, type PreviewPlan, type RebuildResult } from './authoring';
export { scenarioGraph, pathTaken, type ScenarioGraph, type GraphNode, type GraphEdge } from './scenario-graph';
export { reviewActions, exportFileOf, type ReviewActions, type SessionRow, type ReviewExport } from './review-actions';
