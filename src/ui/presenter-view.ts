/**
 * The presenter window's screen (facilitated play), for a projector at 1920×1080: large type, high
 * contrast, read-only. It shows what the room needs to discuss — the situation, the injects, the
 * advisers heard, the options, the clocks and the map — and nothing facilitator-only: it is fed a
 * replica whose scenario has been through `presenterView` (no notes, briefs, purposes, or text of
 * role-private injects) and whose log has facilitator notes withheld.
 */
import { scenarioText, t } from '../i18n';
import {
  selectClock,
  selectCountdown,
  selectCurrentDecision,
  selectEnding,
  selectInjectFeed,
  selectMeterBands,
  type DecisionView,
  type FeedItem,
  type MandateStoreState,
  type MeterView,
} from '../store';
import type { PresenterView, Spotlight } from '../facilitated/sync';
import { h, replaceChildren } from './dom';
import { clockText, countdownValue, eventTime, gameDuration, relativeText } from './format';
import { staticTermText } from './glossary';
import { createMapPanel } from './map-panel';
import type { View, ViewContext } from './view';

export type PresenterStatus = 'waiting' | 'live' | 'console-gone';

export interface PresenterInfo {
  status: PresenterStatus;
  view: PresenterView | null;
}

/** How many injects the room sees at once (newest first); older ones are in the debrief. */
const FEED_SHOWN = 3;

const plain = (text: string) => staticTermText(text).nodes;

