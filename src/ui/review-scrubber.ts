/**
 * The debrief's timeline scrubber: step or drag through the run's log, and the situation map, the
 * mission state, the tensions and the incoming feed show the mission as it stood after that event.
 * The state at each event is the engine's own (reviewSteps replays the log once); the map is
 * mapModel of that moment, never a redraw of the end. Per-step models are computed on first view
 * and kept.
 */
import { t } from '../i18n';
import { mapModel, meterBand, reviewSteps, type MapModel, type ReviewStep, type ScenarioBundle, type SessionSave, type TimelineEntry } from '../engine';
import { clockView, selectInjectFeed, type FeedItem, type MandateState } from '../store';
import { h, replaceChildren } from './dom';
import { eventTime, positionWords } from './format';
import { createMapPanel } from './map-panel';
import { termText } from './glossary';
import type { MapSource, ViewContext } from './view';

export interface TimelineScrubber {
  el: HTMLElement;
  /** Moves to the moment right after event `seq` (0: the start). */
  goToSeq(seq: number): void;
  destroy(): void;
}

export function createTimelineScrubber(
  ctx: ViewContext,
  bundle: ScenarioBundle,
  save: Pick<SessionSave, 'seed' | 'seat' | 'log'>,
  describe: (e: TimelineEntry) => string,
): TimelineScrubber {
  const { scenario } = bundle;
  const steps: ReviewStep[] = reviewSteps(bundle, save);
  const last = steps.length - 1;
  const maps: (MapModel | undefined)[] = [];
  const feeds: (FeedItem[] | undefined)[] = [];
  const listeners = new Set<() => void>();
  let index = last;

  const stepAt = (i: number): ReviewStep => steps[Math.max(0, Math.min(last, i))] as ReviewStep;
  const modelAt = (i: number): MapModel => (maps[i] ??= mapModel(bundle, stepAt(i).context));
  const feedAt = (i: number): FeedItem[] => {
    const step = stepAt(i);
    // The store's feed selector reads only the bundle and the snapshot.
    return (feeds[i] ??= selectInjectFeed({ bundle, snapshot: { node: step.node, done: step.done, context: step.context } } as MandateState));
  };

  const source: MapSource = {
    getModel: () => modelAt(index),
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };

  /** What happened at a step: the timeline entries the event produced. */
  const happenings = (i: number): string[] => {
    const step = stepAt(i);
    if (i === 0) return [t('debrief.tl.start')];
    const entries = step.context.timeline.filter((e) => e.seq === step.seq && e.kind !== 'wait' && e.kind !== 'start');
    return entries.length ? entries.map(describe) : [t(`review.event.${step.entry?.type ?? 'unknown'}`)];
  };
  const nowText = (i: number): string => {
    const step = stepAt(i);
    return t('review.scrubNow', { step: i, total: last, time: eventTime(clockView(bundle, step.context.clock)) });
  };

  const range = h('input', {
    class: 'scrub-range',
    attrs: { type: 'range', min: 0, max: last, step: 1, 'aria-label': t('review.scrubLabel'), 'data-testid': 'scrub-range' },
    props: { value: String(index) },
  });
  const button = (key: string, testid: string, go: () => number) =>
    h('button', { class: 'btn btn-small', attrs: { type: 'button', 'data-testid': testid }, text: t(key), on: { click: () => show(go()) } });
  const firstBtn = button('review.scrubFirst', 'scrub-first', () => 0);
  const prevBtn = button('review.scrubPrev', 'scrub-prev', () => index - 1);
  const nextBtn = button('review.scrubNext', 'scrub-next', () => index + 1);
  const lastBtn = button('review.scrubLast', 'scrub-last', () => last);
  const now = h('p', { class: 'scrub-now', attrs: { 'data-testid': 'scrub-now' } });
  const happened = h('ul', { class: 'scrub-happened plain-list', attrs: { 'data-testid': 'scrub-happened' } });
  const status = h('div', { class: 'scrub-status', attrs: { role: 'status', 'aria-live': 'polite' } }, now, happened);
  const meters = h('ul', { class: 'scrub-meters plain-list', attrs: { 'data-testid': 'scrub-meters' } });
  const tensions = h('ul', { class: 'scrub-tensions plain-list', attrs: { 'data-testid': 'scrub-tensions' } });
  const feed = h('ol', { class: 'scrub-feed plain-list', attrs: { 'data-testid': 'scrub-feed' } });
  const map = createMapPanel(ctx, 'h3', source);

  range.addEventListener('input', () => show(Number(range.value)));

  function show(i: number): void {
    index = Math.max(0, Math.min(last, Math.round(Number.isFinite(i) ? i : last)));
    const step = stepAt(index);
    range.value = String(index);
    range.setAttribute('aria-valuetext', `${nowText(index)}. ${happenings(index).join(' ')}`);
    firstBtn.disabled = prevBtn.disabled = index === 0;
    nextBtn.disabled = lastBtn.disabled = index === last;
    now.textContent = nowText(index);
    replaceChildren(happened, happenings(index).map((text) => h('li', null, termText(text))));
    replaceChildren(
      meters,
      scenario.meters.map((m) => {
        const band = meterBand(step.context.meters[m.id] ?? 0);
        return h('li', { class: `band-${band}` }, h('span', { class: 'scrub-label', text: m.label }), ' ', h('span', { class: 'scrub-band', text: t(`band.${band}`) }));
      }),
    );
    replaceChildren(
      tensions,
      scenario.polarities.map((p) => {
        const entry = bundle.polarities.find((x) => x.id === p.id);
        const words = positionWords(step.context.polarities[p.id] ?? 0, p.band, entry?.pole_a ?? 'A', entry?.pole_b ?? 'B');
        return h('li', null, h('span', { class: 'scrub-label', text: entry?.title ?? p.id }), ' ', h('span', { text: words }));
      }),
    );
    const items = feedAt(index).slice(0, 6);
    replaceChildren(
      feed,
      items.length
        ? items.map((f) =>
            h(
              'li',
              { class: `scrub-feed-item feed-${f.kind}` },
              h('span', { class: 'small muted', text: eventTime(f.time) }),
              ' ',
              h('strong', null, termText(f.title)),
            ),
          )
        : h('li', { class: 'muted', text: t('play.feedEmpty') }),
    );
    map.update({} as never);
    for (const fn of listeners) fn();
  }

  const el = h(
    'section',
    { class: 'panel review-scrubber no-print', attrs: { 'aria-labelledby': 'debrief-scrubber-title', 'data-testid': 'debrief-scrubber' } },
    h('h2', { id: 'debrief-scrubber-title', text: t('review.scrubHeading') }),
    h('p', { class: 'muted', text: t('review.scrubHint') }),
    h('div', { class: 'scrub-controls' }, firstBtn, prevBtn, range, nextBtn, lastBtn),
    status,
    h(
      'div',
      { class: 'scrub-grid' },
      map.el,
      h('section', { class: 'scrub-part', attrs: { 'aria-labelledby': 'scrub-state-title' } }, h('h3', { id: 'scrub-state-title', text: t('review.scrubState') }), meters),
      h('section', { class: 'scrub-part', attrs: { 'aria-labelledby': 'scrub-tensions-title' } }, h('h3', { id: 'scrub-tensions-title', text: t('review.scrubTensions') }), tensions),
      h('section', { class: 'scrub-part', attrs: { 'aria-labelledby': 'scrub-feed-title' } }, h('h3', { id: 'scrub-feed-title', text: t('review.scrubFeed') }), feed),
    ),
  );
  show(index);

  return {
    el,
    goToSeq(seq) {
      const i = steps.findIndex((s) => s.seq === seq);
      show(i >= 0 ? i : last);
    },
    destroy() {
      listeners.clear();
      map.destroy();
    },
  };
}
