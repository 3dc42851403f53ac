/**
 * Regenerates the two generated parts of the authoring guide (scenarios/README.md), so they never
 * drift from the code:
 *   - the field reference, walked from the JSON Schema that the scenario schema generates (its
 *     descriptions are the same text editors show on hover);
 *   - the diagnostics catalogue, one section per code, with the mistake taken from the code's
 *     fixture (its difference from the clean tiny scenario) and what `check` prints for it.
 * Only the text between the BEGIN/END GENERATED markers is rewritten; the prose around it is ours.
 *
 *   npx tsx scripts/gen-authoring-docs.ts           print the regenerated README
 *   npx tsx scripts/gen-authoring-docs.ts --write   rewrite scenarios/README.md (npm run docs)
 *   npx tsx scripts/gen-authoring-docs.ts --check   exit 1 when scenarios/README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFile, loadShared, ROOT } from '../src/build/content-files';
import { scenarioJsonSchema } from '../src/build/json-schema';
import { DIAGNOSTIC_CATALOGUE, formatDiagnostic, type Diagnostic } from '../src/engine/content/index';

export const README = join(ROOT, 'scenarios', 'README.md');
const FIXTURES = 'tests/fixtures';

type Json = { [key: string]: unknown };

// ---- the field reference ----------------------------------------------------------------------

const SAFE_INT = 9007199254740991;
/** Patterns of the schema's named string types, shown by name rather than as a regular expression. */
const PATTERNS: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$': 'id',
  '^[a-z0-9_]+$': 'polarity id',
  '^[A-Z][A-Z0-9_]*$': 'FLAG_NAME',
  '^[a-z0-9-]+\\.([a-z0-9-]+|timeout)$': '"node.option"',
  '^[a-z0-9-]+(\\.[a-z0-9-]+)?$': '"adviser" or "node.adviser"',
  '^[a-z]{2,3}(-[A-Z]{2})?$': 'language code',
};

