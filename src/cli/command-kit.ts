/**
 * What every CLI command shares: the result shape (commands are functions of argv that return
 * their exit code and output, so tests call them in-process), flag parsing, and finding a scenario
 * by id or path. Problems an author can fix are thrown as UsageError (exit 2, one line) or
 * ScenarioErrors (exit 1, the diagnostics as `check` prints them); main.ts turns them into output.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileFile, loadShared, rel, scenarioFiles } from '../build/content-files';
import { formatDiagnostic, type CompileResult, type Diagnostic, type SharedContent } from '../engine/content/index';
import type { ScenarioBundle } from '../engine/index';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A mistake in how the command was called: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** The scenario has errors: its diagnostics, then one summary line, exit 1. */
export class ScenarioErrors extends Error {
  constructor(
    readonly file: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(`${file} has ${errors} error(s); fix them first (npm run scenario -- check ${file}).`);
  }
}

/** Runs a command body, turning author-facing errors into output and exit codes. Other errors are bugs and propagate. */
export function runCommand(body: (out: (line: string) => void, err: (line: string) => void) => number): CommandResult {
  let stdout = '';
  let stderr = '';
  const out = (line: string): void => void (stdout += line + '\n');
  const err = (line: string): void => void (stderr += line + '\n');
  try {
    return { code: body(out, err), stdout, stderr };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout, stderr: stderr + e.message + '\n' };
    if (e instanceof ScenarioErrors) {
      for (const d of e.diagnostics) err(formatDiagnostic(d));
      return { code: 1, stdout, stderr: stderr + e.message + '\n' };
    }
    throw e;
  }
}

/** The value after `name`, if the flag is present; a missing value is a usage error. */
export function flagValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  return v;
}

/** A whole-number flag within [min, max]; `fallback` when absent (undefined = required). */
export function intFlag(args: readonly string[], name: string, what: string, fallback?: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = flagValue(args, name);
  if (v === undefined) {
    if (fallback === undefined) throw new UsageError(`${name} N is required (${what}).`);
    return fallback;
  }
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max} (${what}); got "${v}".`);
  return Number(v);
}

/** Arguments that are neither flags nor the values of the given value-taking flags. */
export function positionals(args: readonly string[], valueFlags: readonly string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !valueFlags.includes(args[i - 1] ?? ''));
}

/** Refuses flags the command does not know, so a typo is not silently ignored. */
export function knownFlags(args: readonly string[], command: string, flags: readonly string[]): void {
  for (const a of args) if (a.startsWith('--') && !flags.includes(a)) throw new UsageError(`${command} has no option ${a}. Options: ${flags.join(', ')}.`);
}

export interface LoadedScenario {
  bundle: ScenarioBundle;
  /** The compile result: its `src` maps data paths to lines. */
  compiled: CompileResult;
  file: string;
}

let sharedCache: SharedContent | undefined;
/** The world and the catalogue, read once per process (the benchmark runs many commands in one). */
export function sharedContent(): SharedContent {
  return (sharedCache ??= loadShared());
}

/** A scenario by id (scenarios/<id>/scenario.yaml) or by path to a .yaml file. */
export function loadScenario(idOrPath: string | undefined, command: string): LoadedScenario {
  if (!idOrPath) throw new UsageError(`${command} needs a scenario id or a path to a .yaml file.`);
  let path: string;
  if (idOrPath.endsWith('.yaml') || idOrPath.endsWith('.yml') || idOrPath.includes('/')) {
    path = resolve(idOrPath);
    if (!existsSync(path)) throw new UsageError(`No such file: ${idOrPath}.`);
  } else {
    const files = scenarioFiles();
    const found = files.find((f) => f.split(/[\\/]/).at(-2) === idOrPath);
    if (!found) {
      const known = files.map((f) => f.split(/[\\/]/).at(-2));
      throw new UsageError(`No scenario "${idOrPath}". Known: ${known.join(', ') || 'none'}.`);
    }
    path = found;
  }
  const shared = sharedContent();
  const compiled = compileFile(path, shared);
  const diagnostics = [...shared.diagnostics, ...compiled.diagnostics];
  if (!compiled.bundle || diagnostics.some((d) => d.severity === 'error')) throw new ScenarioErrors(rel(path), diagnostics);
  return { bundle: compiled.bundle, compiled, file: rel(path) };
}
