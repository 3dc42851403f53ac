/**
 * The content-quality bar for every shipped scenario (scenarioFiles()), per scenario and per seat:
 *
 *  1. Ending balance: in 10,000 seeded random runs per seat (uniform over the options available plus
 *     the timeout where there is one, as `play --random` draws), every ending is reached in at least 1%
 *     of the runs and none in more than 70%.
 *  2. No dominant option at any decision (the definition is in tests/support/content-quality.ts, above
 *     `OptionProfile`): meters by immediate effects plus chance-weighted consequence effects, with
 *     consequence `when` conditions treated as holding; polarities comparable only when the leans are equal.
 *  3. Every `cites` entry of every node and benchmark exists in the study text: "§x.y.z" is a heading
 *     (or chapter) number of the 2020 edition, "2010 §…" one of the 2010 edition, "Box:NAME" a case box
 *     of the 2020 edition, "Ch.N …" an existing chapter; "Introduction …" is always allowed.
 *  4. No copying: no run of 8 or more consecutive words of any player-facing text field
 *     (scenarioTextEntries) occurs in any *.txt or *.md file of the study folder, except inside a
 *     quotation that the same field cites with §.
 *  5. No adviser is an answer key: for each adviser who recommends at two or more of a seat's
 *     decisions, 1,000 runs that follow their advice wherever it is on offer (random otherwise) end
 *     well (an ending of tone `good`) in at most 60% of runs. Today's highest is about 50%.
 *
 * The random-run tests take ~10 s per seat for poc-red-lines on a quiet 2-core machine (more when
 * the machine is busy), so they carry an explicit 120 s timeout; the run count is never lowered.
 *
 * The drafts (drafts/<id>/scenario.yaml) get the same checks in a report-only block: a summary is
 * printed with console.info and nothing fails, so authors can see how a draft fares before it ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../src/engine/content/index';
import { rel, scenarioFiles, STUDY_2020 } from '../../src/build/content-files';
import {
  adviserFollowing,
  citationProblems,
  compileForQuality,
  copiedPassages,
  dominantOptions,
  draftFiles,
  editionIndex,
  endingBalance,
  formatBalance,
  formatDominant,
  MAX_GOOD_WHEN_FOLLOWING,
  RANDOM_RUNS,
  STUDY_2010,
  STUDY_DIR,
  studyFiles,
  studyShingles,
  type Compiled,
  type StudyEditionIndex,
} from '../support/content-quality';

const RANDOM_TIMEOUT = 120_000;

const idOf = (file: string): string => basename(dirname(file));

let editions: { 2020: StudyEditionIndex; 2010: StudyEditionIndex | null } | undefined;
/** The two editions' headings; throws a clear error when the 2020 text is not beside the repository. */
function studyEditions(): { 2020: StudyEditionIndex; 2010: StudyEditionIndex | null } {
  if (!existsSync(STUDY_2020)) {
    throw new Error(
      `The 2020 edition of the study is missing: expected ${STUDY_2020} (../shared/study/ beside the repository, as in CI). ` +
        'The citation check cannot run without it.',
    );
  }
  editions ??= {
    2020: editionIndex(readFileSync(STUDY_2020, 'utf8')),
    2010: existsSync(STUDY_2010) ? editionIndex(readFileSync(STUDY_2010, 'utf8')) : null,
  };
  return editions;
}

function shingles(): Set<string> {
  if (studyFiles().length === 0 || !existsSync(STUDY_2020)) {
    throw new Error(`The study texts are missing: expected *.txt and *.md files in ${STUDY_DIR} (../shared/study/ beside the repository, as in CI).`);
  }
  return studyShingles();
}

