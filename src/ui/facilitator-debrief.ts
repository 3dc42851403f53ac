/**
 * The debrief of a facilitated session: the usual debrief, plus what the room did at each decision —
 * its votes (per option and per MLT role), its rationale notes and the facilitator's notes. The same
 * entries are in the session's log, so the exported file carries them too.
 */
import { rolesOf } from '../engine';
import { scenarioText, t } from '../i18n';
import type { MandateStoreState } from '../store';
import { roomRecord, voters } from '../facilitated/room-record';
import { createDebriefView } from './debrief-view';
import { h } from './dom';
import type { View, ViewContext } from './view';

export function createFacilitatorDebriefView(ctx: ViewContext): View {
  const view = createDebriefView(ctx);
  const state = ctx.store.getState();
  const bundle = state.bundle;
  if (!bundle || !state.session) return view;
  const { scenario } = bundle;
  const sid = scenario.id;
  const record = roomRecord(bundle, state.session.log());
  const roleTitle = (id: string) => rolesOf(scenario).find((r) => r.id === id)?.title ?? id;
  const optionLabel = (nodeId: string, id: string) => {
    const o = scenario.nodes.find((n) => n.id === nodeId)?.options.find((x) => x.id === id);
    return o ? scenarioText(`${sid}:nodes.${nodeId}.options.${o.id}.label`, o.label) : id;
  };
  const section = h(
    'section',
    { class: 'panel fc-debrief', attrs: { 'aria-labelledby': 'debrief-room', 'data-testid': 'debrief-room' } },
    h('h2', { id: 'debrief-room', text: t('facilitated.debriefRoom') }),
    h('p', { class: 'muted', text: t('facilitated.debriefRoomHint') }),
    record.length
      ? h(
          'ol',
          { class: 'plain-list fc-room-list' },
          record.map((r) =>
            h(
              'li',
              { class: 'fc-room-decision' },
              h('h3', { text: r.title ? scenarioText(`${sid}:nodes.${r.node}.title`, r.title) : t('facilitated.afterPlay') }),
              r.chosen ? h('p', { text: t('facilitated.roomChose', { option: r.chosen.option === 'timeout' ? r.chosen.label : optionLabel(r.node, r.chosen.option) }) }) : null,
              r.votes.map((v) =>
                h(
                  'p',
                  { class: 'fc-room-vote', attrs: { 'data-testid': 'debrief-vote' } },
                  t('facilitated.voteLine', {
                    count: voters(v),
                    tally: Object.entries(v.tally)
                      .map(([o, n]) => `${optionLabel(r.node, o)}: ${n}`)
                      .join(' · '),
                  }),
                  v.byRole ? ` (${Object.entries(v.byRole).map(([role, o]) => `${roleTitle(role)} → ${optionLabel(r.node, o)}`).join('; ')})` : '',
                ),
              ),
              r.rationales.length
                ? h('div', null, h('h4', { text: t('facilitated.rationales') }), h('ul', { class: 'fc-list' }, r.rationales.map((n) => h('li', { attrs: { 'data-testid': 'debrief-rationale' }, text: n.text }))))
                : null,
              r.facilitatorNotes.length
                ? h(
                    'div',
                    null,
                    h('h4', { text: t('facilitated.facilitatorNotes') }),
                    h('ul', { class: 'fc-list' }, r.facilitatorNotes.map((n) => h('li', { attrs: { 'data-testid': 'debrief-facilitator-note' }, text: n.text }))),
                  )
                : null,
            ),
          ),
        )
      : h('p', { text: t('facilitated.debriefNothing') }),
  );
  (view.el.querySelector('main') ?? view.el).append(section);
  return { ...view, update: (s: MandateStoreState) => view.update(s) };
}
