import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { parseSave, replay, createSession, type SessionSave } from '../../src/engine/index';
import { createMandateStore, createMemoryAdapter, createPersistence } from '../../src/store';
import { fixtureBundle as tinyBundle } from '../support/fixtures';
import { fixtureLibrary } from '../unit/store-fixture';

const run = (...args: string[]) => {
  const r = runCli(args);
  return { code: r.code, out: r.stdout, err: r.stderr };
};
const tiny = 'tests/fixtures/tiny/scenario.yaml';
const dir = mkdtempSync(join(tmpdir(), 'mandate-cli-review-'));
const file = (name: string, text?: string): string => {
  const p = join(dir, name);
  if (text !== undefined) writeFileSync(p, text);
  return p;
};
const oneLine = (s: string): void => {
  expect(s.trim().split('\n')).toHaveLength(1);
  expect(s).not.toMatch(/\n\s+at /); // no stack trace
};

describe('play --export and replay', () => {
  it('play --export writes the session file the browser exports (v2), and replay prints the same ending and state', () => {
    const out = file('tiny-run.json');
    const p = run('play', tiny, '--seed', '3', '--choose', 'deploy,hold', '--export', out, '--label', 'Syndicate A');
    expect(p.code).toBe(0);
    expect(p.out).toContain(`Exported the session to ${out}`);
    const text = readFileSync(out, 'utf8');
    const data = JSON.parse(text) as SessionSave;
    expect(data).toMatchObject({ format: 'mandate-session', formatVersion: 2, scenario: { id: 'tiny' }, seat: 'hom', seed: 3 });
    expect(data.meta).toMatchObject({ label: 'Syndicate A', parent: null, mode: 'solo' });
    expect(typeof data.meta.startedAt).toBe('number');
    expect(text).toBe(JSON.stringify(data, null, 2)); // the browser's export format, byte for byte
    const { save, problems } = parseSave(data);
    expect(problems).toEqual([]);
    const snap = replay(tinyBundle(), save!);
    expect(snap.done).toBe(true);

    const r = run('replay', out, '--scenario', tiny);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('"Syndicate A"');
    expect(r.out).toMatch(/Ending: /);
    expect(r.out).toContain('Mission state:');
    expect(r.out).toMatch(/Credibility.*(critical|poor|fragile|steady|strong)\s+\d+/);
    expect(r.out).toContain('Polarities');
    const j = JSON.parse(run('replay', out, '--scenario', tiny, '--json').out);
    expect(j.ending.id).toBe(snap.context.ending);
    expect(j.meters.map((m: { final: number }) => m.final)).toEqual(Object.values(snap.context.meters));
    expect(j.applied).toBe(save!.log.length);
  });

  it('exports an unfinished session when --choose runs out, to continue it in the browser', () => {
    const out = file('tiny-half.json');
    const p = run('play', tiny, '--seed', '3', '--choose', 'deploy', '--export', out);
    expect(p.code).toBe(1);
    expect(p.err).toContain('Exported the unfinished session');
    const { save } = parseSave(JSON.parse(readFileSync(out, 'utf8')));
    expect(replay(tinyBundle(), save!).done).toBe(false);
    const r = run('replay', out, '--scenario', tiny);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No ending yet');
  });

  it('a CLI session imports in the browser store, and the store’s export replays in the CLI', async () => {
    const bundle = tinyBundle();
    const out = file('tiny-browser.json');
    expect(run('play', tiny, '--seed', '9', '--choose', 'talk', '--export', out).code).toBe(1); // unfinished: still at d2
    let n = 0;
    const store = createMandateStore({
      library: fixtureLibrary(bundle),
      loadBundle: async () => bundle,
      persistence: createPersistence(createMemoryAdapter(), { locks: null }),
      now: () => 1_800_000_000_000,
      randomSeed: () => 1,
      newId: () => `b${++n}`,
    });
    const act = store.getState().actions;
    expect(await act.importSession(readFileSync(out, 'utf8'))).toBe(true);
    const cli = parseSave(JSON.parse(readFileSync(out, 'utf8'))).save!;
    expect(store.getState().session?.log()).toEqual(cli.log);
    expect(store.getState().snapshot).toEqual(replay(bundle, cli));
    const exported = act.exportSession();
    expect(exported).not.toBeNull();
    const back = file('from-browser.json', exported!.text);
    const r = run('replay', back, '--scenario', tiny, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).applied).toBe(cli.log.length);
  });

  it('replays a v1 file (before meta) through the migration', () => {
    const s = createSession(tinyBundle(), { seed: 2 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    const { meta: _meta, ...v2 } = s.save();
    const v1 = file('v1.json', JSON.stringify({ ...v2, formatVersion: 1 }));
    const r = run('replay', v1, '--scenario', tiny);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Session s-[0-9a-f]{8}; 1 event\(s\)/);
  });
});

