/**
 * Printable documents for facilitated play, from the scenario alone (no session): the role handouts
 * (one page per MLT role, with its private brief) and the prep pack (the facilitator's script: every
 * decision with its options, trade-offs, prompts, teaching points, sources and timings; the role briefs;
 * the optional and role-private injects). Text goes in as text, never markup.
 */
import { facilitatorNotesFor, isRolePrivate, optionalInjects, rolesOf, type Inject, type ScenarioBundle } from '../engine';
import { scenarioText, t } from '../i18n';
import { clockView } from '../store';
import { h } from './dom';
import { eventTime, gameDuration } from './format';

export type PrintKind = 'handouts' | 'prep';

export function createHandouts(bundle: ScenarioBundle): HTMLElement {
  const { scenario } = bundle;
  const sid = scenario.id;
  const title = scenarioText(`${sid}:title`, scenario.title);
  const roles = rolesOf(scenario);
  if (!roles.length) return h('main', { id: 'main', class: 'print-doc', attrs: { 'data-testid': 'handouts' } }, h('h1', { text: title }), h('p', { text: t('facilitated.noRoles') }));
  return h(
    'main',
    { id: 'main', class: 'print-doc print-handouts', attrs: { 'data-testid': 'handouts' } },
    roles.map((r) => {
      const seat = r.seat ? scenario.seats.find((s) => s.id === r.seat) : undefined;
      return h(
        'article',
        { class: 'print-page handout', attrs: { 'data-testid': `handout-${r.id}` } },
        h('p', { class: 'print-eyebrow', text: t('facilitated.handoutEyebrow', { title }) }),
        h('h1', { text: scenarioText(`${sid}:roles.${r.id}.title`, r.title) }),
        h('p', { class: 'print-confidential', text: t('facilitated.handoutConfidential', { role: r.title }) }),
        seat ? h('p', { class: 'print-muted', text: t('facilitated.handoutSeat', { seat: seat.title }) }) : null,
        h('h2', { text: t('facilitated.handoutBrief') }),
        h('p', { class: 'print-prose', text: r.brief ? scenarioText(`${sid}:roles.${r.id}.brief`, r.brief) : t('facilitated.handoutNoBrief') }),
        h('h2', { text: t('briefing.mandate') }),
        h('p', { class: 'print-prose', text: scenarioText(`${sid}:briefing.mandate`, scenario.briefing.mandate) }),
        h('p', { class: 'print-footer', text: t('facilitated.handoutFooter') }),
      );
    }),
  );
}

function injectTiming(bundle: ScenarioBundle, i: Inject): string {
  if (i.optional || i.manual) return t('facilitated.prepWhenFired');
  return i.at !== undefined ? eventTime(clockView(bundle, i.at)) : t('facilitated.prepOnCondition');
}