export function createPresenterView(ctx: ViewContext, info: () => PresenterInfo): View {
  const title = h('h1', { class: 'pr-title', attrs: { 'data-testid': 'presenter-title' } });
  const clock = h('p', { class: 'pr-clock', attrs: { 'data-testid': 'presenter-clock' } });
  const countdownText = h('span', { class: 'pr-countdown-text', attrs: { 'data-testid': 'presenter-countdown' } });
  const countdownFill = h('span', { class: 'pr-countdown-fill' });
  const countdown = h(
    'div',
    { class: 'pr-countdown', attrs: { role: 'timer', 'aria-label': t('play.countdown') } },
    h('span', { class: 'pr-label', text: t('play.countdown') }),
    h('span', { class: 'pr-countdown-bar', attrs: { 'aria-hidden': 'true' } }, countdownFill),
    countdownText,
  );
  const paused = h('p', { class: 'pr-paused', attrs: { 'data-testid': 'presenter-paused', role: 'status' }, text: t('facilitated.paused') });
  const header = h(
    'header',
    { class: 'pr-header' },
    title,
    h('div', { class: 'pr-status' }, h('div', { class: 'pr-clock-box' }, h('span', { class: 'pr-label', text: t('play.clock') }), clock), countdown, paused),
  );
  const body = h('div', { class: 'pr-body' });
  const map = createMapPanel(ctx, 'h2');
  const feed = h('ol', { class: 'pr-feed plain-list', attrs: { 'data-testid': 'presenter-feed' } });
  const meters = h('ul', { class: 'pr-meters plain-list', attrs: { 'data-testid': 'presenter-meters' } });
  const feedSection = h('section', { class: 'pr-panel pr-feed-panel', attrs: { 'data-spot': 'feed' } }, h('h2', { text: t('play.feed') }), feed);
  const side = h('aside', { class: 'pr-side', attrs: { 'aria-label': t('play.situation') } }, map.el, feedSection, h('section', { class: 'pr-panel' }, h('h2', { text: t('play.state') }), meters));
  const live = h('div', { class: 'pr-live' }, header, h('div', { class: 'pr-grid' }, h('main', { id: 'main', class: 'pr-main', attrs: { tabindex: '-1' } }, body), side));
  const waiting = h(
    'section',
    { class: 'pr-waiting', attrs: { 'data-testid': 'presenter-waiting', role: 'status' } },
    h('p', { class: 'pr-brand', text: t('app.name') }),
    h('h1', { class: 'pr-waiting-text' }),
    h('p', { class: 'pr-waiting-hint', text: t('facilitated.presenterHint') }),
  );
  const blank = h('div', { class: 'pr-blank', attrs: { 'data-testid': 'presenter-blank', 'aria-label': t('facilitated.blanked') } });
  const el = h('div', { class: 'screen screen-presenter', attrs: { 'data-testid': 'presenter' } }, live, waiting, blank);

  let lastKey = '';
  let lastFeed: FeedItem[] | undefined;
  let lastMeters: MeterView[] | undefined;
  let lastSpot: Spotlight | null = null;

  function section(spot: Spotlight, heading: string, ...children: HTMLElement[]): HTMLElement {
    return h('section', { class: 'pr-panel', attrs: { 'data-spot': spot } }, h('h2', { text: heading }), ...children);
  }

  function renderDecision(sid: string, d: DecisionView): void {
    const consulted = d.advisers.filter((a) => a.consulted);
    replaceChildren(
      body,
      h(
        'section',
        { class: 'pr-panel pr-decision', attrs: { 'data-spot': 'situation', 'data-testid': 'presenter-decision', 'data-node': d.nodeId } },
        h('p', { class: 'pr-eyebrow', text: t('play.decisionNumber', { number: d.number }) }),
        h('h2', { class: 'pr-decision-title' }, plain(scenarioText(`${sid}:nodes.${d.nodeId}.title`, d.title))),
        d.deadline
          ? h(
              'p',
              { class: 'pr-deadline' },
              t('play.deadline', { relative: relativeText(d.deadline), day: d.deadline.day, time: d.deadline.time }),
              d.minutesLeft !== null ? ` · ${t('play.timeLeft', { duration: gameDuration(d.minutesLeft) })}` : '',
            )
          : null,
        d.text ? h('p', { class: 'pr-situation' }, plain(scenarioText(`${sid}:nodes.${d.nodeId}.text`, d.text))) : null,
      ),
      section(
        'advisers',
        t('play.advisers'),
        consulted.length
          ? h(
              'ul',
              { class: 'pr-advisers plain-list' },
              consulted.map((a) =>
                h(
                  'li',
                  { class: 'pr-adviser', attrs: { 'data-testid': `presenter-adviser-${a.id}` } },
                  h('h3', null, plain(scenarioText(`${sid}:advisers.${a.id}.title`, a.title))),
                  h('p', { class: 'pr-quote' }, plain(scenarioText(`${sid}:nodes.${d.nodeId}.positions.${a.id}`, a.view ?? ''))),
                ),
              ),
            )
          : h('p', { class: 'pr-muted', text: t('facilitated.noAdviserYet') }),
      ),
      section(
        'options',
        t('play.options'),
        h(
          'ol',
          { class: 'pr-options plain-list', attrs: { 'data-testid': 'presenter-options' } },
          d.options.map((o) =>
            h(
              'li',
              { class: 'pr-option' },
              h('span', { class: 'pr-option-key', attrs: { 'aria-hidden': 'true' }, text: String(o.key) }),
              h(
                'span',
                { class: 'pr-option-body' },
                h('span', { class: 'pr-option-label' }, plain(scenarioText(`${sid}:nodes.${d.nodeId}.options.${o.id}.label`, o.label))),
                o.text ? h('span', { class: 'pr-option-text' }, plain(scenarioText(`${sid}:nodes.${d.nodeId}.options.${o.id}.text`, o.text))) : null,
              ),
            ),
          ),
        ),
      ),
    );
  }

  function renderBriefing(state: MandateStoreState): void {
    const scenario = state.bundle?.scenario;
    if (!scenario) return;
    const sid = scenario.id;
    const seat = scenario.seats.find((s) => s.id === state.session?.seat);
    replaceChildren(
      body,
      h(
        'section',
        { class: 'pr-panel pr-briefing', attrs: { 'data-spot': 'situation', 'data-testid': 'presenter-briefing' } },
        h('p', { class: 'pr-eyebrow', text: t('briefing.heading') }),
        h('h2', { class: 'pr-decision-title' }, plain(scenarioText(`${sid}:title`, scenario.title))),
        h('h3', { text: t('briefing.mandate') }),
        h('p', { class: 'pr-situation' }, plain(scenarioText(`${sid}:briefing.mandate`, scenario.briefing.mandate))),
        h('h3', { text: t('briefing.situation') }),
        h(
          'p',
          { class: 'pr-situation' },
          plain(seat?.briefing?.situation ? scenarioText(`${sid}:seats.${seat.id}.briefing.situation`, seat.briefing.situation) : scenarioText(`${sid}:briefing.situation`, scenario.briefing.situation)),
        ),
      ),
    );
  }

  function renderEnding(state: MandateStoreState): void {
    const ending = selectEnding(state);
    const sid = state.bundle?.scenario.id ?? '';
    replaceChildren(
      body,
      h(
        'section',
        { class: `pr-panel pr-ending tone-${ending?.tone ?? 'mixed'}`, attrs: { 'data-testid': 'presenter-ending', 'data-spot': 'situation' } },
        h('p', { class: 'pr-eyebrow', text: t('play.ended') }),
        h('h2', { class: 'pr-decision-title', text: ending ? scenarioText(`${sid}:endings.title`, ending.title) : t('play.ended') }),
        ending ? h('p', { class: 'pr-situation' }, plain(scenarioText(`${sid}:endings.text`, ending.text))) : null,
      ),
    );
  }

  function feedItem(f: FeedItem): HTMLElement {
    const kind = f.kind === 'inject' ? t(`channel.${f.channel ?? 'report'}`) : f.kind === 'delegated' ? t('feedKind.delegated', { by: f.from ?? '' }) : t(`feedKind.${f.kind}`);
    return h(
      'li',
      { class: `pr-feed-item kind-${f.kind}`, attrs: { 'data-testid': 'presenter-feed-item' } },
      h('p', { class: 'pr-feed-meta', text: `${kind}${f.from && f.kind === 'inject' ? ` · ${f.from}` : ''} · ${eventTime(f.time)}` }),
      h('h3', { class: 'pr-feed-title' }, plain(f.title)),
      h('p', { class: 'pr-feed-text' }, plain(f.text)),
    );
  }

  function update(state: MandateStoreState): void {
    const { status, view } = info();
    const ready = status !== 'waiting' && Boolean(state.bundle && state.snapshot);
    live.hidden = !ready;
    waiting.hidden = ready;
    blank.hidden = !view?.blank;
    el.classList.toggle('is-console-gone', status === 'console-gone');
    const waitingText = waiting.querySelector('h1');
    if (waitingText) waitingText.textContent = status === 'console-gone' ? t('facilitated.consoleGone') : t('facilitated.waiting');
    if (!ready || !state.bundle || !state.snapshot) return;
    const sid = state.bundle.scenario.id;
    const scenarioTitle = scenarioText(`${sid}:title`, state.bundle.scenario.title);
    if (title.textContent !== scenarioTitle) title.textContent = scenarioTitle;
    const c = selectClock(state);
    clock.textContent = c ? clockText(c) : '';

    const cd = selectCountdown(state);
    const cdShown = Boolean(cd && cd.held !== 'off' && view?.screen === 'play');
    countdown.hidden = !cdShown;
    if (cd && cdShown) {
      countdownText.textContent = countdownValue(cd.remainingMs);
      countdownFill.style.inlineSize = `${Math.max(0, Math.min(100, (cd.remainingMs / cd.totalMs) * 100))}%`;
      countdown.classList.toggle('is-warning', cd.warned);
    }
    paused.hidden = cd?.held !== 'paused' || view?.screen !== 'play';

    const d = selectCurrentDecision(state);
    const key = `${view?.screen ?? ''}|${state.snapshot.context.seq}|${state.snapshot.node}|${state.settings.language}`;
    if (key !== lastKey) {
      lastKey = key;
      if (view?.screen === 'briefing') renderBriefing(state);
      else if (d) renderDecision(sid, d);
      else renderEnding(state);
      lastSpot = null;
    }
    const spot = view?.spotlight ?? null;
    if (spot !== lastSpot) {
      lastSpot = spot;
      for (const s of el.querySelectorAll<HTMLElement>('[data-spot]')) s.classList.toggle('is-spotlight', s.dataset.spot === spot);
      el.querySelector(`[data-spot="${spot ?? ''}"]`)?.scrollIntoView({ block: 'nearest' });
    }

    const f = selectInjectFeed(state);
    if (f !== lastFeed) {
      lastFeed = f;
      // A role-private inject reaches the presenter without its text (presenterView): never listed.
      const shown = f.filter((x) => x.title.trim() !== '').slice(0, FEED_SHOWN);
      replaceChildren(feed, shown.length ? shown.map(feedItem) : h('li', { class: 'pr-muted', text: t('play.feedEmpty') }));
    }
    const m = selectMeterBands(state);
    if (m !== lastMeters) {
      lastMeters = m;
      replaceChildren(
        meters,
        m.map((x) =>
          h(
            'li',
            { class: `pr-meter band-${x.band}` },
            h('span', { class: 'pr-meter-label', text: x.label }),
            h('span', { class: 'pr-meter-band', text: t(`band.${x.band}`) }),
          ),
        ),
      );
    }
    map.update(state);
  }

  return {
    el,
    update,
    focus: () => undefined,
    destroy: () => map.destroy(),
  };
}
