/**
 * The facilitator console (facilitated play): the play screen the room's decisions are entered on,
 * beside a panel only the facilitator sees — the presenter window's status and controls (open it,
 * blank it, the spotlight), the countdown controls (pause, extend, switch off), the facilitator notes
 * for the current decision, the room's vote, optional injects to fire, role-private injects to reveal
 * and pass on, private notes, and the printable handouts and prep pack.
 */
import {
  facilitatorNotesFor,
  firableInjects,
  isRolePrivate,
  optionalInjects,
  rolesOf,
  type Inject,
  type ScenarioNode,
} from '../engine';
import { scenarioText, t } from '../i18n';
import { selectCountdown, selectCurrentDecision, type MandateStoreState } from '../store';
import type { FacilitatedConsoleStore } from '../store/facilitated-console';
import { roomRecord, voters } from '../facilitated/room-record';
import { confirmDialog } from './dialog';
import { h, replaceChildren, uid } from './dom';
import { countdownValue } from './format';
import { createPlayView } from './play-view';
import { staticTermText } from './glossary';
import type { View, ViewContext } from './view';

export interface ConsoleLinks {
  /** The presenter window's address (to open by hand where the pop-up is blocked). */
  presenterUrl: string;
  /** Opens the presenter window from a click; false when the browser blocked it. */
  openPresenter(): boolean;
  /** Opens a printable document (role handouts or the prep pack) in a new window. */
  openPrint(kind: 'handouts' | 'prep'): void;
}

const plain = (text: string) => staticTermText(text).nodes;
const EXTEND_STEPS_MS = [60_000, 5 * 60_000];

