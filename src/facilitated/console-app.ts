/**
 * The facilitator console (`?console=new&scenario=<id>[&seat=…]`, then `?console=<session id>`): this
 * window holds the session in the store and is the only writer. It publishes the session, stripped of
 * everything facilitator-only, to the presenter window over the sync channel; answers a presenter's
 * hello or resync with the whole state; and takes clicker keys from either window. A reload resumes
 * the session from the URL. A second console of the same session (opened by mistake) is told one is
 * already running and writes nothing: it asks on the channel first, and the session's Web Lock
 * (persistence) refuses it too.
 */
import '../ui/facilitated.css';
import type { MandateStore, Screen } from '../store';
import { createFacilitatedConsoleStore, type FacilitatedConsoleStore } from '../store/facilitated-console';
import { createBriefingView } from '../ui/briefing-view';
import { createFacilitatorConsoleView } from '../ui/facilitator-console';
import { createFacilitatorDebriefView } from '../ui/facilitator-debrief';
import { PRESENTER_WINDOW, presenterUrl } from '../ui/facilitator-launch';
import type { View, ViewContext } from '../ui/view';
import { clickerKey, randomId } from './clicker';
import { claimConsole, createConsoleHub, openSyncChannel, type ClickerKey, type ConsoleSource, type PresenterView } from './sync';

/** How long a new console waits for a running one to answer its claim. */
const CLAIM_WAIT_MS = 600;

export type ScreenViews = (screen: Screen) => ((ctx: ViewContext) => View) | null;

export interface ConsoleStart {
  store: MandateStore;
  params: URLSearchParams;
  /** Installs the console's own views for the screens it replaces (play, debrief). */
  install(views: ScreenViews): void;
  /** Rebuilds the current screen (once the console's views can be used). */
  remount(): void;
}

function sessionStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Whether another window holds the session's Web Lock (persistence takes one per open session). */
async function sessionLockHeld(sessionId: string): Promise<boolean> {
  try {
    const state = await navigator.locks?.query?.();
    return Boolean(state?.held?.some((l) => l.name === `mandate-session:${sessionId}`));
  } catch {
    return false;
  }
}

export async function startConsole(opts: ConsoleStart): Promise<boolean> {
  const { store, params } = opts;
  const actions = store.getState().actions;
  const route = params.get('console') ?? '';
  const channel = openSyncChannel();
  const id = randomId();
  let facil: FacilitatedConsoleStore | null = null;
  const links = {
    presenterUrl: presenterUrl(),
    openPresenter: () => {
      try {
        return Boolean(window.open(presenterUrl(), PRESENTER_WINDOW));
      } catch {
        return false;
      }
    },
    openPrint: (kind: 'handouts' | 'prep') => {
      const sid = store.getState().bundle?.scenario.id;
      if (sid) window.open(`${location.pathname}?print=${kind}&scenario=${encodeURIComponent(sid)}`, `mandate-${kind}`);
    },
  };
  opts.install((screen) => {
    const f = facil;
    if (!f) return null;
    if (screen === 'play') return (ctx) => createFacilitatorConsoleView(ctx, f, links);
    if (screen === 'briefing') return (ctx) => createFacilitatorConsoleView(ctx, f, links, createBriefingView);
    if (screen === 'debrief') return (ctx) => createFacilitatorDebriefView(ctx);
    return null;
  });

  let sessionId: string | null;
  if (route === 'new') {
    const scenario = params.get('scenario') ?? '';
    if (!(await actions.startScenario(scenario, params.get('seat') ?? undefined, 'facilitated'))) return false;
    sessionId = store.getState().sessionId;
  } else {
    // Someone may already be running this session in another window: ask before touching it.
    const [claim, locked] = await Promise.all([
      claimConsole(channel, { id, sessionId: route, waitMs: CLAIM_WAIT_MS, wait: (ms) => new Promise((r) => setTimeout(r, ms)) }),
      sessionLockHeld(route),
    ]);
    if (claim === 'busy' || locked) {
      actions.notify('error', 'facilitated.consoleBusy');
      document.documentElement.dataset.console = 'busy';
      channel.close();
      return false;
    }
    sessionId = route;
    facil = createFacilitatedConsoleStore(sessionId, sessionStore());
    if (!(await actions.resume(route))) {
      facil = null;
      channel.close();
      return false;
    }
  }
  if (!sessionId) return false;
  if (!facil) {
    facil = createFacilitatedConsoleStore(sessionId, sessionStore());
    opts.remount();
  }
  const f = facil;
  if (params.get('popup') === 'blocked') f.getState().actions.setPopupBlocked(true);
  // A reload of this window resumes this session.
  const nomap = params.get('nomap') === '1' ? '&nomap=1' : '';
  history.replaceState(null, '', `${location.pathname}?console=${encodeURIComponent(sessionId)}${nomap}`);
  document.documentElement.dataset.console = 'writer';

  function source(): ConsoleSource | null {
    const s = store.getState();
    if (!s.session || !s.sessionId || !s.bundle) return null;
    const fs = f.getState();
    const cd = s.countdown;
    const view: PresenterView = {
      screen: s.screen === 'briefing' || s.screen === 'play' || s.screen === 'debrief' ? s.screen : 'other',
      blank: fs.blank,
      countdown: cd ? { totalMs: cd.totalMs, remainingMs: cd.remainingMs, held: cd.held ?? null, warned: cd.warned } : null,
      spotlight: fs.spotlight,
    };
    return { session: { id: s.sessionId, scenarioId: s.bundle.scenario.id, hash: s.bundle.hash, seat: s.session.seat, seed: s.session.seed, log: [...s.session.log()] }, view };
  }
  const hub = createConsoleHub(channel, { id, source });

  function onKey(key: ClickerKey): void {
    const fa = f.getState().actions;
    if (key === 'blank') fa.toggleBlank();
    else fa.step(key === 'next' ? 1 : -1);
  }
  channel.subscribe((msg) => {
    if (msg.kind === 'hello' || msg.kind === 'resync') f.getState().actions.presenterSeen(Date.now());
    else if (msg.kind === 'key') onKey(msg.key);
  });
  document.addEventListener('keydown', (event) => {
    if (document.querySelector('dialog[open]')) return;
    const key = clickerKey(event);
    if (!key) return;
    event.preventDefault();
    onKey(key);
  });

  store.subscribe((s, prev) => {
    hub.publish();
    if (prev.session && !s.session) {
      // The facilitator left the session: this window is the library again, and tells the presenter.
      hub.goodbye();
      history.replaceState(null, '', location.pathname);
    }
  });
  f.subscribe(() => hub.publish());
  window.addEventListener('pagehide', () => hub.goodbye());
  hub.publish();
  return true;
}