/** Renders the field reference from the scenario's JSON Schema. */
export function referenceMarkdown(schema: Json = scenarioJsonSchema()): string {
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const resolve = (node: Json): Json => {
    let n = node;
    for (let i = 0; i < 10 && typeof n.$ref === 'string'; i++) {
      const target = defs[n.$ref.replace('#/$defs/', '')] ?? {};
      n = { ...target, ...(n.description && !target.description ? { description: n.description } : {}) };
    }
    return n;
  };
  const alternatives = (node: Json): Json[] => ((resolve(node).anyOf as Json[] | undefined) ?? []).map(resolve);
  const hasKey = (node: Json, key: string): boolean => alternatives(node).some((a) => key in ((a.properties as Json | undefined) ?? {}));
  const isCondition = (node: Json): boolean => hasKey(node, 'all');
  const isEffect = (node: Json): boolean => hasKey(node, 'add');

  // Objects get a section each; identical shapes met again (timeout consequences, injects'
  // incidents) link to the first section instead of repeating it.
  const sections: { anchor: string; paths: string[]; node: Json }[] = [];
  const sectionOf = new Map<string, (typeof sections)[number]>();
  const shapeKey = (node: Json): string => JSON.stringify({ ...node, description: undefined, default: undefined });
  const objectAnchor = (node: Json, path: string): string => {
    const key = shapeKey(node);
    const known = sectionOf.get(key);
    if (known) {
      known.paths.push(path);
      return known.anchor;
    }
    const section = { anchor: path ? `ref-${path.replace(/\[\]/g, '').replace(/\./g, '-').toLowerCase()}` : 'ref-scenario', paths: [path], node };
    sectionOf.set(key, section);
    sections.push(section);
    visitObject(node, path);
    return section.anchor;
  };

  const typeOf = (raw: Json, path: string): string => {
    const node = resolve(raw);
    if (isCondition(node)) return '[condition](#ref-conditions)';
    if (isEffect(node)) return '[effect](#ref-effects)';
    if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
    if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
    switch (node.type) {
      case 'string': {
        const named = typeof node.pattern === 'string' ? PATTERNS[node.pattern] : undefined;
        if (named) return named;
        if (typeof node.pattern === 'string' && node.pattern.includes('§')) return 'citation';
        if (typeof node.pattern === 'string') return 'text';
        return node.minLength ? 'text' : 'string';
      }
      case 'integer':
      case 'number': {
        const min = typeof node.minimum === 'number' && node.minimum > -SAFE_INT ? node.minimum : undefined;
        const max = typeof node.maximum === 'number' && node.maximum < SAFE_INT ? node.maximum : undefined;
        const word = node.type === 'integer' ? 'whole number' : 'number';
        if (min !== undefined && max !== undefined) return `${word} ${min}–${max}`;
        if (min !== undefined) return `${word} ≥ ${min}`;
        if (max !== undefined) return `${word} ≤ ${max}`;
        return word;
      }
      case 'boolean':
        return '`true` \\| `false`';
      case 'array': {
        const items = (node.items ?? {}) as Json;
        const least = typeof node.minItems === 'number' && node.minItems > 0 ? ` (at least ${node.minItems})` : '';
        return `list of ${typeOf(items, `${path}[]`)}${least}`;
      }
      case 'object':
        return `[object](#${objectAnchor(node, path)})`;
      default:
        return 'value';
    }
  };

  const rowsOf = new Map<string, string[]>();
  function visitObject(node: Json, path: string): void {
    const props = (node.properties ?? {}) as Record<string, Json>;
    const required = new Set((node.required as string[] | undefined) ?? []);
    const rows: string[] = [];
    for (const [name, raw] of Object.entries(props)) {
      const child = path ? `${path}.${name}` : name;
      const resolved = resolve(raw);
      const type = typeOf(raw, child);
      const items = resolved.type === 'array' ? resolve((resolved.items ?? {}) as Json) : undefined;
      const description = String(raw.description ?? resolved.description ?? items?.description ?? '');
      const need = required.has(name)
        ? 'required'
        : 'default' in raw || 'default' in resolved
          ? `default \`${JSON.stringify(raw.default ?? resolved.default)}\``
          : 'optional';
      rows.push(`| \`${name}\` | ${type} | ${need} | ${cell(description)} |`);
    }
    rowsOf.set(path, rows);
  }

  objectAnchor(schema, '');
  const out: string[] = [];
  out.push('Every field a scenario file can hold, generated from `scenarios/scenario.schema.json` (the same');
  out.push('descriptions your editor shows on hover). *required* fields must be written; the others take the');
  out.push('default shown, or are simply absent. Times are in-game minutes; ids are kebab-case.');
  for (const s of sections) {
    const path = s.paths[0] ?? '';
    out.push('', `<a id="${s.anchor}"></a>`, '');
    out.push(path ? `### ${s.paths.map((p) => `\`${p}\``).join(', ')}` : '### The scenario (top level)');
    // A shape shared by several fields keeps only the fields' own descriptions.
    const description = s.paths.length === 1 ? String(s.node.description ?? '') : '';
    if (description) out.push('', cell(description));
    out.push('', '| field | type | need | description |', '|---|---|---|---|', ...(rowsOf.get(path) ?? []));
  }

  const union = (title: string, anchor: string, node: Json, intro: string): void => {
    out.push('', `<a id="${anchor}"></a>`, '', `### ${title}`, '', intro, '', '| form | meaning |', '|---|---|');
    for (const alt of alternatives(node)) {
      const props = (alt.properties ?? {}) as Record<string, Json>;
      const required = new Set((alt.required as string[] | undefined) ?? []);
      const form = Object.entries(props)
        .map(([k, v]) => {
          const r = resolve(v);
          const shown = isCondition(r)
            ? 'condition'
            : r.type === 'array' && isCondition((r.items ?? {}) as Json)
              ? '[condition, …]'
              : r.type === 'object'
                ? `{ ${Object.entries((r.properties ?? {}) as Record<string, Json>).map(([pk, pv]) => `${pk}?: ${typeOf(pv, pk)}`).join(', ')} }`
                : typeOf(v, k).replace(/\\\|/g, '|').replace(/`/g, '');
          return `${k}${required.has(k) ? '' : '?'}: ${shown}`;
        })
        .join(', ');
      const meaning = Object.entries(props)
        .map(([k, v]) => {
          const d = String(v.description ?? resolve(v).description ?? '');
          return d ? `\`${k}\`: ${d}` : '';
        })
        .filter(Boolean)
        .join(' ');
      out.push(`| \`{ ${cell(form)} }\` | ${cell(meaning)} |`);
    }
  };
  const optionProps = (((schema.properties as Json).nodes as Json).items as Json).properties as Json;
  const optionItem = ((optionProps.options as Json).items as Json).properties as Json;
  union('Conditions', 'ref-conditions', optionItem.when as Json, cell(String(resolve(optionItem.when as Json).description ?? '')) +
    ' Conditions nest: `all`, `any` and `not` take further conditions. A field marked `?` is optional.');
  union('Effects', 'ref-effects', ((optionItem.effects as Json).items ?? {}) as Json, cell(String(resolve(((optionItem.effects as Json).items ?? {}) as Json).description ?? '')));
  return out.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// ---- the diagnostics catalogue ----------------------------------------------------------------

type DiffLine = { sign: '-' | '+' | ' '; text: string };

/** The lines of `after` against `before` by longest common subsequence: "-" removed, "+" added, " " kept. */
function lineDiff(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs = new Array<number>((n + 1) * (m + 1)).fill(0);
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i * (m + 1) + j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ sign: ' ', text: after[j] ?? '' });
      i++;
      j++;
    } else if (i < n && (j >= m || at(i + 1, j) >= at(i, j + 1))) out.push({ sign: '-', text: before[i++] ?? '' });
    else out.push({ sign: '+', text: after[j++] ?? '' });
  }
  return out;
}

