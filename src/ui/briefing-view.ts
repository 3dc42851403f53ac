/** The briefing: mandate extract, situation, the player's role, the MLT and the situation map. */
import { scenarioText, t } from '../i18n';
import { clockView, selectScenario, type MandateStoreState } from '../store';
import { h } from './dom';
import { clockText, gameDuration } from './format';
import { termText } from './glossary';
import { createMapPanel } from './map-panel';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';

export function createBriefingView(ctx: ViewContext): View {
  const { store } = ctx;
  const state = store.getState();
  const scenario = selectScenario(state);
  const bundle = state.bundle;
  if (!scenario || !bundle || !state.session) {
    // Nothing to brief (e.g. the session was closed): the composition root routes back.
    const el = h('main', { id: 'main' });
    return { el, update: () => undefined, focus: () => undefined, destroy: () => undefined };
  }
  const id = scenario.id;
  const seat = scenario.seats.find((s) => s.id === state.session?.seat);
  const heading = h('h1', { text: scenarioText(`${id}:title`, scenario.title), attrs: { tabindex: '-1' } });
  const map = createMapPanel(ctx, 'h2');
  const begin = h('button', {
    class: 'btn btn-primary btn-large',
    attrs: { type: 'button', 'data-testid': 'begin' },
    text: t('briefing.begin'),
    on: { click: () => store.getState().actions.begin() },
  });

  const section = (key: string, ...body: (HTMLElement | null)[]) =>
    h('section', { class: 'panel' }, h('h2', { text: t(key) }), ...body);

  const el = h(
    'div',
    { class: 'screen screen-briefing' },
    siteHeader(store, { current: 'other' }),
    h(
      'main',
      { id: 'main', class: 'page briefing', attrs: { tabindex: '-1' } },
      h(
        'div',
        { class: 'page-intro' },
        h('p', { class: 'eyebrow', text: t('briefing.heading') }),
        heading,
        scenario.subtitle ? h('p', { class: 'tagline' }, termText(scenarioText(`${id}:subtitle`, scenario.subtitle))) : null,
        h('p', { class: 'muted', text: t('briefing.startsAt', { clock: clockText(clockView(bundle, scenario.clock.start)) }) }),
      ),
      h(
        'div',
        { class: 'briefing-grid' },
        h(
          'div',
          { class: 'briefing-text' },
          section('briefing.mandate', h('blockquote', { class: 'mandate' }, termText(scenarioText(`${id}:briefing.mandate`, scenario.briefing.mandate)))),
          section(
            'briefing.situation',
            h(
              'p',
              { class: 'prose' },
              termText(
                seat?.briefing?.situation
                  ? scenarioText(`${id}:seats.${seat.id}.briefing.situation`, seat.briefing.situation)
                  : scenarioText(`${id}:briefing.situation`, scenario.briefing.situation),
              ),
            ),
          ),
          section(
            'briefing.role',
            seat ? h('p', null, termText(t('briefing.seat', { seat: seat.title }))) : null,
            h(
              'p',
              { class: 'prose' },
              termText(
                seat?.briefing?.role
                  ? scenarioText(`${id}:seats.${seat.id}.briefing.role`, seat.briefing.role)
                  : scenarioText(`${id}:briefing.role`, scenario.briefing.role),
              ),
            ),
          ),
          section(
            'briefing.team',
            h(
              'ul',
              { class: 'team-list', attrs: { 'data-testid': 'team' } },
              scenario.advisers.map((a) =>
                h('li', null, h('strong', null, termText(scenarioText(`${id}:advisers.${a.id}.title`, a.title))), h('span', { class: 'muted', text: ` — ${t('briefing.consultCost', { duration: gameDuration(a.consultMinutes) })}` })),
              ),
            ),
          ),
        ),
        h('div', { class: 'briefing-side' }, map.el, h('div', { class: 'begin-bar' }, begin)),
      ),
    ),
  );

  map.update(state);
  return {
    el,
    update: (s: MandateStoreState) => map.update(s),
    focus: () => heading.focus(),
    destroy: () => map.destroy(),
  };
}