const describeErrors = (c: Compiled): string => c.errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`).join('\n');

// ---- shipped scenarios: strict ------------------------------------------------------------------

const shipped = scenarioFiles().map(compileForQuality);

describe('shipped scenarios meet the content-quality bar', () => {
  it('there is at least one shipped scenario', () => {
    expect(shipped.length).toBeGreaterThan(0);
  });

  describe.each(shipped.map((c) => [idOf(c.file), c] as const))('%s', (_id, compiled) => {
    const bundle = compiled.bundle;
    if (!bundle) {
      it('compiles (needed for every other check)', () => {
        expect.fail(`${rel(compiled.file)} does not compile:\n${describeErrors(compiled)}`);
      });
      return;
    }
    const { scenario } = bundle;

    const shares = new Map<string, number>();
    describe.each(scenario.seats.map((s) => [s.id] as const))('seat %s', (seat) => {
      it(
        `${RANDOM_RUNS.toLocaleString('en')} random runs: every ending this seat can reach in 1%–70% of them`,
        () => {
          const reachable = exploreScenario({ ...scenario, seats: scenario.seats.filter((s) => s.id === seat) }).endings;
          const b = endingBalance(bundle, seat, RANDOM_RUNS, reachable);
          for (const [id, n] of Object.entries(b.endings)) shares.set(id, Math.max(shares.get(id) ?? 0, n / b.runs));
          expect(b.stuck, `${b.stuck} runs did not reach an ending`).toBe(0);
          expect(b.offenders, `ending shares for seat ${seat}: ${formatBalance(b)}`).toEqual([]);
        },
        RANDOM_TIMEOUT,
      );
    });
    it('every ending is reached in at least 1% of the random runs of some seat', () => {
      const missing = scenario.endings.map((e) => e.id).filter((id) => (shares.get(id) ?? 0) < 0.01);
      expect(missing, 'run after the per-seat tests (same file, sequential)').toEqual([]);
    });

    it('no decision has a dominant option', () => {
      // For information only: what dominance would find if polarities were ignored (meters alone).
      const byMeters = dominantOptions(scenario, { ignorePolarities: true });
      if (byMeters.length) console.info(`${scenario.id}: by meters alone (polarities ignored; informational, not a failure):\n${byMeters.map(formatDominant).join('\n')}`);
      const found = dominantOptions(scenario);
      expect(found.map(formatDominant).join('\n\n'), `${found.length} dominant option(s)`).toBe('');
    });

    it('no adviser is an answer key: following one wins a good ending in at most 60% of runs', () => {
      const following = adviserFollowing(bundle);
      expect(following.length, 'some adviser recommends at two or more decisions').toBeGreaterThan(0);
      const keys = following.filter((f) => f.good > MAX_GOOD_WHEN_FOLLOWING);
      expect(keys.map((f) => `seat ${f.seat}, following ${f.adviser} (${f.recommends} recommendations): ${(f.good * 100).toFixed(1)}% good endings`)).toEqual([]);
    }, RANDOM_TIMEOUT);

    it('every citation exists in the study', () => {
      expect(citationProblems(scenario, studyEditions())).toEqual([]);
    });

    it('no run of 8 or more words is copied from the study', () => {
      const copied = copiedPassages(scenario, shingles());
      expect(copied.map((c) => `${c.key}: "${c.words}"`)).toEqual([]);
    });
  });
});

// ---- drafts: report only ------------------------------------------------------------------------

const DRAFT_RUNS = 2_000;

describe('drafts (report only: prints a summary, never fails)', () => {
  const drafts = draftFiles();
  it.each(drafts.map((f) => [idOf(f), f] as const))(
    '%s',
    (id, file) => {
      const lines: string[] = [`Content quality of draft ${id} (${rel(file)}):`];
      const compiled = compileForQuality(file);
      if (!compiled.bundle) {
        lines.push(`  does not compile (${compiled.errors.length} errors):`, ...compiled.errors.slice(0, 10).map((d) => `    ${d.line}:${d.col} ${d.code} ${d.message}`));
        console.info(lines.join('\n'));
        return;
      }
      const { bundle } = compiled;
      const { scenario } = bundle;
      for (const seat of scenario.seats) {
        // Drafts only report, so a smaller sample keeps the suite fast.
        const b = endingBalance(bundle, seat.id, DRAFT_RUNS);
        const ok = b.offenders.length === 0 && b.stuck === 0;
        lines.push(`  [${ok ? 'ok' : 'FAIL'}] ending balance, seat ${seat.id} (${b.runs} runs${b.stuck ? `, ${b.stuck} stuck` : ''}): ${formatBalance(b)}`);
        if (b.offenders.length) lines.push(`         outside 1%–70%: ${b.offenders.join('; ')}`);
      }
      const dominant = dominantOptions(scenario);
      lines.push(`  [${dominant.length ? 'FAIL' : 'ok'}] dominant options: ${dominant.length}`);
      for (const d of dominant) lines.push(formatDominant(d).replace(/^/gm, '         '));
      const byMeters = dominantOptions(scenario, { ignorePolarities: true });
      lines.push(`  [info] dominant by meters alone (polarities ignored): ${byMeters.length}`);
      for (const d of byMeters) lines.push(formatDominant(d).replace(/^/gm, '         '));
      try {
        const cites = citationProblems(scenario, studyEditions());
        lines.push(`  [${cites.length ? 'FAIL' : 'ok'}] citations: ${cites.length} problem(s)`, ...cites.map((c) => `         ${c}`));
      } catch (e) {
        lines.push(`  [skipped] citations: ${(e as Error).message}`);
      }
      try {
        const copied = copiedPassages(scenario, shingles());
        lines.push(`  [${copied.length ? 'FAIL' : 'ok'}] copied from the study: ${copied.length} passage(s)`, ...copied.map((c) => `         ${c.key}: "${c.words}"`));
      } catch (e) {
        lines.push(`  [skipped] copying: ${(e as Error).message}`);
      }
      console.info(lines.join('\n'));
    },
    // Every seat of the draft runs 2,000 random playthroughs (a few seconds each on this machine).
    600_000,
  );
  if (drafts.length === 0) it('there are no drafts to report on', () => {});
});