/** The fixture's mistake: its changed lines against the clean tiny scenario, with a line of context. */
function mistakeOf(fixture: string, clean: string): string {
  const diff = lineDiff(clean.split('\n'), fixture.split('\n')).filter((d) => !(d.sign !== ' ' && d.text.startsWith('#')));
  const keep = new Set<number>();
  diff.forEach((d, k) => {
    if (d.sign === ' ') return;
    for (const x of [k - 1, k, k + 1]) if (x >= 0 && x < diff.length) keep.add(x);
  });
  const lines: string[] = [];
  let last = -2;
  for (const k of [...keep].sort((a, b) => a - b)) {
    if (last >= 0 && k > last + 1) lines.push('…');
    const d = diff[k] as DiffLine;
    lines.push(`${d.sign} ${d.text}`);
    last = k;
  }
  return lines.join('\n');
}

/** Renders one section per diagnostic code, from the catalogue and the code's fixture. */
export function diagnosticsMarkdown(): string {
  const shared = loadShared();
  const clean = readFileSync(join(ROOT, FIXTURES, 'tiny', 'scenario.yaml'), 'utf8');
  const out: string[] = [];
  out.push('Every code `npm run scenario -- check` can report. *Errors* stop the scenario from being built; *warnings*');
  out.push('do not, but a shipped scenario must have none. Each example is the code\'s test fixture: the clean tiny');
  out.push('scenario (`tests/fixtures/tiny/scenario.yaml`) with one mistake, shown as the lines that differ from it');
  out.push('(`-` removed, `+` added), followed by what `check` prints.');
  out.push('', '| code | severity | title |', '|---|---|---|');
  for (const d of DIAGNOSTIC_CATALOGUE) out.push(`| [${d.code}](#${d.code.toLowerCase()}) | ${d.severity} | ${cell(d.title)} |`);
  for (const d of DIAGNOSTIC_CATALOGUE) {
    const file = `${FIXTURES}/diagnostics/${d.code}.yaml`;
    const text = readFileSync(join(ROOT, file), 'utf8');
    const found = compileFile(join(ROOT, file), shared).diagnostics.find((x) => x.code === d.code);
    out.push('', `<a id="${d.code.toLowerCase()}"></a>`, '', `### ${d.code} — ${d.title} (${d.severity})`, '');
    out.push(`**Fix:** ${d.fix}`, '', `For example (\`${file}\`):`, '', '```diff', mistakeOf(text, clean), '```');
    // The search size changes with the search itself, not with the mistake: keep it out of the page.
    if (found) out.push('', '```text', formatDiagnostic({ ...found, file } as Diagnostic).replace(/a search of \d+ states/g, 'a search of N states'), '```');
  }
  return out.join('\n');
}

// ---- the README -------------------------------------------------------------------------------

/** Replaces the text between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`. */
export function replaceGenerated(doc: string, name: string, body: string): string {
  const begin = `<!-- BEGIN GENERATED: ${name} -->`;
  const end = `<!-- END GENERATED: ${name} -->`;
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`scenarios/README.md has no "${begin}" … "${end}" markers`);
  return `${doc.slice(0, a + begin.length)}\n<!-- Generated by \`npm run docs\` (scripts/gen-authoring-docs.ts); edit the schema descriptions or the catalogue, not this text. -->\n\n${body}\n\n${doc.slice(b)}`;
}

/** The README with both generated parts brought up to date. */
export function regenerateAuthoringGuide(doc: string): string {
  return replaceGenerated(replaceGenerated(doc, 'reference', referenceMarkdown()), 'diagnostics', diagnosticsMarkdown());
}

function main(args: string[]): number {
  const current = readFileSync(README, 'utf8');
  const next = regenerateAuthoringGuide(current);
  if (args.includes('--write')) {
    if (next !== current) writeFileSync(README, next);
    process.stdout.write(next === current ? 'scenarios/README.md is up to date.\n' : 'Wrote scenarios/README.md\n');
    return 0;
  }
  if (args.includes('--check')) {
    if (next === current) return 0;
    process.stderr.write('scenarios/README.md is out of date: run `npm run docs`.\n');
    return 1;
  }
  process.stdout.write(next);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
