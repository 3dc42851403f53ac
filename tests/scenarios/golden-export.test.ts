/**
 * Every golden playthrough of every shipped scenario, exported as the browser exports it and imported
 * back (as the browser's import and the CLI's replay do), replays to exactly the live state: the
 * whole snapshot, the debrief, and the same through the v1 migration and the presenter's stripped
 * copy. From any decision of a run, a fork stands at that decision again, naming its parent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import { createSession, debriefModel, forkSave, parseSave, replay, replaySession, stripFacilitatorOnly, type SessionSave } from '../../src/engine/index';
import { shippedBundle } from '../support/fixtures';

const scenarios = scenarioFiles().map((f) => f.split('/').at(-2) as string);
// Compiling a shipped scenario runs the full check once per file; on a busy machine that takes a while.
const SLOW = 180_000;

describe.each(scenarios)('exported goldens of %s', (id) => {
  const dir = join(ROOT, 'scenarios', id, 'playthroughs');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];

  it.each(files)(
    '%s: export → import → replay equals the live state',
    (file) => {
      const golden = parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const bundle = shippedBundle(id);
      const live = createSession(bundle, {
        seed: golden.seed,
        ...(golden.seat ? { seat: golden.seat } : {}),
        meta: { id: `golden-${file}`, label: file, startedAt: 1_765_000_000_000 },
      });
      let at = 1_765_000_000_000;
      for (const choice of golden.choices) {
        const node = live.snapshot().node;
        at += 45_000;
        const r = choice === 'timeout' ? live.send('decision.timeout', { node }, at) : live.send('decision.choose', { node, option: choice }, at);
        expect(r, `at ${node}: ${choice}`).toMatchObject({ ok: true });
        if (!live.snapshot().done && live.log().length === 1) live.send('note.add', { text: 'Why we chose this, in our words.' }, at + 1);
      }
      expect(live.snapshot().done).toBe(true);
      const liveSnap = live.snapshot();
      const liveSave = live.save();

      // The browser's export (src/store: JSON.stringify(session.save(), null, 2)) and its import.
      const text = JSON.stringify(liveSave, null, 2);
      const { save, problems } = parseSave(JSON.parse(text));
      expect(problems).toEqual([]);
      expect(save).toEqual(liveSave);
      const imported = replaySession(bundle, save!);
      expect(imported.problems).toEqual([]);
      expect(imported.session.snapshot()).toEqual(liveSnap);
      expect(imported.session.save()).toEqual(liveSave); // re-exporting the import gives the same file
      imported.session.stop();
      expect(debriefModel(bundle, save!)).toEqual(debriefModel(bundle, liveSave));
      expect(liveSnap.context.ending).toBe(golden.ending);

      // A v1 file of the same run (before meta) migrates and replays the same.
      const { meta: _meta, ...rest } = liveSave;
      const v1 = parseSave(JSON.parse(JSON.stringify({ ...rest, formatVersion: 1 })));
      expect(v1.problems).toEqual([]);
      expect(replay(bundle, v1.save!)).toEqual(liveSnap);
      // The presenter's copy (facilitator-only material withheld) replays the same.
      expect(replay(bundle, stripFacilitatorOnly(save!))).toEqual(liveSnap);
      live.stop();
    },
    SLOW,
  );

  it(
    'a fork before any decision of a golden stands at that decision, free to choose differently',
    () => {
      const file = files[0];
      if (!file) return;
      const golden = parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const bundle = shippedBundle(id);
      const live = createSession(bundle, { seed: golden.seed, ...(golden.seat ? { seat: golden.seat } : {}), meta: { id: 'parent' } });
      const before: { seq: number; node: string; choice: string }[] = [];
      for (const choice of golden.choices) {
        const node = live.snapshot().node;
        before.push({ seq: live.log().length + 1, node, choice });
        if (choice === 'timeout') live.send('decision.timeout', { node });
        else live.send('decision.choose', { node, option: choice });
      }
      const parent: SessionSave = live.save();
      live.stop();
      for (const d of before) {
        const fork = forkSave(parent, d.seq - 1, `fork-${d.seq}`);
        expect(fork.meta.parent).toEqual({ id: 'parent', seq: d.seq - 1 });
        const { session, problems } = replaySession(bundle, fork);
        expect(problems).toEqual([]);
        expect(session.snapshot().node).toBe(d.node);
        const node = bundle.scenario.nodes.find((n) => n.id === d.node)!;
        const other = node.options.find((o) => o.id !== d.choice && session.send('decision.choose', { node: d.node, option: o.id }).ok);
        // Where the decision has another available option, the fork takes it; the parent is untouched.
        if (other) expect(session.log().at(-1)?.payload).toMatchObject({ option: other.id });
        session.stop();
      }
      expect(parent.log).toHaveLength(golden.choices.length);
    },
    SLOW,
  );
});
