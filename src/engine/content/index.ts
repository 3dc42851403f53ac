/** The content compiler's door: used by the build plugin, the CLI and tests — never by the first screen. */
export { compileShared, compileScenario, libraryEntry, type SourceText, type SharedContent, type CompileResult } from './compile';
export { DIAGNOSTIC_CATALOGUE, formatDiagnostic, catalogueEntry, type Diagnostic, type DiagnosticInfo, type Severity } from './diagnostics';
export { ScenarioSchema, WorldSchema, PolarityCatalogueSchema, SCHEMA_VERSION } from './schema';
export { exploreScenario, type ExploreResult } from './explore';
export { studyIndex } from './study-index';
export { parseSourceFile } from './source-file';
