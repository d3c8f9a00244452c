/**
 * Blueprints toolkit library API. The `blueprint` command is a thin layer over these functions; CI
 * scripts can import them directly. Nothing here prints or exits.
 */
export { type CatalogueEntry, catalogue, type RuleId } from './diagnostics/catalogue.js';
export { type ExitCode, exitCodeOf, exitCodes } from './diagnostics/exit-codes.js';
export { collectMessages, formatMessages, summarize, toJson } from './diagnostics/report.js';
export { type Edition, type EditionRequest, resolveEdition } from './edition/resolve-edition.js';
export { findBrowser } from './pdf/find-browser.js';
export { type BuildOptions, type BuildResult, build, type Format, type ProgressEvent } from './pipeline/build.js';
export { type CheckOptions, type CheckResult, check, type SectionGrade } from './pipeline/check.js';
export { type Coverage, type CoverageCell, projectCoverage } from './pipeline/coverage.js';
export { type ExtractOptions, type ExtractResult, extractTranslations } from './pipeline/i18n-extract.js';
export { type ImportOptions, type ImportResult, importTranslations } from './pipeline/i18n-import.js';
export { type I18nStatusResult, i18nStatus } from './pipeline/i18n-status.js';
export { listProject, type ProjectListing } from './pipeline/list-project.js';
export type { Manifest, ManifestDocument, OutputFile } from './pipeline/manifest.js';
export { type MergeResult, merge } from './pipeline/merge.js';
export { type Preview, type PreviewOptions, type RebuildEvent, startPreview } from './preview/serve-preview.js';
export { findProjectRoot } from './project/find-project.js';
export { type LoadResult, loadProject, type Project } from './project/load-project.js';
export { SourceCache } from './project/source-cache.js';
export { newBlueprint, newCity, type ScaffoldResult } from './scaffold/new-scaffold.js';
