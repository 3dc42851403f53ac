/**
 * The situation map panel: the lazily loaded Phaser canvas when it works, and always the same
 * content as a text list (visible when the canvas cannot be drawn, visually hidden otherwise).
 */
import { t } from '../i18n';
import { selectMapModel, type MandateStoreState } from '../store';
import type { MapModel } from '../engine';
import { h, replaceChildren, uid } from './dom';
import type { MapHandle, MapSource, ViewContext } from './view';

export interface MapPanel {
  el: HTMLElement;
  update(state: MandateStoreState): void;
  destroy(): void;
}

/** `source`: a model other than the live session's (the debrief's timeline shows a past moment). */
export function createMapPanel(ctx: ViewContext, headingLevel: 'h2' | 'h3' = 'h2', source?: MapSource): MapPanel {
  const headingId = uid('map-title');
  const canvasHost = h('div', { class: 'map-canvas', attrs: { 'data-testid': 'map-canvas', 'aria-hidden': 'true' } });
  const status = h('div', { class: 'map-status', attrs: { role: 'status' } });
  const indeterminate = h('progress', { class: 'map-progress', attrs: { 'aria-label': t('play.mapProgress') } });
  const progressText = h('span', { text: t('play.mapLoading') });
  status.append(indeterminate, progressText);
  const list = h('div', { class: 'map-list sr-only', attrs: { 'data-testid': 'map-list' } });
  const el = h(
    'section',
    { class: 'panel map-panel', attrs: { 'aria-labelledby': headingId, 'data-testid': 'map-panel' } },
    h(headingLevel, { id: headingId, text: t('play.map') }),
    canvasHost,
    status,
    list,
  );

  let handle: MapHandle | null = null;
  let destroyed = false;
  let lastModel: MapModel | null | undefined;

  ctx
    .mountMap(
      canvasHost,
      (p) => {
        // The loader's real progress, once Phaser itself has arrived.
        indeterminate.max = 1;
        indeterminate.value = Math.max(0, Math.min(1, p));
        if (p >= 1) status.hidden = true;
      },
      source,
    )
    .then((m) => {
      if (destroyed) {
        m.destroy();
        return;
      }
      handle = m;
      status.hidden = true;
      el.dataset.renderer = m.renderer;
    })
    .catch(() => {
      if (destroyed) return;
      canvasHost.hidden = true;
      replaceChildren(status, h('p', { text: t('play.mapFailed') }));
      status.hidden = false;
      status.removeAttribute('role');
      el.dataset.renderer = 'none';
      list.classList.remove('sr-only');
    });

  function renderList(model: MapModel | null): void {
    if (!model) {
      replaceChildren(list);
      return;
    }
    const placeName = new Map(model.places.map((p) => [p.id, p.name]));
    const incidents = [...model.incidents].reverse();
    replaceChildren(
      list,
      h('h4', { text: t('play.mapList') }),
      h('h5', { text: t('play.incidents') }),
      incidents.length
        ? h(
            'ul',
            { attrs: { 'data-testid': 'map-incidents' } },
            incidents.map((i) => h('li', { text: t('play.incidentAt', { title: i.title, place: placeName.get(i.place) ?? i.place }) })),
          )
        : h('p', { text: t('play.noIncidents') }),
      h('h5', { text: t('play.units') }),
      h(
        'ul',
        null,
        model.units.map((u) => h('li', { text: t('play.unitAt', { unit: u.name, place: placeName.get(u.place) ?? u.place }) })),
      ),
      model.markers.length ? h('ul', null, model.markers.map((m) => h('li', { text: `${m.label} — ${placeName.get(m.place) ?? m.place}` }))) : null,
    );
  }

  return {
    el,
    update(state) {
      const model = source ? source.getModel() : selectMapModel(state);
      if (model !== lastModel) {
        lastModel = model;
        renderList(model);
      }
    },
    destroy() {
      destroyed = true;
      handle?.destroy();
      handle = null;
    },
  };
}
