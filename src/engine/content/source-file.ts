/**
 * A parsed YAML file that can say where any data path is: the bridge from schema and semantic
 * problems to `file:line:col` diagnostics.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Severity } from './diagnostics';

export type DataPath = readonly (string | number)[];

export interface SourceFile {
  file: string;
  text: string;
  value: unknown;
  /** YAML syntax problems (SCN001). */
  syntax: Diagnostic[];
  /** The position of a data path (the key itself when `key` is true). */
  locate(path: DataPath, key?: boolean): { line: number; col: number; endLine: number; endCol: number };
  diagnostic(code: string, severity: Severity, message: string, path: DataPath, key?: boolean): Diagnostic;
}

/**
 * How far YAML aliases (`*name`) may expand, as the yaml library counts it: beyond this a file is
 * refused with SCN005 (an alias bomb — "billion laughs" — would otherwise exhaust memory). No real
 * scenario comes near: the shipped ones use no aliases at all.
 */
export const MAX_ALIAS_COUNT = 100;

/** Converts the document to data; an alias bomb (or any failure of the conversion) becomes a diagnostic, never a throw. */
function documentValue(doc: Document, text: string): { value?: unknown; failure?: { code: string; message: string; start: number; end: number } } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    let at: [number, number] = [0, Math.min(text.length, 1)];
    visit(doc, {
      Alias(_key, node) {
        if (node.range) at = [node.range[0], node.range[1]];
        return visit.BREAK;
      },
    });
    if (/alias/i.test(message))
      return {
        failure: {
          code: 'SCN005',
          message: `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}): a file built to exhaust memory ("billion laughs") is refused. Write the content out instead of repeating it with aliases.`,
          start: at[0],
          end: at[1],
        },
      };
    return { failure: { code: 'SCN001', message: `YAML: ${message.split('\n')[0]}`, start: at[0], end: at[1] } };
  }
}

export function parseSourceFile(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const lines = text.split(/\r?\n/);
  const pos = (offset: number): { line: number; col: number } => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, col: p.col };
  };
  const make = (code: string, severity: Severity, message: string, start: number, end: number, path?: DataPath): Diagnostic => {
    const a = pos(start);
    const b = pos(Math.max(start, end));
    return {
      code,
      severity,
      message,
      file,
      line: a.line,
      col: a.col,
      endLine: b.line,
      endCol: b.col,
      source: lines[a.line - 1] ?? '',
      ...(path ? { path: path.join('.') } : {}),
    };
  };

  const syntax: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) =>
    make('SCN001', 'error', `YAML: ${e.message.split('\n')[0]}`, e.pos[0], e.pos[1]),
  );
  let value: unknown;
  if (!syntax.length) {
    const converted = documentValue(doc, text);
    if (converted.failure) {
      const f = converted.failure;
      syntax.push(make(f.code, 'error', f.message, f.start, f.end));
    } else value = converted.value;
  }

  const rangeOf = (path: DataPath, key: boolean): [number, number] => {
    // Walk down as far as the path exists; report the deepest node found.
    let node: unknown = doc.contents;
    let keyNode: YamlNode | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
        const item = (node as { items: unknown[] }).items[Number(step)];
        if (item === undefined) break;
        keyNode = null;
        node = item;
      } else break;
    }
    const target = (key && keyNode ? keyNode : node) as YamlNode | null | undefined;
    const range = target && typeof target === 'object' && 'range' in target ? target.range : undefined;
    if (range) return [range[0], range[1]];
    if (keyNode?.range) return [keyNode.range[0], keyNode.range[1]];
    return [0, 0];
  };

  return {
    file,
    text,
    value,
    syntax,
    locate(path, key = false) {
      const [s, e] = rangeOf(path, key);
      const a = pos(s);
      const b = pos(e);
      return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
    },
    diagnostic(code, severity, message, path, key = false) {
      const [s, e] = rangeOf(path, key);
      // A multi-line node: underline only its first line.
      const firstLineEnd = text.indexOf('\n', s);
      return make(code, severity, message, s, firstLineEnd >= 0 ? Math.min(e, firstLineEnd) : e, path);
    },
  };
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): string {
  return issue.message;
}

/** Turns zod issues into positioned diagnostics (SCN002 values, SCN003 unknown fields, SCN004 version). */
export function schemaDiagnostics(src: SourceFile, issues: readonly Issue[], base: DataPath = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        out.push(src.diagnostic('SCN003', 'error', `Unknown field "${k}" at ${path.join('.') || 'the top level'}.`, [...path, k], true));
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length) {
      // Report the alternative that came closest (fewest problems).
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      const unknownOnly = best.every((i) => i.code === 'unrecognized_keys');
      if (best.length && !unknownOnly) out.push(...schemaDiagnostics(src, best, path));
      else out.push(src.diagnostic('SCN002', 'error', `Not a valid ${path.length ? 'value' : 'document'} at ${path.join('.')}: ${unionHint(path)}`, path));
    } else if (path.length === 1 && path[0] === 'schemaVersion') {
      out.push(src.diagnostic('SCN004', 'error', 'Unsupported schemaVersion: this build reads schemaVersion 1.', path));
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message) && path.length) {
      const parent = path.slice(0, -1);
      const where = parent.length ? parent.join('.') : 'the top level';
      out.push(src.diagnostic('SCN002', 'error', `Missing required field "${String(path[path.length - 1])}" (at ${where}).`, parent, parent.length > 0));
    } else {
      const where = path.length ? path.join('.') : 'the top level';
      out.push(src.diagnostic('SCN002', 'error', `${describeIssue(issue)} (at ${where}).`, path));
    }
  }
  return out;
}

function unionHint(path: DataPath): string {
  const last = String(path[path.length - 2] ?? path[path.length - 1] ?? '');
  if (/effects/.test(last)) return 'an effect is `{ meter, add }` or `{ flag, set }`.';
  return 'a condition is one of all / any / not / flag / meter (lt, gte) / chose / consulted / time / polarity.';
}
