/**
 * What every CLI command shares: the result shape (commands are functions of argv that return
 * their exit code and output, so tests call them in-process), flag parsing, and finding a scenario
 * by id or path. Problems an author can fix are thrown as UsageError (exit 2, one line) or
 * ScenarioErrors (exit 1, the diagnostics as `check` prints them); main.ts turns them into output.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/**
 * Text from a session file made safe for a terminal: control characters (ANSI escapes, NUL, bell) and
 * bidirectional overrides/isolates are shown as \uXXXX escapes (valid in JSON output too) instead of acting
 * on the terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file the command was given cannot be used (not found, a folder, not JSON, not a session): one line, exit 1. */
export class InputError extends Error {}

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
    if (e instanceof InputError) return { code: 1, stdout, stderr: stderr + printable(e.message) + '\n' }; // it quotes the file
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

const idOf = (file: string): string | undefined => file.split(/[\\/]/).at(-2);

/**
 * What a scenario argument names: a file (any path to one), a folder (its scenario.yaml, or for a
 * folder of scenarios, every <sub>/scenario.yaml in it) or a shipped scenario's id. `problem` is one
 * line saying why it names nothing.
 */
export function scenarioTargets(arg: string): { files: string[]; problem?: undefined } | { files?: undefined; problem: string } {
  const abs = resolve(arg);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) return { files: [abs] };
    if (existsSync(join(abs, 'scenario.yaml'))) return { files: [join(abs, 'scenario.yaml')] };
    const inside = readdirSync(abs, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(abs, d.name, 'scenario.yaml')))
      .map((d) => join(abs, d.name, 'scenario.yaml'))
      .sort();
    return inside.length ? { files: inside } : { problem: `${arg}: a folder with no scenario.yaml in it or in its sub-folders.` };
  }
  const looksLikeId = /^[a-z0-9][a-z0-9-]*$/i.test(arg);
  const found = looksLikeId ? scenarioFiles().find((f) => idOf(f) === arg) : undefined;
  if (found) return { files: [found] };
  const known = scenarioFiles().map(idOf).join(', ') || 'none';
  return { problem: looksLikeId ? `No scenario "${arg}". Known: ${known}.` : `No such file: ${arg}.` };
}

/** A scenario by id (scenarios/<id>/scenario.yaml), by its folder or by path to a .yaml file. */
export function loadScenario(idOrPath: string | undefined, command: string): LoadedScenario {
  if (!idOrPath) throw new UsageError(`${command} needs a scenario id or a path to a .yaml file.`);
  const target = scenarioTargets(idOrPath);
  if (target.problem !== undefined) throw new UsageError(target.problem);
  if (target.files.length !== 1) throw new UsageError(`${idOrPath} holds ${target.files.length} scenarios; ${command} takes one (give its id or folder).`);
  const path = target.files[0] as string;
  const shared = sharedContent();
  const compiled = compileFile(path, shared);
  const diagnostics = [...shared.diagnostics, ...compiled.diagnostics];
  if (!compiled.bundle || diagnostics.some((d) => d.severity === 'error')) throw new ScenarioErrors(rel(path), diagnostics);
  return { bundle: compiled.bundle, compiled, file: rel(path) };
}
