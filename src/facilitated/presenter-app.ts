/**
 * The presenter window (`?view=presenter`): a read-only replica of the console's session for the
 * projector. It holds its own store in memory (never saved, never locked — the console is the only
 * writer), says hello on the sync channel, replays what the console sends on the scenario stripped of
 * everything facilitator-only, and forwards clicker keys to the console rather than acting on them.
 */
import '../ui/facilitated.css';
import { presenterView, replaySession, type ScenarioBundle, type Session } from '../engine';
import { htmlLang, initI18n, t, textDirection, useLanguage } from '../i18n';
import { createMandateStore, createMemoryAdapter, createPersistence, localSettingsStorage, type CountdownRecord, type MandateStore } from '../store';
import { loadGlossary, provideGlossary } from '../ui/glossary';
import { createPresenterView, type PresenterStatus } from '../ui/presenter-view';
import type { StartOptions } from '../app/start-app';
import { createMapMounter } from '../app/situation-map';
import { clickerKey, randomId } from './clicker';
import { createReplica, openSyncChannel, type PresenterView } from './sync';

/** While no state has arrived (or the console has gone), the presenter says hello this often. */
const HELLO_EVERY_MS = 1500;
/** While live, every this many ticks (about 6 s). */
const HEARTBEAT_EVERY = 4;

export async function startPresenter(opts: StartOptions): Promise<MandateStore> {
  const params = new URLSearchParams(location.search);
  provideGlossary(() => import('virtual:mandate-glossary').then((m) => m.glossary));
  const store = createMandateStore({
    library: opts.library,
    loadBundle: (id) => Promise.all([opts.loadBundle(id), loadGlossary()]).then(([b]) => b),
    persistence: createPersistence(createMemoryAdapter(), { locks: null }),
    settingsStorage: localSettingsStorage(),
  });
  window.__mandate = { store };
  initI18n();
  // The console's language (the settings both windows share), its strings and fonts loaded first.
  await useLanguage(store.getState().settings.language);
  const html = document.documentElement;
  html.lang = htmlLang();
  html.dir = textDirection();
  html.dataset.view = 'presenter';
  document.body.dataset.screen = 'presenter';
  document.title = `${t('facilitated.presenterTitle')} — ${t('app.name')}`;

  const id = randomId();
  const channel = openSyncChannel();
  const replica = createReplica(id);
  let status: PresenterStatus = 'waiting';
  const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const view = createPresenterView(
    {
      store,
      mountMap: createMapMounter(store, { disabled: params.get('nomap') === '1', reducedMotion: () => Boolean(motion?.matches) }),
      download: () => undefined,
      announce: () => undefined,
    },
    () => ({ status, view: replica.state.view }),
  );
  opts.root.replaceChildren(view.el);
  store.subscribe((s) => view.update(s));

  const bundles = new Map<string, Promise<ScenarioBundle>>();
  let session: Session | null = null;
  let sessionKey = '';
  let work: Promise<void> = Promise.resolve();

  function countdownRecord(v: PresenterView | null, nodeId: string): CountdownRecord | null {
    const c = v?.countdown;
    if (!c) return null;
    return { nodeId, totalMs: c.totalMs, remainingMs: c.remainingMs, mode: 'normal', warned: c.warned, ...(c.held ? { held: c.held } : {}) };
  }

  /** Brings the local replica session in line with the replica's log (appending when it can). */
  async function apply(): Promise<void> {
    const st = replica.state;
    if (!st.session) return;
    const pub = st.session;
    let bundlePromise = bundles.get(pub.scenarioId);
    if (!bundlePromise) {
      // The presenter never holds facilitator-only content, even in memory.
      bundlePromise = store.getState().library.some((e) => e.id === pub.scenarioId)
        ? opts.loadBundle(pub.scenarioId).then((b) => presenterView(b))
        : Promise.reject(new Error(`unknown scenario ${pub.scenarioId}`));
      bundles.set(pub.scenarioId, bundlePromise);
      void loadGlossary();
    }
    let bundle: ScenarioBundle;
    try {
      bundle = await bundlePromise;
    } catch {
      bundles.delete(pub.scenarioId);
      store.getState().actions.notify('error', 'notice.loadFailed');
      return;
    }
    const key = `${pub.id}|${pub.scenarioId}|${pub.seed}|${pub.seat}`;
    const have = session?.log().length ?? 0;
    if (!session || key !== sessionKey || have > pub.log.length || session.log().some((e, i) => pub.log[i]?.seq !== e.seq || pub.log[i]?.type !== e.type)) {
      session?.stop();
      session = replaySession(bundle, { seed: pub.seed, seat: pub.seat, log: pub.log }).session;
      sessionKey = key;
    } else {
      for (const e of pub.log.slice(have)) if (!session.send(e.type, e.payload, e.at).ok) break;
    }
    const snapshot = session.snapshot();
    status = st.consoleGone ? 'console-gone' : 'live';
    store.setState({
      bundle,
      session,
      snapshot,
      logLength: session.log().length,
      screen: 'play',
      countdown: countdownRecord(st.view, snapshot.node),
    });
    html.dataset.ready = '1';
  }

  channel.subscribe((msg) => {
    if (msg.kind === 'key' || msg.kind === 'claim' || msg.kind === 'busy' || msg.kind === 'hello' || msg.kind === 'resync') return;
    const r = replica.receive(msg);
    if (r.reply) channel.post(r.reply);
    if (r.changed) {
      if (replica.state.consoleGone) status = 'console-gone';
      view.update(store.getState());
      work = work.then(apply, apply);
    }
  });

  // While live, a slower heartbeat: a console that was reloaded learns a presenter is there, and any
  // message lost in between is made good by the whole state it answers with.
  let beats = 0;
  const hello = () => {
    beats += 1;
    if (status !== 'live' || beats % HEARTBEAT_EVERY === 0) channel.post(replica.hello());
  };
  channel.post(replica.hello());
  setInterval(hello, HELLO_EVERY_MS);

  // Clicker keys pressed while the projector window has focus go to the console, the only writer.
  document.addEventListener('keydown', (event) => {
    const key = clickerKey(event);
    if (!key) return;
    event.preventDefault();
    channel.post({ kind: 'key', from: id, key });
  });
  view.update(store.getState());
  html.dataset.ready = html.dataset.ready ?? '0';
  return store;
}
