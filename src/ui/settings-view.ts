/** Settings: language, countdown, text size, reduced motion, sound. Applied and saved at once. */
import { formatPercent, htmlLang, isPseudoLanguage, LANGUAGES, PSEUDO_LANGUAGES, t, textDirection, type UiLanguage } from '../i18n';
import type { CountdownMode, MandateStoreState, Settings, TextSize } from '../store';
import { h, uid } from './dom';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';

export function createSettingsView(ctx: ViewContext): View {
  const { store } = ctx;
  const { actions } = store.getState();
  const s0: Settings = store.getState().settings;
  const heading = h('h1', { text: t('settings.heading'), attrs: { tabindex: '-1' } });

  function radios<T extends string | number>(name: string, legend: string, values: readonly T[], current: T, label: (v: T) => string, onPick: (v: T) => void, help?: string, labelLang?: (v: T) => string) {
    const helpId = help ? uid('help') : null;
    return h(
      'fieldset',
      { class: 'panel field-group', attrs: { 'aria-describedby': helpId, 'data-testid': `setting-${name}` } },
      h('legend', { text: legend }),
      help && helpId ? h('p', { id: helpId, class: 'muted small', text: help }) : null,
      h(
        'div',
        { class: 'radio-row' },
        values.map((v) => {
          const id = uid(name);
          return h(
            'div',
            { class: 'radio' },
            h('input', { id, attrs: { type: 'radio', name, value: String(v) }, props: { checked: v === current }, on: { change: () => onPick(v) } }),
            // A language's name is in that language (lang and dir, so it is voiced and shaped right).
            h('label', { attrs: { for: id, lang: labelLang?.(v) ?? null, dir: labelLang ? textDirection(labelLang(v)) : null }, text: label(v) }),
          );
        }),
      ),
    );
  }

  function checkbox(name: string, label: string, checked: boolean, onChange: (v: boolean) => void, help?: string) {
    const id = uid(name);
    const helpId = help ? uid('help') : null;
    return h(
      'div',
      { class: 'check' },
      h('input', { id, attrs: { type: 'checkbox', 'aria-describedby': helpId, 'data-testid': `setting-${name}` }, props: { checked }, on: { change: (e) => onChange((e.target as HTMLInputElement).checked) } }),
      h('label', { attrs: { for: id }, text: label }),
      help && helpId ? h('p', { id: helpId, class: 'muted small', text: help }) : null,
    );
  }

  const volumeId = uid('volume');
  const volume = h('input', {
    id: volumeId,
    attrs: { type: 'range', min: '0', max: '100', step: '5', 'data-testid': 'setting-volume' },
    props: { value: String(Math.round(s0.sound.volume * 100)) },
    on: { input: () => actions.updateSettings({ sound: { volume: Number(volume.value) / 100 } }) },
  });
  const volumeOut = h('output', { attrs: { for: volumeId }, text: formatPercent(Math.round(s0.sound.volume * 100)) });
  // The six languages, each in its own name. Pseudo-locales (for layout tests) only in development,
  // with ?pseudo=1, or when one is already on (so a tester can switch back).
  const showPseudo = import.meta.env.DEV || new URLSearchParams(location.search).get('pseudo') === '1' || isPseudoLanguage(s0.language);
  const languages: readonly UiLanguage[] = showPseudo ? [...LANGUAGES, ...PSEUDO_LANGUAGES] : LANGUAGES;

  const el = h(
    'div',
    { class: 'screen screen-settings' },
    siteHeader(store, { current: 'settings' }),
    h(
      'main',
      { id: 'main', class: 'page page-narrow', attrs: { tabindex: '-1' } },
      heading,
      h(
        'form',
        { class: 'settings', on: { submit: (e) => e.preventDefault() } },
        radios('language', t('settings.language'), languages, s0.language, (l) => t(`lang.${l}`), (l) => actions.updateSettings({ language: l }), undefined, (l) => (isPseudoLanguage(l) ? 'en' : htmlLang(l))),
        radios<CountdownMode>('countdown', t('settings.countdown'), ['off', 'normal', 'extended'], s0.countdown, (m) => t(`settings.${m}`), (m) => actions.updateSettings({ countdown: m }), t('settings.countdownHelp')),
        radios<TextSize>('text-size', t('settings.textSize'), [100, 125, 150], s0.textSize, (v) => formatPercent(v), (v) => actions.updateSettings({ textSize: v })),
        h('fieldset', { class: 'panel field-group' }, h('legend', { text: t('settings.reducedMotion') }), checkbox('reduced-motion', t('settings.reducedMotion'), s0.reducedMotion, (v) => actions.updateSettings({ reducedMotion: v }), t('settings.reducedMotionHelp'))),
        h('fieldset', { class: 'panel field-group' }, h('legend', { text: t('settings.contrast') }), checkbox('high-contrast', t('settings.highContrast'), Boolean(s0.highContrast), (v) => actions.updateSettings({ highContrast: v }), t('settings.highContrastHelp'))),
        h(
          'fieldset',
          { class: 'panel field-group', attrs: { 'data-testid': 'setting-sound' } },
          h('legend', { text: t('settings.sound') }),
          checkbox('mute', t('settings.mute'), s0.sound.muted, (v) => actions.updateSettings({ sound: { muted: v } })),
          h('div', { class: 'field range' }, h('label', { attrs: { for: volumeId }, text: t('settings.volume') }), volume, volumeOut),
          checkbox('ambience', t('settings.ambience'), s0.sound.ambience, (v) => actions.updateSettings({ sound: { ambience: v } })),
          h('p', { class: 'muted small', text: t('settings.captionsNote') }),
        ),
        h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', attrs: { type: 'button', 'data-testid': 'settings-done' }, text: t('settings.done'), on: { click: () => actions.back() } })),
      ),
    ),
  );

  return {
    el,
    update: (s: MandateStoreState) => {
      volumeOut.textContent = formatPercent(Math.round(s.settings.sound.volume * 100));
    },
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}
