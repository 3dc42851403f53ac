// Suspend data must resume the exact session and fit SCORM 1.2's 4,096 characters for the longest
// playthrough of every shipped scenario, rationale notes included. The "longest" playthrough here is
// each golden played with every adviser the seat may consult at each decision (up to two) and a
// rationale note of about 300 characters of distinct prose before every decision.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import { advisersOfSeat, createSession, indexScenario, replay, type ScenarioBundle, type Session } from '../../src/engine/index';
import { packSuspendData, SCORM12_SUSPEND_LIMIT, unpackSuspendData } from '../../src/lms/suspend-data';
import { shippedBundle } from '../support/fixtures';

const SENTENCES = [
  'Consent from the host government is thin, so any show of force near the capital has to be explained first to the ministers and then to the camp leaders.',
  'The human rights section must report what it saw at the checkpoint; the only choice we have is the channel and whether the SRSG calls the president first.',
  'HRDDP comes before any logistics support to the national army battalion, and the risk assessment goes to headquarters with the mitigation measures.',
  'Pulling the patrol back would save the contingent from the crossfire but leaves the market without protection, and the women who trade there asked us to stay.',
  'Headquarters will back us only if the Force Commander and the Police Commissioner agree on the same plan, so we meet them together before noon.',
  'The election commission owns the timetable; our role is to advise and protect, not to decide whether the vote happens on the announced date.',
  'We cannot endorse an amnesty that covers war crimes, but we can support a dialogue in which victims are heard and the amnesty question stays open.',
  'Sending the formed police unit depends on the caveats its capital negotiated; I asked for a call with the contributor before committing them.',
];

/** A rationale note of about 500 characters, different at every step (deflate gets no easy repeats). */
function note(i: number, scenario: string): string {
  const a = SENTENCES[i % SENTENCES.length] as string;
  const b = SENTENCES[(i * 3 + 1) % SENTENCES.length] as string;
  const c = SENTENCES[(i * 5 + 2) % SENTENCES.length] as string;
  return `${i + 1}. (${scenario}) ${a} ${b} ${c}`.slice(0, 500);
}

/** Consulting costs in-game time, which can close a golden's later options: try 2, then 1, then 0 per decision. */
function longestPlaythrough(bundle: ScenarioBundle, golden: Golden): Session {
  for (const perDecision of [2, 1]) {
    const s = playLong(bundle, golden, perDecision);
    if (s) return s;
  }
  const s = playLong(bundle, golden, 0);
  if (!s) throw new Error(`${golden.scenario}: the golden does not replay`);
  return s;
}

function playLong(bundle: ScenarioBundle, golden: Golden, perDecision: number): Session | null {
  const index = indexScenario(bundle.scenario);
  const session = createSession(bundle, { seed: golden.seed, ...(golden.seat ? { seat: golden.seat } : {}), meta: { startedAt: 1_780_000_000_000 } });
  let at = 1_780_000_000_000;
  const advisers = [...advisersOfSeat(index, session.seat)];
  for (const [i, choice] of golden.choices.entries()) {
    const node = session.snapshot().node;
    let consulted = 0;
    for (const adviser of advisers) {
      if (consulted === perDecision) break;
      if (session.send('adviser.consult', { node, adviser }, (at += 41_000)).ok) consulted++;
    }
    expect(session.send('note.add', { text: note(i, bundle.scenario.id) }, (at += 95_000)).ok).toBe(true);
    const r = choice === 'timeout' ? session.send('decision.timeout', { node }, (at += 30_000)) : session.send('decision.choose', { node, option: choice }, (at += 30_000));
    if (!r.ok) {
      session.stop();
      return null;
    }
  }
  if (!session.snapshot().done) {
    session.stop();
    return null;
  }
  return session;
}

const scenarios = scenarioFiles().map((f) => f.split('/').at(-2) as string);

describe.each(scenarios)('suspend data for %s', (id) => {
  const dir = join(ROOT, 'scenarios', id, 'playthroughs');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];

  it('fits SCORM 1.2 (4,096 characters) and resumes the exact session, for every golden played the long way', () => {
    const bundle = shippedBundle(id);
    const sizes: string[] = [];
    for (const file of files) {
      const golden = parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const session = longestPlaythrough(bundle, golden);
      const save = session.save();
      const data = packSuspendData(save);
      sizes.push(`${file}: ${save.log.length} events, ${JSON.stringify(save).length} → ${data.length} chars`);
      expect(data.length, `${file} (${JSON.stringify(save).length} chars of JSON)`).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
      // Only printable ASCII: safe in every LMS database and in SCORM 1.2's CMIString.
      expect(data).toMatch(/^[\x20-\x7e]+$/);
      const back = unpackSuspendData(data);
      expect(back.problem).toBeUndefined();
      expect(back.save).toEqual(save);
      expect(replay(bundle, back.save!)).toEqual(session.snapshot());
      session.stop();
    }
    console.log(`${id}\n  ${sizes.join('\n  ')}`);
  }, 180_000); // compiling a shipped scenario and replaying every golden twice takes a while on a busy machine
});

describe('unpackSuspendData()', () => {
  it('refuses what is not Mandate suspend data, or is damaged, with a message', () => {
    expect(unpackSuspendData('').problem).toMatch(/not Mandate/);
    expect(unpackSuspendData('M1.!!!!').problem).toMatch(/damaged/);
    expect(unpackSuspendData(`M1.${btoa('xyz')}`).problem).toMatch(/damaged/);
  });
});