describe('replay: bad input is one clear line and exit 1', () => {
  const good = (): SessionSave => {
    const s = createSession(tinyBundle(), { seed: 2 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    return s.save();
  };
  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /nope\.json: no such file\./],
    ['a folder', () => dir, /is a folder/],
    ['text that is not JSON, with line:col', () => file('bad.json', '{\n  "format": "mandate-session",\n  oops\n}'), /bad\.json:3:3: not JSON/],
    ['an empty file', () => file('empty.json', ''), /empty\.json:1:1: not JSON/],
    ['a binary file', () => file('binary.json', '\u0000\u0001\u00ff garbage'), /binary\.json:1:1: not JSON \(.*\\u0000/],
    ['a truncated file', () => file('cut.json', '{"format":'), /cut\.json:1:11: not JSON/],
    ['JSON that is not a session', () => file('array.json', '[1,2,3]'), /array\.json: not a usable Mandate session: \(root\)/],
    ['a newer format', () => file('newer.json', JSON.stringify({ ...good(), formatVersion: 9 })), /newer version of Mandate \(format 9\)/],
    ['hostile fields', () => file('hostile.json', JSON.stringify({ ...good(), seed: 'x', meta: { id: 5 } })), /seed: expected an integer; meta\.id/],
    ['an unknown scenario', () => file('unknown.json', JSON.stringify({ ...good(), scenario: { id: 'atlantis', version: 1, hash: 'h' } })), /scenario "atlantis": No scenario "atlantis"/],
  ] as const)('%s', (_name, make, message) => {
    const r = run('replay', make());
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    oneLine(r.err);
    expect(r.err).toMatch(message);
  });

  it('a log that stops applying prints the state before it and says which event, exit 1', () => {
    const save = good();
    save.log.push({ seq: 2, type: 'decision.choose', payload: { node: 'nowhere', option: 'x' }, at: null });
    const r = run('replay', file('stops.json', JSON.stringify(save)), '--scenario', tiny);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Mission state:');
    expect(r.err).toMatch(/event #2 does not apply \(the current decision is "d2", not "nowhere"\); the state shown is after event #1\./);
  });

  it('needs exactly one file', () => {
    expect(run('replay').code).toBe(2);
    expect(run('replay', 'a.json', 'b.json').code).toBe(2);
  });

  it('play --export into a missing folder is one line, exit 1', () => {
    const r = run('play', tiny, '--seed', '3', '--choose', 'deploy,hold', '--export', join(dir, 'no', 'such', 'x.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the folder .* does not exist/);
  });
});

describe('check accepts what the other commands accept', () => {
  it('a scenario folder (no EISDIR)', () => {
    const r = run('check', 'tests/fixtures/tiny');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 scenario file(s) checked: 0 error(s), 0 warning(s).');
  });

  it('a folder of scenario folders', () => {
    const root = join(dir, 'course');
    for (const name of ['one', 'two']) {
      mkdirSync(join(root, name), { recursive: true });
      cpSync('tests/fixtures/tiny/scenario.yaml', join(root, name, 'scenario.yaml'));
    }
    const r = run('check', root);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 scenario file(s) checked');
  });

  it('a shipped scenario by id', () => {
    const r = run('check', 'poc-red-lines');
    expect(r.out).toContain('1 scenario file(s) checked');
    expect(r.out).not.toMatch(/File not found/);
  }, 60_000);

  it('names what it cannot find in one line each, exit 1', () => {
    const r = run('check', 'no-such-scenario', join(dir, 'empty-folder-none'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^No scenario "no-such-scenario"\. Known: .*poc-red-lines/m);
    expect(r.out).toMatch(/No such file: .*empty-folder-none\./);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const e = run('check', join(dir, 'empty'));
    expect(e.code).toBe(1);
    expect(e.out).toMatch(/a folder with no scenario\.yaml in it/);
  });

  it('other commands take a scenario folder too', () => {
    const r = run('play', 'tests/fixtures/tiny', '--seed', '3', '--choose', 'deploy,hold');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Mission state:');
  });
});