export function createPrepPack(bundle: ScenarioBundle): HTMLElement {
  const { scenario } = bundle;
  const sid = scenario.id;
  const title = scenarioText(`${sid}:title`, scenario.title);
  const roles = rolesOf(scenario);
  const roleTitle = (id: string) => roles.find((r) => r.id === id)?.title ?? id;
  const decisions = scenario.nodes.filter((n) => n.kind === 'decision');
  const totalMinutes = decisions.reduce((sum, n) => sum + (facilitatorNotesFor(scenario, n.id)?.minutes ?? 0), 0);
  const optional = optionalInjects(scenario);
  const privates = scenario.injects.filter(isRolePrivate);

  return h(
    'main',
    { id: 'main', class: 'print-doc print-prep', attrs: { 'data-testid': 'prep-pack' } },
    h(
      'section',
      { class: 'print-page print-cover' },
      h('p', { class: 'print-eyebrow', text: t('facilitated.prepEyebrow') }),
      h('h1', { text: title }),
      scenario.subtitle ? h('p', { class: 'print-lead', text: scenarioText(`${sid}:subtitle`, scenario.subtitle) }) : null,
      h('p', { class: 'print-prose', text: scenarioText(`${sid}:summary`, scenario.summary) }),
      h(
        'dl',
        { class: 'print-facts' },
        h('dt', { text: t('facilitated.prepSetting') }),
        h('dd', { text: scenario.setting }),
        h('dt', { text: t('facilitated.prepDuration') }),
        h('dd', { text: t('facilitated.prepMinutes', { minutes: scenario.durationMinutes, discussion: totalMinutes }) }),
        h('dt', { text: t('facilitated.prepDecisions') }),
        h('dd', { text: String(decisions.length) }),
        h('dt', { text: t('facilitated.prepSeats') }),
        h('dd', { text: scenario.seats.map((s) => s.title).join(', ') }),
        h('dt', { text: t('facilitated.prepRoles') }),
        h('dd', { text: roles.length ? roles.map((r) => r.title).join(', ') : t('facilitated.noRoles') }),
      ),
      h('h2', { text: t('briefing.mandate') }),
      h('p', { class: 'print-prose', text: scenarioText(`${sid}:briefing.mandate`, scenario.briefing.mandate) }),
      h('h2', { text: t('briefing.situation') }),
      h('p', { class: 'print-prose', text: scenarioText(`${sid}:briefing.situation`, scenario.briefing.situation) }),
    ),
    h(
      'section',
      { class: 'print-section' },
      h('h2', { class: 'print-part', text: t('facilitated.prepDecisionsHeading') }),
      decisions.map((n, index) => {
        const notes = facilitatorNotesFor(scenario, n.id);
        const tradeoff = (option: string) => notes?.tradeoffs.find((x) => x.option === option)?.text;
        return h(
          'article',
          { class: 'print-decision', attrs: { 'data-testid': `prep-${n.id}` } },
          h('h3', { text: t('facilitated.prepDecision', { number: index + 1, title: scenarioText(`${sid}:nodes.${n.id}.title`, n.title) }) }),
          h(
            'p',
            { class: 'print-muted' },
            [
              notes?.minutes ? t('facilitated.suggestedTime', { minutes: notes.minutes }) : null,
              n.deadline !== undefined ? t('facilitated.prepGameDeadline', { duration: gameDuration(n.deadline) }) : null,
              n.realTimeSeconds ? t('facilitated.prepCountdown', { seconds: n.realTimeSeconds }) : null,
              n.owners?.length ? t('facilitated.prepOwner', { seat: n.owners.map((o) => scenario.seats.find((s) => s.id === o)?.title ?? o).join(', ') }) : null,
            ]
              .filter(Boolean)
              .join(' · '),
          ),
          n.text ? h('p', { class: 'print-prose', text: scenarioText(`${sid}:nodes.${n.id}.text`, n.text) }) : null,
          h('h4', { text: t('play.options') }),
          h(
            'ol',
            { class: 'print-options' },
            n.options.map((o) =>
              h(
                'li',
                null,
                h('strong', { text: scenarioText(`${sid}:nodes.${n.id}.options.${o.id}.label`, o.label) }),
                o.text ? h('span', { text: ` — ${scenarioText(`${sid}:nodes.${n.id}.options.${o.id}.text`, o.text)}` }) : null,
                tradeoff(o.id) ? h('p', { class: 'print-tradeoff', text: t('facilitated.prepTradeoff', { text: tradeoff(o.id) ?? '' }) }) : null,
              ),
            ),
          ),
          n.timeout ? h('p', { class: 'print-muted', text: t('play.timeoutNote', { title: n.timeout.title }) }) : null,
          notes
            ? [
                notes.roles?.length ? h('p', { class: 'print-muted', text: t('facilitated.askFirst', { roles: notes.roles.map(roleTitle).join(', ') }) }) : null,
                h('h4', { text: t('facilitated.prompts') }),
                h('ol', null, notes.prompts.map((p) => h('li', { text: p }))),
                notes.teaching.length ? [h('h4', { text: t('facilitated.teaching') }), h('ul', null, notes.teaching.map((p) => h('li', { text: p })))] : null,
                notes.cites.length ? h('p', { class: 'print-muted', text: t('facilitated.cites', { cites: notes.cites.join(' · ') }) }) : null,
              ]
            : h('p', { class: 'print-muted', text: t('facilitated.noNotes') }),
        );
      }),
    ),
    h(
      'section',
      { class: 'print-section' },
      h('h2', { class: 'print-part', text: t('facilitated.optionalInjects') }),
      optional.length
        ? h(
            'ul',
            { class: 'print-injects' },
            optional.map((i) =>
              h(
                'li',
                { attrs: { 'data-testid': `prep-inject-${i.id}` } },
                h('strong', { text: scenarioText(`${sid}:injects.${i.id}.title`, i.title) }),
                h('span', { class: 'print-muted', text: ` — ${t(`channel.${i.channel}`)} · ${i.from}` }),
                i.purpose ? h('p', { text: t('facilitated.prepPurpose', { text: i.purpose }) }) : null,
                h('p', { class: 'print-quote', text: scenarioText(`${sid}:injects.${i.id}.text`, i.text) }),
              ),
            ),
          )
        : h('p', { text: t('facilitated.noOptionalInjects') }),
      h('h2', { class: 'print-part', text: t('facilitated.privateInjects') }),
      privates.length
        ? h(
            'ul',
            { class: 'print-injects' },
            privates.map((i) =>
              h(
                'li',
                null,
                h('strong', { text: scenarioText(`${sid}:injects.${i.id}.title`, i.title) }),
                h('span', { class: 'print-muted', text: ` — ${t('facilitated.forRoles', { roles: (i.roles ?? []).map(roleTitle).join(', ') })} · ${injectTiming(bundle, i)}` }),
                h('p', { class: 'print-quote', text: scenarioText(`${sid}:injects.${i.id}.text`, i.text) }),
              ),
            ),
          )
        : h('p', { text: t('facilitated.noPrivateInjects') }),
    ),
    h(
      'section',
      { class: 'print-section' },
      h('h2', { class: 'print-part', text: t('facilitated.prepRoleBriefs') }),
      roles.length
        ? roles.map((r) => h('article', { class: 'print-role' }, h('h3', { text: r.title }), h('p', { class: 'print-prose', text: r.brief ?? t('facilitated.handoutNoBrief') })))
        : h('p', { text: t('facilitated.noRoles') }),
    ),
  );
}
