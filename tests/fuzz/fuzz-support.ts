/**
 * Shared ground for the fuzz tests: real saves to mutate, mutation operators over text and JSON, and
 * the hostile-string corpus. Sizes are bounded so that every property is fast and nothing can hang.
 */
import fc from 'fast-check';
import { createSession, type ScenarioBundle, type SessionSave } from '../../src/engine/index';

/** Strings that must pass through as inert text everywhere: markup, handlers, URLs, bidi, controls, sheer size. */
export const HOSTILE: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><iframe src="javascript:alert(1)"></iframe>',
  'javascript:alert(document.cookie)',
  '<a href="javascript:alert(1)">click</a>',
  '\u202Egnp.exe\u202C (a bidi override)',
  '\u2066\u2067\u2068 isolates \u2069 and \u200F marks',
  '${alert(1)} {{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  '\u0000 NUL \u0007 bell \u001b[31m ANSI red \u001b[0m',
  '</textarea></style></title><!--',
  ']]> <![CDATA[ x ]]>',
  '&lt;b&gt; &amp; &#x3C;script&#x3E;',
  '\uD83D\uDE00 \uD800 (a lone surrogate)',
  'w'.repeat(1024 * 1024), // a 1 MB word
];

/** Hostile strings short enough for a note (notes take at most 2000 characters). */
export const HOSTILE_SHORT = HOSTILE.filter((s) => s.length <= 2000);

/** A few real sessions of a scenario: random choices, consultations, notes and annotations. */
export function realSaves(bundle: ScenarioBundle, count = 6): SessionSave[] {
  const out: SessionSave[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const s = createSession(bundle, { seed, meta: { id: `fuzz-${seed}`, label: `Run ${seed}`, startedAt: 1_700_000_000_000 + seed, mode: seed % 2 ? 'solo' : 'facilitated' } });
    let step = 0;
    while (!s.snapshot().done && step < 40) {
      const ctx = s.snapshot().context;
      const node = bundle.scenario.nodes.find((n) => n.id === ctx.node);
      if (!node) break;
      const options = node.options.map((o) => o.id);
      if (step % 3 === 0) s.send('note.add', { text: `note ${step}` }, 1_700_000_000_000 + step);
      if (seed % 2 === 0) {
        s.send('room.vote', { node: node.id, tally: { [options[0] ?? 'x']: seed } });
        s.send('facilitator.note', { text: `private ${step}`, node: node.id });
      }
      const pick = options[(seed + step) % Math.max(1, options.length)];
      const r = pick ? s.send('decision.choose', { node: node.id, option: pick }, 1_700_000_000_000 + step * 1000) : { ok: false };
      if (!r.ok && !s.send('decision.timeout', { node: node.id }).ok && !s.send('clock.advance', { minutes: 60 }).ok) break;
      step++;
    }
    out.push(s.save());
    s.stop();
  }
  return out;
}

/** Any JSON value, small. */
export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...HOSTILE_SHORT),
  fc.constantFrom(-1, 0, 1, 1.5, 2 ** 53, -(2 ** 53), 1e308, 'NaN', null, true, [], {}),
);

/** One mutation of a JSON tree: walk to a node by the given steps, then replace, delete, duplicate or retype it. */
export type JsonMutation = { steps: number[]; op: 'set' | 'delete' | 'dup' | 'swap' | 'stringify' | 'wrap'; value: unknown };

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  steps: fc.array(fc.nat(50), { maxLength: 5 }),
  op: fc.constantFrom('set', 'delete', 'dup', 'swap', 'stringify', 'wrap'),
  value: anyJson,
});

export function mutateJson(root: unknown, m: JsonMutation): unknown {
  const copy = structuredClone(root);
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number | null = null;
  let node: unknown = copy;
  for (const step of m.steps) {
    if (Array.isArray(node) && node.length) {
      parent = node;
      key = step % node.length;
      node = node[key];
    } else if (node && typeof node === 'object' && Object.keys(node).length) {
      const keys = Object.keys(node);
      parent = node as Record<string, unknown>;
      key = keys[step % keys.length] as string;
      node = (node as Record<string, unknown>)[key];
    } else break;
  }
  if (parent === null || key === null) return m.op === 'set' ? m.value : copy;
  const p = parent as Record<string | number, unknown>;
  switch (m.op) {
    case 'set':
      p[key] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete p[key];
      break;
    case 'dup':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(node));
      else p[`${key}_`] = structuredClone(node);
      break;
    case 'swap':
      if (Array.isArray(parent) && parent.length > 1) {
        const other = (Number(key) + 1) % parent.length;
        [parent[Number(key)], parent[other]] = [parent[other], parent[Number(key)]];
      }
      break;
    case 'stringify':
      p[key] = JSON.stringify(node) ?? 'undefined';
      break;
    case 'wrap':
      p[key] = [node];
      break;
  }
  return copy;
}

/** Text-level mutations of a source file: delete, insert, duplicate, swap and re-indent lines, replace characters. */
export type TextMutation =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'dupLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'indent'; line: number; delta: number }
  | { kind: 'replaceValue'; line: number; value: string };

const YAML_TOKENS = [':', '- ', '&a ', '*a', '[', ']', '{', '}', '\n', '  ', "'", '"', '#', '!!str ', '|', '>', '%', '@', '`', '? ', ', ', '\t', '~', 'null', '-1', '1e999', '<<: *a'];

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(1_000_000), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(1_000_000), token: fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.constantFrom(...HOSTILE_SHORT), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('dupLine' as const), line: fc.nat(10_000) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(10_000), b: fc.nat(10_000) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(10_000), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('replaceValue' as const), line: fc.nat(10_000), value: fc.oneof(fc.constantFrom(...HOSTILE_SHORT), fc.constantFrom('[]', '{}', '~', '-5', '99999999999', 'yes', '"x"', '*a', '&a b')) }),
);

export function mutateText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const li = (n: number): number => n % lines.length;
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'dupLine':
      lines.splice(li(m.line), 0, lines[li(m.line)] ?? '');
      return lines.join('\n');
    case 'swapLines': {
      const a = li(m.a);
      const b = li(m.b);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'indent': {
      const i = li(m.line);
      const l = lines[i] ?? '';
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + l : l.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'replaceValue': {
      const i = li(m.line);
      const l = lines[i] ?? '';
      const colon = l.indexOf(': ');
      lines[i] = colon >= 0 ? `${l.slice(0, colon + 2)}${JSON.stringify(m.value)}` : l;
      return lines.join('\n');
    }
  }
}
