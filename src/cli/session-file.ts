/**
 * Session files on disk for the CLI: the same JSON the browser exports (`JSON.stringify(save, null, 2)`
 * of a v2 SessionSave), read with one clear line for every way a file can be unusable.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseSave, type SessionSave } from '../engine/index';
import { InputError, printable } from './command-kit';

export { printable };

/** Larger than any real session (the browser refuses imports above 5 MB of text). */
export const MAX_SESSION_BYTES = 20 * 1024 * 1024;

/** `line:col` (1-based) of a character offset. */
export function lineColOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, col: before.length - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped, from its message ("… at position 12", or "(line 2 column 5)"). */
function jsonErrorAt(text: string, message: string): { line: number; col: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColOf(text, Number(pos[1]));
  if (/end of JSON/i.test(message)) return lineColOf(text, text.length);
  // Newer engines name the token but not where it is: its first occurrence is where parsing stopped.
  const token = /Unexpected token '(.)'/u.exec(message)?.[1];
  const at = token !== undefined ? text.indexOf(token) : -1;
  return at >= 0 ? lineColOf(text, at) : { line: 1, col: 1 };
}

/** Reads and checks a saved session (any format version parseSave reads); throws InputError with one line. */
export function readSessionFile(path: string): { save: SessionSave; file: string } {
  const file = path;
  const abs = resolve(path);
  if (!existsSync(abs)) throw new InputError(`${file}: no such file.`);
  const st = statSync(abs);
  if (st.isDirectory()) throw new InputError(`${file}: is a folder; give a session file (.json) exported from Mandate or written by play --export.`);
  if (st.size > MAX_SESSION_BYTES) throw new InputError(`${file}: ${Math.round(st.size / 1024 / 1024)} MB is too large for a session file.`);
  const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = jsonErrorAt(text, message);
    throw new InputError(`${file}:${at.line}:${at.col}: not JSON (${message.replace(/\s+/g, ' ').slice(0, 160)}); a session file is the JSON Mandate exports.`);
  }
  const { save, problems } = parseSave(data);
  if (!save) {
    const shown = problems.slice(0, 4).map((p) => `${p.field}: ${p.message}`);
    const more = problems.length > 4 ? ` (and ${problems.length - 4} more)` : '';
    throw new InputError(`${file}: not a usable Mandate session: ${shown.join('; ')}${more}.`);
  }
  return { save, file };
}

/** Writes a session as the browser exports it. */
export function writeSessionFile(path: string, save: SessionSave): string {
  const abs = resolve(path);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new InputError(`${path}: is a folder; give a file name for --export.`);
  if (!existsSync(dirname(abs))) throw new InputError(`${path}: the folder ${dirname(path)} does not exist.`);
  writeFileSync(abs, JSON.stringify(save, null, 2));
  return abs;
}
