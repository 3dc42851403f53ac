/**
 * A corpus of hostile strings — script tags, event-handler attributes, `javascript:` URLs, bidi
 * overrides, control characters, template syntax, prototype keys, a 1 MB word — put into scenario
 * text, notes and session files, then compiled, played, saved, imported and replayed. The engine
 * treats all of it as inert data: it either refuses it with a reason or carries it through verbatim
 * (never rewritten, never interpreted), and the browser renders it as text (that side is the UI's e2e).
 * The CLI, which prints to a terminal, escapes control and bidi characters.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShared } from '../../src/build/content-files';
import { compileScenario } from '../../src/engine/content/index';
import {
  createSession,
  debriefModel,
  parseSave,
  replay,
  replaySession,
  scenarioTextEntries,
  stripFacilitatorOnly,
} from '../../src/engine/index';
import { runCli } from '../../src/cli/main';
import { FIXTURES, fixtureBundle } from '../support/fixtures';
import { HOSTILE, HOSTILE_SHORT } from './fuzz-support';

const shared = loadShared();
const tiny = readFileSync(join(FIXTURES, 'tiny', 'scenario.yaml'), 'utf8');
const bundle = fixtureBundle();
const dir = mkdtempSync(join(tmpdir(), 'mandate-hostile-'));

/** The tiny scenario with `s` as its title, the first decision's text, an option label and an ending's text. */
function withHostile(s: string): string {
  const q = JSON.stringify(s);
  return tiny
    .replace('title: Tiny test scenario', `title: ${q}`)
    .replace('text: A column is moving south.', `text: ${q}`)
    .replace('label: Deploy the battalion forward', `label: ${q}`);
}

// eslint-disable-next-line no-control-regex
const TERMINAL_ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('hostile strings', () => {
  it.each(HOSTILE.map((s) => [s.length > 60 ? `${s.slice(0, 20)}… (${s.length} chars)` : s, s]))(
    'in scenario text (%s): compiled, played and debriefed verbatim, or refused with a diagnostic',
    (_name, s) => {
      const text = withHostile(s);
      const r = compileScenario({ file: 'hostile.yaml', text }, shared, undefined, { quick: true });
      if (!r.bundle) {
        // Refused (e.g. a text longer than the schema allows): positioned diagnostics, no exception.
        expect(r.diagnostics.length).toBeGreaterThan(0);
        for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
        return;
      }
      const b = r.bundle;
      expect(b.scenario.title).toBe(s);
      expect(scenarioTextEntries(b.scenario).some(([, v]) => v === s)).toBe(true);
      const session = createSession(b, { seed: 1 });
      const d1 = b.scenario.nodes.find((n) => n.id === 'd1')!;
      expect(d1.text).toBe(s);
      expect(d1.options.find((o) => o.id === 'deploy')?.label).toBe(s);
      expect(session.send('decision.choose', { node: 'd1', option: 'deploy' }).ok).toBe(true);
      const model = debriefModel(b, session.save());
      expect(model.decisions.length).toBeGreaterThan(0);
      expect(replay(b, session.save())).toEqual(session.snapshot());
      session.stop();
    },
    60_000,
  );

  it('in notes and facilitator notes: logged verbatim, saved, imported and replayed; too long is refused with a reason', () => {
    const s = createSession(bundle, { seed: 2, meta: { id: 'hostile', mode: 'facilitated' } });
    for (const h of HOSTILE_SHORT) {
      expect(s.send('note.add', { text: h }).ok).toBe(true);
      if (h.trim()) expect(s.send('facilitator.note', { text: h }).ok).toBe(true);
    }
    const huge = HOSTILE.find((h) => h.length > 2000)!;
    const refusedNote = s.send('note.add', { text: huge });
    expect(refusedNote.ok).toBe(false);
    if (!refusedNote.ok) expect(refusedNote.reason).toMatch(/at most 2000/);
    expect(s.send('facilitator.note', { text: huge }).ok).toBe(false);
    const notes = s.snapshot().context.timeline.filter((t) => t.kind === 'note').map((t) => t.note);
    expect(notes).toEqual(HOSTILE_SHORT);
    const file = JSON.stringify(s.save());
    const { save, problems } = parseSave(JSON.parse(file));
    expect(problems).toEqual([]);
    expect(replay(bundle, save!)).toEqual(s.snapshot());
    const stripped = JSON.stringify(stripFacilitatorOnly(save!).log.filter((e) => e.type === 'facilitator.note'));
    for (const h of HOSTILE_SHORT) if (h.length > 3) expect(stripped).not.toContain(JSON.stringify(h).slice(1, -1));
    s.stop();
  });

  it('in session files: labels, ids and seats are refused field by field or carried as data', () => {
    const base = createSession(bundle, { seed: 3 }).save();
    for (const h of HOSTILE) {
      const labelled = parseSave({ ...base, meta: { ...base.meta, label: h, id: h } });
      if (h.length <= 200) {
        expect(labelled.problems).toEqual([]);
        expect(labelled.save?.meta.label).toBe(h);
      } else expect(labelled.problems.map((p) => p.field)).toEqual(['meta.id', 'meta.label']);
      const seat = parseSave({ ...base, seat: h });
      expect(seat.problems).toEqual([]);
      const r = replaySession(bundle, seat.save!); // an unknown seat plays as a seat with every adviser; nothing throws
      r.session.stop();
      const scenario = parseSave({ ...base, scenario: { id: h, version: 1, hash: h } });
      expect(scenario.save?.scenario.id).toBe(h);
    }
  });

  it('printed by the CLI, nothing in a session file can act on the terminal', () => {
    const s = createSession(bundle, { seed: 4, meta: { label: '\u202Eevil\u001b[2J' } });
    for (const h of HOSTILE_SHORT) s.send('note.add', { text: h });
    const path = join(dir, 'hostile.json');
    writeFileSync(path, JSON.stringify(s.save()));
    const r = runCli(['replay', path, '--scenario', 'tests/fixtures/tiny/scenario.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<script>alert(1)</script>'); // shown as the text it is
    expect(r.stdout).toContain('\\u202eevil\\u001b[2J');
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(TERMINAL_ACTIVE);
    const j = runCli(['replay', path, '--scenario', 'tests/fixtures/tiny/scenario.yaml', '--json']);
    expect(JSON.parse(j.stdout).meta.label).toBe('\u202Eevil\u001b[2J'); // JSON output stays exact
    const bad = join(dir, 'hostile-bad.json');
    writeFileSync(bad, JSON.stringify({ ...s.save(), scenario: { id: '\u001b[2J<script>', version: 1, hash: 'x' } }));
    const e = runCli(['replay', bad]);
    expect(e.code).toBe(1);
    expect(e.stderr.trim().split('\n')).toHaveLength(1);
    expect(e.stderr).not.toMatch(TERMINAL_ACTIVE);
    s.stop();
  });
});
