/**
 * Starting facilitated play from the library (kept tiny: it is on the first screen). The click opens
 * the presenter window at once — browsers allow `window.open` only during the click — and then
 * turns this window into the facilitator console. Where the pop-up is blocked, the console says so
 * and shows the presenter's address to open by hand.
 */
export const PRESENTER_WINDOW = 'mandate-presenter';

export function presenterUrl(): string {
  // `?nomap=1` (the DOM-only map, for tests and machines without WebGL) carries over to the presenter.
  const nomap = new URLSearchParams(location.search).get('nomap') === '1';
  return `${location.pathname}?view=presenter${nomap ? '&nomap=1' : ''}`;
}

export function launchFacilitated(scenarioId: string, seat: string | undefined): void {
  let opened: Window | null;
  try {
    opened = window.open(presenterUrl(), PRESENTER_WINDOW);
  } catch {
    opened = null;
  }
  const q = new URLSearchParams({ console: 'new', scenario: scenarioId });
  if (new URLSearchParams(location.search).get('nomap') === '1') q.set('nomap', '1');
  if (seat) q.set('seat', seat);
  if (!opened) q.set('popup', 'blocked');
  location.assign(`${location.pathname}?${q.toString()}`);
}
