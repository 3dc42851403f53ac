/**
 * The play screen: header (clock, countdown, menu), the decision panel (situation, advisers,
 * options with a confirm step, rationale notes), and the situation side (map, mission state,
 * incoming feed). Keys 1–9 select an option, Enter confirms, Escape clears the selection.
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
import { confirmDialog } from './dialog';
import { h, replaceChildren, uid } from './dom';
import { clockText, countdownValue, eventTime, gameDuration, relativeText } from './format';
import { requestGlossarySection, staticTermText, termText } from './glossary';
import { createMapPanel } from './map-panel';
import type { View, ViewContext } from './view';

const CHANNEL_ICON: Record<string, string> = {
  cable: '✉',
  phone: '☎',
  radio: '📻',
  news: '📰',
  social: '💬',
  report: '📄',
  meeting: '👥',
};
const KIND_ICON: Record<string, string> = { consequence: '↳', overlean: '⚖', timeout: '⌛', delegated: '⇢' };

export function createPlayView(ctx: ViewContext): View {
  const { store } = ctx;
  const { actions } = store.getState();
  const state0 = store.getState();
  const scenario = state0.bundle?.scenario;
  const sid = scenario?.id ?? '';

  // ---- header ----------------------------------------------------------------------------------
  const title = h('h1', { class: 'play-title', text: scenario ? scenarioText(`${sid}:title`, scenario.title) : '' });
  const clock = h('p', { class: 'clock', attrs: { 'data-testid': 'clock' } });
  const countdownFill = h('span', { class: 'countdown-fill' });
  const countdownBar = h(
    'div',
    { class: 'countdown-bar', attrs: { role: 'progressbar', 'aria-label': t('play.countdown'), 'aria-valuemin': '0', 'data-testid': 'countdown' } },
    countdownFill,
  );
  const countdownText = h('span', { class: 'countdown-text', attrs: { 'data-testid': 'countdown-text' } });
  const moreTime = h('button', {
    class: 'btn btn-quiet btn-small',
    attrs: { type: 'button', 'aria-label': t('play.moreTimeLabel'), 'data-testid': 'more-time' },
    text: t('play.moreTime'),
    on: { click: () => actions.updateSettings({ countdown: 'extended' }) },
  });
  const countdown = h(
    'div',
    { class: 'countdown' },
    h('span', { class: 'countdown-label', text: t('play.countdown') }),
    countdownBar,
    countdownText,
    moreTime,
  );
  const header = h(
    'header',
    { class: 'play-header' },
    h('div', { class: 'play-heading' }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), title),
    h('div', { class: 'play-status' }, h('div', { class: 'clock-box' }, h('span', { class: 'clock-label', text: t('play.clock') }), clock), countdown),
    h(
      'nav',
      { class: 'play-nav', attrs: { 'aria-label': t('nav.gameMenu') } },
      h('button', { class: 'btn btn-quiet btn-small', attrs: { type: 'button', 'data-testid': 'nav-settings' }, text: t('nav.settings'), on: { click: () => actions.go('settings') } }),
      h('button', {
        class: 'btn btn-quiet btn-small',
        attrs: { type: 'button', 'data-testid': 'nav-glossary' },
        text: t('nav.glossary'),
        on: {
          click: () => {
            requestGlossarySection();
            actions.go('about');
          },
        },
      }),
      h('button', { class: 'btn btn-quiet btn-small', attrs: { type: 'button', 'data-testid': 'leave' }, text: t('play.leave'), on: { click: () => void actions.leave() } }),
      h('button', {
        class: 'btn btn-quiet btn-small',
        attrs: { type: 'button', 'data-testid': 'abandon' },
        text: t('play.abandon'),
        on: {
          click: async () => {
            const ok = await confirmDialog({
              title: t('play.abandonTitle'),
              text: t('play.abandonText'),
              confirm: t('play.abandonConfirm'),
              cancel: t('play.abandonCancel'),
              danger: true,
              testId: 'abandon-dialog',
            });
            if (ok) await actions.abandon();
          },
        },
      }),
    ),
  );

  // ---- decision panel --------------------------------------------------------------------------
  const decisionHost = h('div', { class: 'decision-host' });
  const noteId = uid('note');
  const noteHint = uid('note-hint');
  const noteStatus = h('p', { class: 'muted note-status', attrs: { role: 'status' } });
  const note = h('textarea', { id: noteId, class: 'note-input', attrs: { rows: '3', maxlength: '2000', 'aria-describedby': noteHint, 'data-testid': 'note' } });
  const noteButton = h('button', {
    class: 'btn',
    attrs: { type: 'button', 'data-testid': 'add-note' },
    text: t('play.addNote'),
    on: {
      click: async () => {
        if (await actions.addNote(note.value)) {
          note.value = '';
          noteStatus.textContent = t('play.noteSaved');
        }
      },
    },
  });
  const notes = h(
    'section',
    { class: 'panel notes', attrs: { 'aria-labelledby': `${noteId}-title` } },
    h('h3', { id: `${noteId}-title` }, h('label', { attrs: { for: noteId }, text: t('play.notes') })),
    h('p', { id: noteHint, class: 'muted', text: t('play.notesHint') }),
    note,
    h('div', { class: 'actions' }, noteButton, noteStatus),
  );
  const main = h('main', { id: 'main', class: 'play-main', attrs: { tabindex: '-1' } }, decisionHost, notes);

  // ---- side ------------------------------------------------------------------------------------
  const map = createMapPanel(ctx, 'h2');
  const meters = h('ul', { class: 'meters plain-list', attrs: { 'data-testid': 'meters' } });
  const feed = h('ol', { class: 'feed plain-list', attrs: { 'data-testid': 'feed' } });
  const side = h(
    'aside',
    { class: 'play-side', attrs: { 'aria-label': t('play.situation'), tabindex: '0' } },
    map.el,
    h('section', { class: 'panel', attrs: { 'aria-labelledby': 'state-title' } }, h('h2', { id: 'state-title', text: t('play.state') }), h('p', { class: 'muted small', text: t('play.stateHint') }), meters),
    h('section', { class: 'panel', attrs: { 'aria-labelledby': 'feed-title' } }, h('h2', { id: 'feed-title', text: t('play.feed') }), feed),
  );

  const el = h('div', { class: 'screen screen-play' }, header, h('div', { class: 'play-grid' }, main, side));

  // ---- rendering -------------------------------------------------------------------------------
  let decideButton: HTMLButtonElement | null = null;
  let optionButtons = new Map<string, HTMLButtonElement>();
  let focusTarget: HTMLElement | null = null;
  let lastDecision: DecisionView | null | undefined;
  let lastDone: boolean | undefined;
  let lastSelected: string | null | undefined;
  let lastFeed: FeedItem[] | undefined;
  let lastMeters: MeterView[] | undefined;
  let seenSeq = -1;

  function renderDecision(d: DecisionView): void {
    const headingId = uid('decision');
    const heading = h('h2', { id: headingId, class: 'decision-title', attrs: { tabindex: '-1', 'data-testid': 'decision-title' } }, termText(scenarioText(`${sid}:nodes.${d.nodeId}.title`, d.title)));
    focusTarget = heading;
    optionButtons = new Map();
    const optionsHint = uid('options-hint');
    const options = h(
      'ol',
      { class: 'options plain-list', attrs: { 'aria-describedby': optionsHint } },
      d.options.map((o) => {
        // No control may nest inside the option button: its terms are plain <abbr>s whose
        // explanations reach screen readers through the button's description.
        const label = staticTermText(scenarioText(`${sid}:nodes.${d.nodeId}.options.${o.id}.label`, o.label));
        const body = o.text ? staticTermText(scenarioText(`${sid}:nodes.${d.nodeId}.options.${o.id}.text`, o.text)) : null;
        const describedBy = [...new Set([...label.describedBy, ...(body?.describedBy ?? [])])].join(' ');
        const button = h(
          'button',
          {
            class: 'option',
            attrs: { type: 'button', 'aria-pressed': 'false', 'data-testid': `option-${o.key}`, 'data-option': o.id, 'aria-keyshortcuts': o.key <= 9 ? String(o.key) : null, 'aria-describedby': describedBy || null },
            on: {
              click: () => {
                actions.selectOption(o.id);
                decideButton?.focus();
              },
            },
          },
          h('span', { class: 'option-key', attrs: { 'aria-hidden': 'true' }, text: String(o.key) }),
          h(
            'span',
            { class: 'option-body' },
            h('span', { class: 'option-label' }, label.nodes),
            body ? h('span', { class: 'option-text' }, body.nodes) : null,
          ),
        );
        optionButtons.set(o.id, button);
        return h('li', null, button);
      }),
    );
    decideButton = h('button', {
      class: 'btn btn-primary btn-large decide',
      attrs: { type: 'button', 'aria-disabled': 'true', 'data-testid': 'decide' },
      text: t('play.decide'),
      on: {
        click: () => {
          if (!store.getState().selectedOption) {
            ctx.announce(t('play.selectFirst'));
            return;
          }
          void actions.choose();
        },
      },
    });
    const advisers = d.advisers.length
      ? h(
          'ul',
          { class: 'advisers plain-list' },
          d.advisers.map((a) => {
            const nameId = uid('adviser');
            return h(
              'li',
              { class: `adviser${a.consulted ? ' is-consulted' : ''}`, attrs: { 'aria-labelledby': nameId, 'data-testid': `adviser-${a.id}` } },
              h('h4', { id: nameId, class: 'adviser-title' }, termText(scenarioText(`${sid}:advisers.${a.id}.title`, a.title))),
              a.consulted
                ? h(
                    'div',
                    { class: 'adviser-view', attrs: { tabindex: '-1', 'data-focus-key': `adviser-${a.id}` } },
                    h('p', { class: 'quote' }, termText(scenarioText(`${sid}:nodes.${d.nodeId}.positions.${a.id}`, a.view ?? ''))),
                    h('p', { class: 'recommends', text: a.recommends ? t('play.recommends', { option: a.recommends.label }) : t('play.noRecommendation') }),
                  )
                : h(
                    'button',
                    {
                      class: 'btn btn-small',
                      attrs: { type: 'button', 'aria-label': t('play.consultLabel', { title: a.title, duration: gameDuration(a.consultMinutes) }), 'data-testid': `consult-${a.id}` },
                      on: {
                        click: async () => {
                          if (await actions.consult(a.id)) {
                            const view = decisionHost.querySelector<HTMLElement>(`[data-focus-key="adviser-${a.id}"]`);
                            view?.focus();
                          }
                        },
                      },
                    },
                    `${t('play.consult')} `,
                    h('span', { class: 'btn-note', text: `(${t('play.consultCost', { duration: gameDuration(a.consultMinutes) })})` }),
                  ),
            );
          }),
        )
      : h('p', { class: 'muted', text: t('play.noAdvisers') });

    replaceChildren(
      decisionHost,
      h(
        'section',
        { class: 'panel decision', attrs: { 'aria-labelledby': headingId, 'data-testid': 'decision', 'data-node': d.nodeId } },
        h('p', { class: 'eyebrow', text: t('play.decisionNumber', { number: d.number }) }),
        heading,
        d.deadline
          ? h(
              'p',
              { class: 'deadline', attrs: { 'data-testid': 'deadline' } },
              t('play.deadline', { relative: relativeText(d.deadline), day: d.deadline.day, time: d.deadline.time }),
              d.minutesLeft !== null ? h('span', { class: 'muted', text: ` · ${t('play.timeLeft', { duration: gameDuration(d.minutesLeft) })}` }) : null,
            )
          : null,
        d.text ? h('p', { class: 'prose situation' }, termText(scenarioText(`${sid}:nodes.${d.nodeId}.text`, d.text))) : null,
      ),
      h('section', { class: 'panel', attrs: { 'aria-labelledby': `${headingId}-adv` } }, h('h3', { id: `${headingId}-adv`, text: t('play.advisers') }), h('p', { class: 'muted small', text: t('play.advisersHint') }), advisers),
      h(
        'section',
        { class: 'panel', attrs: { 'aria-labelledby': `${headingId}-opt` } },
        h('h3', { id: `${headingId}-opt`, text: t('play.options') }),
        h('p', { id: optionsHint, class: 'muted small', text: t('play.optionsHint') }),
        options,
        d.hasTimeout && d.timeoutTitle ? h('p', { class: 'muted small timeout-note', text: t('play.timeoutNote', { title: d.timeoutTitle }) }) : null,
        h('div', { class: 'decide-bar' }, decideButton),
      ),
    );
    lastSelected = undefined;
  }

  function renderEnding(state: MandateStoreState): void {
    const ending = selectEnding(state);
    const headingId = uid('ended');
    const open = h('button', {
      class: 'btn btn-primary btn-large',
      attrs: { type: 'button', 'data-testid': 'open-debrief' },
      text: t('play.openDebrief'),
      on: { click: () => actions.openDebrief() },
    });
    focusTarget = open;
    replaceChildren(
      decisionHost,
      h(
        'section',
        { class: `panel ending tone-${ending?.tone ?? 'mixed'}`, attrs: { 'aria-labelledby': headingId, 'data-testid': 'ending' } },
        h('p', { class: 'eyebrow', text: t('play.ended') }),
        h('h2', { id: headingId, text: ending ? scenarioText(`${sid}:endings.title`, ending.title) : t('play.ended') }),
        ending ? h('p', { class: 'tone-label', text: t(`tone.${ending.tone}`) }) : null,
        ending ? h('p', { class: 'prose' }, termText(scenarioText(`${sid}:endings.text`, ending.text))) : null,
        h('div', { class: 'decide-bar' }, open),
      ),
    );
    note.disabled = true;
    noteButton.disabled = true;
  }

  function renderSelection(selected: string | null, d: DecisionView | null): void {
    for (const [id, button] of optionButtons) {
      const on = id === selected;
      button.setAttribute('aria-pressed', String(on));
      button.classList.toggle('is-selected', on);
    }
    if (decideButton) {
      const opt = d?.options.find((o) => o.id === selected);
      decideButton.textContent = opt ? t('play.decideWith', { option: opt.label }) : t('play.decide');
      decideButton.setAttribute('aria-disabled', String(!opt));
    }
  }

  function feedItem(f: FeedItem): HTMLElement {
    const kindLabel =
      f.kind === 'inject'
        ? t(`channel.${f.channel ?? 'report'}`)
        : f.kind === 'delegated'
          ? t('feedKind.delegated', { by: f.from ?? '' })
          : t(`feedKind.${f.kind}`);
    const icon = f.kind === 'inject' ? (CHANNEL_ICON[f.channel ?? ''] ?? '•') : (KIND_ICON[f.kind] ?? '•');
    return h(
      'li',
      { class: `feed-item kind-${f.kind}`, attrs: { 'data-testid': 'feed-item' } },
      h(
        'p',
        { class: 'feed-meta' },
        h('span', { class: 'feed-icon', attrs: { 'aria-hidden': 'true' }, text: icon }),
        h('span', { class: 'feed-kind', text: kindLabel }),
        f.from ? h('span', { class: 'feed-from' }, ' · ', termText(t('feedKind.from', { from: f.from }))) : null,
        h('span', { class: 'feed-time', text: ` · ${eventTime(f.time)}` }),
      ),
      h('h3', { class: 'feed-title' }, termText(f.title)),
      h('p', { class: 'feed-text' }, termText(f.text)),
      f.causes.length && f.kind !== 'timeout'
        ? h('ul', { class: 'causes plain-list' }, f.causes.map((c) => h('li', { text: t('play.causedBy', { title: c.title, option: c.option }) })))
        : null,
    );
  }

  function renderMeters(list: MeterView[]): void {
    replaceChildren(
      meters,
      list.map((m) =>
        h(
          'li',
          { class: `meter band-${m.band}`, attrs: { 'data-testid': `meter-${m.id}` } },
          h('span', { class: 'meter-label', text: m.label }),
          h('span', { class: 'meter-band', text: t(`band.${m.band}`) }),
          h(
            'span',
            { class: 'meter-bar', attrs: { 'aria-hidden': 'true' } },
            [1, 2, 3, 4, 5].map((i) => h('span', { class: i <= m.level ? 'seg on' : 'seg' })),
          ),
        ),
      ),
    );
  }

  function update(state: MandateStoreState): void {
    const c = selectClock(state);
    const clockString = c ? clockText(c) : '';
    if (clock.textContent !== clockString) clock.textContent = clockString;

    const cd = selectCountdown(state);
    countdown.hidden = !cd;
    if (cd) {
      const total = Math.round(cd.totalMs / 1000);
      const left = Math.ceil(cd.remainingMs / 1000);
      const value = countdownValue(cd.remainingMs);
      countdownBar.setAttribute('aria-valuemax', String(total));
      countdownBar.setAttribute('aria-valuenow', String(left));
      countdownBar.setAttribute('aria-valuetext', t('play.countdownText', { value }));
      countdownFill.style.inlineSize = `${Math.max(0, Math.min(100, (cd.remainingMs / cd.totalMs) * 100))}%`;
      const text = cd.mode === 'extended' ? `${value} (${t('play.countdownExtended')})` : value;
      if (countdownText.textContent !== text) countdownText.textContent = text;
      countdown.classList.toggle('is-warning', cd.warned);
      moreTime.hidden = cd.mode === 'extended';
    }

    const d = selectCurrentDecision(state);
    const done = Boolean(state.snapshot?.done);
    if (d !== lastDecision || done !== lastDone) {
      const newNode = !lastDecision || !d || lastDecision.nodeId !== d.nodeId;
      const first = lastDecision === undefined;
      const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
      lastDecision = d;
      lastDone = done;
      if (d) renderDecision(d);
      else if (done) renderEnding(state);
      if (!first && newNode) {
        focusTarget?.focus();
        if (d) ctx.announce(t('play.newDecision', { title: d.title }));
        else if (done) ctx.announce(`${t('play.ended')}. ${selectEnding(state)?.title ?? ''}`);
      } else if (active) {
        decisionHost.querySelector<HTMLElement>(`[data-focus-key="${active}"]`)?.focus();
      }
    }
    if (state.selectedOption !== lastSelected) {
      lastSelected = state.selectedOption;
      renderSelection(state.selectedOption, d);
    }

    const f = selectInjectFeed(state);
    if (f !== lastFeed) {
      const fresh = seenSeq >= 0 ? f.filter((x) => x.seq > seenSeq) : [];
      lastFeed = f;
      seenSeq = Math.max(seenSeq, state.snapshot?.context.seq ?? 0);
      replaceChildren(feed, f.length ? f.map(feedItem) : h('li', { class: 'muted', text: t('play.feedEmpty') }));
      for (const x of fresh.reverse()) ctx.announce(t('play.newItem', { title: x.title }));
    }

    const m = selectMeterBands(state);
    if (m !== lastMeters) {
      lastMeters = m;
      renderMeters(m);
    }
    map.update(state);
  }

  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.closest('textarea, input, select, [contenteditable="true"]') || target.closest('dialog'))) return;
    if (document.querySelector('dialog[open]')) return;
    const d = selectCurrentDecision(store.getState());
    if (!d) return;
    if (/^[1-9]$/.test(event.key)) {
      const option = d.options.find((o) => o.key === Number(event.key));
      if (!option) return;
      event.preventDefault();
      actions.selectOption(option.id);
      decideButton?.focus();
    } else if (event.key === 'Escape' && store.getState().selectedOption) {
      event.preventDefault();
      actions.selectOption(null);
    } else if (event.key === 'Enter' && store.getState().selectedOption && (!target || target === document.body || target === focusTarget)) {
      event.preventDefault();
      void actions.choose();
    }
  }
  document.addEventListener('keydown', onKey);

  update(state0);
  seenSeq = state0.snapshot?.context.seq ?? 0;
  return {
    el,
    update,
    focus: () => (focusTarget ?? title).focus(),
    destroy: () => {
      document.removeEventListener('keydown', onKey);
      map.destroy();
    },
  };
}