/** `inner` is the screen the facilitator works on (the briefing, or the play screen). */
export function createFacilitatorConsoleView(ctx: ViewContext, facil: FacilitatedConsoleStore, links: ConsoleLinks, inner: (ctx: ViewContext) => View = createPlayView): View {
  const { store } = ctx;
  const actions = store.getState().actions;
  const fa = facil.getState().actions;
  const play = inner(ctx);
  const bundle = store.getState().bundle;
  const scenario = bundle?.scenario;
  const sid = scenario?.id ?? '';

  // ---- presenter -------------------------------------------------------------------------------
  const presenterStatus = h('p', { class: 'fc-status', attrs: { role: 'status', 'data-testid': 'console-presenter-status' } });
  const blocked = h(
    'p',
    { class: 'fc-warning', attrs: { 'data-testid': 'console-popup-blocked' } },
    t('facilitated.popupBlocked'),
    ' ',
    h('a', { attrs: { href: links.presenterUrl, target: 'mandate-presenter', 'data-testid': 'console-presenter-link' }, text: t('facilitated.openByHand') }),
  );
  const urlField = h('input', { class: 'fc-url', attrs: { type: 'text', readonly: true, 'aria-label': t('facilitated.presenterAddress') }, props: { value: new URL(links.presenterUrl, location.href).href } });
  const blankButton = h('button', {
    class: 'btn btn-small',
    attrs: { type: 'button', 'aria-pressed': 'false', 'aria-keyshortcuts': 'B', 'data-testid': 'console-blank' },
    text: t('facilitated.blank'),
    on: { click: () => fa.toggleBlank() },
  });
  const spotlightText = h('span', { class: 'fc-spot', attrs: { 'data-testid': 'console-spotlight' } });
  const presenterSection = panel(
    t('facilitated.presenter'),
    presenterStatus,
    blocked,
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'btn btn-small',
        attrs: { type: 'button', 'data-testid': 'console-open-presenter' },
        text: t('facilitated.openPresenter'),
        on: { click: () => fa.setPopupBlocked(!links.openPresenter()) },
      }),
      blankButton,
    ),
    h('label', { class: 'fc-small' }, t('facilitated.presenterAddress'), urlField),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'btn btn-small btn-quiet', attrs: { type: 'button', 'aria-keyshortcuts': 'PageUp', 'data-testid': 'console-spot-prev' }, text: t('facilitated.spotPrevious'), on: { click: () => fa.step(-1) } }),
      h('button', { class: 'btn btn-small btn-quiet', attrs: { type: 'button', 'aria-keyshortcuts': 'PageDown', 'data-testid': 'console-spot-next' }, text: t('facilitated.spotNext'), on: { click: () => fa.step(1) } }),
      spotlightText,
    ),
    h('p', { class: 'fc-small muted', text: t('facilitated.keysHint') }),
  );

  // ---- countdown -------------------------------------------------------------------------------
  const cdStatus = h('p', { class: 'fc-status', attrs: { 'data-testid': 'console-countdown-status' } });
  const pauseButton = h('button', {
    class: 'btn btn-small',
    attrs: { type: 'button', 'data-testid': 'console-pause' },
    on: {
      click: () => {
        const cd = store.getState().countdown;
        actions.holdCountdown(cd?.held === 'paused' ? null : 'paused');
      },
    },
  });
  const extendButtons = EXTEND_STEPS_MS.map((ms) =>
    h('button', {
      class: 'btn btn-small',
      attrs: { type: 'button', 'data-testid': `console-extend-${ms / 60_000}` },
      text: t('facilitated.extend', { minutes: ms / 60_000 }),
      on: { click: () => actions.extendCountdown(ms) },
    }),
  );
  const offButton = h('button', {
    class: 'btn btn-small btn-quiet',
    attrs: { type: 'button', 'data-testid': 'console-countdown-off' },
    text: t('facilitated.countdownOff'),
    on: { click: () => actions.holdCountdown('off') },
  });
  const cdControls = h('div', { class: 'actions' }, pauseButton, ...extendButtons, offButton);
  const countdownSection = panel(t('facilitated.countdown'), cdStatus, cdControls);

  // ---- notes for this decision ------------------------------------------------------------------
  const notesHost = h('div', { attrs: { 'data-testid': 'console-facilitator-notes' } });
  const notesSection = panel(t('facilitated.notesForDecision'), notesHost);

  // ---- the room's vote ---------------------------------------------------------------------------
  const voteHost = h('div', { class: 'fc-vote' });
  const voteStatus = h('p', { class: 'fc-small', attrs: { role: 'status', 'data-testid': 'console-vote-status' } });
  const votesList = h('ul', { class: 'plain-list fc-list', attrs: { 'data-testid': 'console-votes' } });
  const voteSection = panel(t('facilitated.vote'), h('p', { class: 'fc-small muted', text: t('facilitated.voteHint') }), voteHost, voteStatus, votesList);

  // ---- injects -------------------------------------------------------------------------------------
  const injectHost = h('div', { attrs: { 'data-testid': 'console-injects' } });
  const injectSection = panel(t('facilitated.optionalInjects'), injectHost);
  const privateHost = h('div', { attrs: { 'data-testid': 'console-private-injects' } });
  const privateSection = panel(t('facilitated.privateInjects'), privateHost);

  // ---- private notes -----------------------------------------------------------------------------
  const noteId = uid('fnote');
  const noteInput = h('textarea', { id: noteId, class: 'note-input', attrs: { rows: '3', maxlength: '2000', 'data-testid': 'console-private-note' } });
  const noteStatus = h('p', { class: 'fc-small', attrs: { role: 'status' } });
  const noteList = h('ul', { class: 'plain-list fc-list', attrs: { 'data-testid': 'console-private-notes' } });
  const privateNotes = panel(
    t('facilitated.privateNotes'),
    h('label', { class: 'fc-small', attrs: { for: noteId }, text: t('facilitated.privateNotesHint') }),
    noteInput,
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'btn btn-small',
        attrs: { type: 'button', 'data-testid': 'console-save-note' },
        text: t('facilitated.saveNote'),
        on: {
          click: async () => {
            if (await actions.addFacilitatorNote(noteInput.value)) {
              noteInput.value = '';
              noteStatus.textContent = t('facilitated.noteSaved');
            }
          },
        },
      }),
      noteStatus,
    ),
    noteList,
  );

  // ---- print -------------------------------------------------------------------------------------
  const printSection = panel(
    t('facilitated.print'),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'btn btn-small', attrs: { type: 'button', 'data-testid': 'console-print-handouts' }, text: t('facilitated.printHandouts'), on: { click: () => links.openPrint('handouts') } }),
      h('button', { class: 'btn btn-small', attrs: { type: 'button', 'data-testid': 'console-print-prep' }, text: t('facilitated.printPrep'), on: { click: () => links.openPrint('prep') } }),
    ),
  );

  const side = h(
    'aside',
    { class: 'fc-panel', attrs: { 'aria-label': t('facilitated.consoleLabel'), 'data-testid': 'console-panel' } },
    h('p', { class: 'fc-badge', text: t('facilitated.consoleBadge') }),
    presenterSection,
    countdownSection,
    notesSection,
    voteSection,
    injectSection,
    privateSection,
    privateNotes,
    printSection,
  );
  const el = h('div', { class: 'screen fc-console', attrs: { 'data-testid': 'console' } }, h('div', { class: 'fc-play' }, play.el), side);

  function panel(heading: string, ...children: (HTMLElement | string)[]): HTMLElement {
    const id = uid('fc');
    return h('section', { class: 'fc-section', attrs: { 'aria-labelledby': id } }, h('h2', { id, text: heading }), ...children);
  }

  const optionLabel = (node: ScenarioNode | undefined, id: string) => {
    const o = node?.options.find((x) => x.id === id);
    return o ? scenarioText(`${sid}:nodes.${node?.id}.options.${o.id}.label`, o.label) : id;
  };
  const roleTitle = (id: string) => rolesOf(scenario!).find((r) => r.id === id)?.title ?? id;

  // ---- rendering -----------------------------------------------------------------------------------
  let lastNodeKey = '';
  let lastLog = -1;

  function renderNotes(node: ScenarioNode | undefined): void {
    const notes = scenario && node ? facilitatorNotesFor(scenario, node.id) : null;
    if (!notes || !node) {
      replaceChildren(notesHost, h('p', { class: 'fc-small muted', text: node?.kind === 'decision' ? t('facilitated.noNotes') : t('facilitated.noDecision') }));
      return;
    }
    replaceChildren(
      notesHost,
      notes.minutes ? h('p', { class: 'fc-small', attrs: { 'data-testid': 'console-suggested-time' }, text: t('facilitated.suggestedTime', { minutes: notes.minutes }) }) : null,
      notes.roles?.length ? h('p', { class: 'fc-small', text: t('facilitated.askFirst', { roles: notes.roles.map(roleTitle).join(', ') }) }) : null,
      h('h3', { text: t('facilitated.prompts') }),
      h('ol', { class: 'fc-list' }, notes.prompts.map((p) => h('li', null, plain(p)))),
      notes.teaching.length ? [h('h3', { text: t('facilitated.teaching') }), h('ul', { class: 'fc-list' }, notes.teaching.map((p) => h('li', null, plain(p))))] : null,
      notes.tradeoffs.length
        ? [
            h('h3', { text: t('facilitated.tradeoffs') }),
            h(
              'dl',
              { class: 'fc-tradeoffs' },
              notes.tradeoffs.map((x) => [h('dt', { text: optionLabel(node, x.option) }), h('dd', null, plain(x.text))]),
            ),
          ]
        : null,
      notes.cites.length ? h('p', { class: 'fc-small muted', text: t('facilitated.cites', { cites: notes.cites.join(' · ') }) }) : null,
    );
  }

  function renderVote(node: ScenarioNode | undefined, state: MandateStoreState): void {
    const d = selectCurrentDecision(state);
    if (!d || !node) {
      replaceChildren(voteHost, h('p', { class: 'fc-small muted', text: t('facilitated.noDecision') }));
      return;
    }
    const counts = new Map<string, HTMLInputElement>();
    const roleSelects = new Map<string, HTMLSelectElement>();
    const roles = scenario ? rolesOf(scenario) : [];
    replaceChildren(
      voteHost,
      h(
        'table',
        { class: 'fc-vote-table' },
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: t('play.options') }), h('th', { attrs: { scope: 'col' }, text: t('facilitated.voters') }))),
        h(
          'tbody',
          null,
          d.options.map((o) => {
            const input = h('input', {
              class: 'fc-count',
              attrs: { type: 'number', min: '0', max: '999', step: '1', inputmode: 'numeric', 'aria-label': t('facilitated.votersFor', { option: o.label }), 'data-testid': `console-vote-${o.id}` },
              props: { value: '0' },
            });
            counts.set(o.id, input);
            return h('tr', null, h('th', { attrs: { scope: 'row' }, text: `${o.key}. ${optionLabel(node, o.id)}` }), h('td', null, input));
          }),
        ),
      ),
      roles.length
        ? h(
            'fieldset',
            { class: 'fc-roles' },
            h('legend', { text: t('facilitated.byRole') }),
            roles.map((r) => {
              const select = h(
                'select',
                { attrs: { 'data-testid': `console-role-vote-${r.id}` } },
                h('option', { attrs: { value: '' }, text: t('facilitated.noRoleVote') }),
                d.options.map((o) => h('option', { attrs: { value: o.id }, text: `${o.key}. ${o.label}` })),
              );
              roleSelects.set(r.id, select);
              return h('label', { class: 'fc-role' }, h('span', { text: r.title }), select);
            }),
          )
        : null,
      h(
        'div',
        { class: 'actions' },
        h('button', {
          class: 'btn btn-small',
          attrs: { type: 'button', 'data-testid': 'console-record-vote' },
          text: t('facilitated.recordVote'),
          on: {
            click: async () => {
              const tally: Record<string, number> = {};
              for (const [id, input] of counts) {
                const n = Math.floor(Number(input.value));
                if (Number.isFinite(n) && n > 0) tally[id] = Math.min(n, 999);
              }
              const byRole: Record<string, string> = {};
              for (const [id, select] of roleSelects) if (select.value) byRole[id] = select.value;
              if (!Object.keys(tally).length && !Object.keys(byRole).length) {
                voteStatus.textContent = t('facilitated.voteEmpty');
                return;
              }
              if (await actions.recordVote(tally, byRole)) {
                voteStatus.textContent = t('facilitated.voteRecorded');
                for (const input of counts.values()) input.value = '0';
                for (const select of roleSelects.values()) select.value = '';
              }
            },
          },
        }),
      ),
    );
  }

  function renderInjects(state: MandateStoreState): void {
    const ctxE = state.snapshot?.context;
    if (!scenario || !ctxE) return;
    const all = optionalInjects(scenario);
    const firable = new Set(firableInjects(scenario, ctxE).map((i) => i.id));
    const injectTitle = (i: Inject) => scenarioText(`${sid}:injects.${i.id}.title`, i.title);
    replaceChildren(
      injectHost,
      all.length
        ? h(
            'ul',
            { class: 'plain-list fc-list' },
            all.map((i) =>
              h(
                'li',
                { class: 'fc-inject', attrs: { 'data-testid': `console-inject-${i.id}` } },
                h('h3', null, plain(injectTitle(i))),
                i.purpose ? h('p', { class: 'fc-small' }, plain(i.purpose)) : null,
                isRolePrivate(i) ? h('p', { class: 'fc-small muted', text: t('facilitated.forRoles', { roles: (i.roles ?? []).map(roleTitle).join(', ') }) }) : null,
                ctxE.firedInjects.includes(i.id)
                  ? h('p', { class: 'fc-small', text: t('facilitated.fired') })
                  : h('button', {
                      class: 'btn btn-small',
                      attrs: { type: 'button', 'data-testid': `console-fire-${i.id}`, 'aria-disabled': String(!firable.has(i.id)) },
                      text: t('facilitated.fire'),
                      on: {
                        click: async () => {
                          if (!firable.has(i.id)) return;
                          const ok = await confirmDialog({
                            title: t('facilitated.fireTitle'),
                            text: injectTitle(i),
                            confirm: t('facilitated.fire'),
                            cancel: t('play.abandonCancel'),
                            testId: 'fire-dialog',
                          });
                          if (ok) await actions.fireInject(i.id);
                        },
                      },
                    }),
              ),
            ),
          )
        : h('p', { class: 'fc-small muted', text: t('facilitated.noOptionalInjects') }),
    );

    // Role-private injects that have arrived: revealed here only, for the facilitator to pass on.
    const arrived = new Set(ctxE.timeline.filter((x) => x.kind === 'inject' && x.inject).map((x) => x.inject as string));
    const privates = scenario.injects.filter((i) => isRolePrivate(i) && arrived.has(i.id));
    const revealed = facil.getState().revealed;
    replaceChildren(
      privateHost,
      privates.length
        ? h(
            'ul',
            { class: 'plain-list fc-list' },
            privates.map((i) =>
              h(
                'li',
                { class: 'fc-inject', attrs: { 'data-testid': `console-private-${i.id}` } },
                h('p', { class: 'fc-small', text: t('facilitated.forRoles', { roles: (i.roles ?? []).map(roleTitle).join(', ') }) }),
                revealed.includes(i.id)
                  ? h('div', { class: 'fc-revealed' }, h('h3', null, plain(injectTitle(i))), h('p', { class: 'fc-small muted', text: i.from }), h('p', null, plain(scenarioText(`${sid}:injects.${i.id}.text`, i.text))))
                  : h('button', { class: 'btn btn-small', attrs: { type: 'button', 'data-testid': `console-reveal-${i.id}` }, text: t('facilitated.reveal'), on: { click: () => fa.reveal(i.id) } }),
              ),
            ),
          )
        : h('p', { class: 'fc-small muted', text: t('facilitated.noPrivateInjects') }),
    );
  }

  function renderRecord(state: MandateStoreState): void {
    if (!bundle || !state.session) return;
    const record = roomRecord(bundle, state.session.log());
    const node = state.snapshot?.node;
    const here = record.filter((r) => r.node === node);
    replaceChildren(
      votesList,
      here.flatMap((r) =>
        r.votes.map((v) =>
          h(
            'li',
            { attrs: { 'data-testid': 'console-vote-entry' } },
            t('facilitated.voteLine', {
              count: voters(v),
              tally: Object.entries(v.tally)
                .map(([o, n]) => `${optionLabel(bundle.scenario.nodes.find((x) => x.id === r.node), o)}: ${n}`)
                .join(' · '),
            }),
            v.byRole ? h('span', { class: 'fc-small muted', text: ` (${Object.entries(v.byRole).map(([role, o]) => `${roleTitle(role)} → ${optionLabel(bundle.scenario.nodes.find((x) => x.id === r.node), o)}`).join('; ')})` }) : null,
          ),
        ),
      ),
    );
    const notes = record.flatMap((r) => r.facilitatorNotes.map((n) => ({ ...n, title: r.title })));
    replaceChildren(
      noteList,
      notes.reverse().map((n) => h('li', { attrs: { 'data-testid': 'console-private-note-entry' } }, n.title ? h('span', { class: 'fc-small muted', text: `${n.title}: ` }) : null, n.text)),
    );
  }

  function update(state: MandateStoreState): void {
    play.update(state);
    const f = facil.getState();
    // Presenter
    presenterStatus.textContent = f.presenterSeenAt ? t('facilitated.presenterConnected') : t('facilitated.presenterNone');
    blocked.hidden = !f.popupBlocked;
    blankButton.setAttribute('aria-pressed', String(f.blank));
    blankButton.textContent = f.blank ? t('facilitated.unblank') : t('facilitated.blank');
    spotlightText.textContent = f.spotlight ? t('facilitated.spotlightOn', { part: t(`facilitated.spot.${f.spotlight}`) }) : t('facilitated.spotlightNone');
    el.classList.toggle('is-blank', f.blank);
    // Countdown
    const cd = selectCountdown(state);
    cdControls.hidden = !cd || cd.held === 'off';
    if (!cd) cdStatus.textContent = t('facilitated.noCountdown');
    else if (cd.held === 'off') cdStatus.textContent = t('facilitated.countdownIsOff');
    else cdStatus.textContent = `${countdownValue(cd.remainingMs)}${cd.held === 'paused' ? ` — ${t('facilitated.paused')}` : ''}`;
    pauseButton.textContent = cd?.held === 'paused' ? t('facilitated.resume') : t('facilitated.pause');
    pauseButton.setAttribute('aria-pressed', String(cd?.held === 'paused'));
    // Per decision
    const node = scenario?.nodes.find((n) => n.id === state.snapshot?.node);
    const nodeKey = `${state.snapshot?.node ?? ''}|${state.snapshot?.done ?? false}|${state.settings.language}`;
    if (nodeKey !== lastNodeKey) {
      lastNodeKey = nodeKey;
      renderNotes(state.snapshot?.done ? undefined : node);
      renderVote(state.snapshot?.done ? undefined : node, state);
    }
    if (state.logLength !== lastLog || f.revealed !== lastRevealed) {
      lastLog = state.logLength;
      lastRevealed = f.revealed;
      renderInjects(state);
      renderRecord(state);
    }
  }
  let lastRevealed: string[] | null = null;

  const unsubscribe = facil.subscribe(() => update(store.getState()));
  update(store.getState());
  return {
    el,
    update,
    focus: () => play.focus(),
    destroy: () => {
      unsubscribe();
      play.destroy();
    },
  };
}
