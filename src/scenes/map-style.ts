/**
 * The situation map's look: a dark operational map with light labels on dark halos, UN blue for
 * the mission, faction colours for other actors and warm colours for incidents. Sizes are in CSS
 * pixels at UI scale 1; the scene multiplies them by its pixel factor.
 */
/** Latin first (place names), then the self-hosted families of the UI languages (src/i18n/fonts.ts). */
export const FONT = '"Liberation Sans", Arial, "Noto Sans Arabic", "Noto Sans SC", "Noto Sans", sans-serif';

export const COLOR = {
  background: 0x0a101b,
  graticule: 0x1a2638,
  country: 0x162131,
  border: 0xd6deea,
  borderHalo: 0x9fb4d0,
  regionLine: 0x71829b,
  lake: 0x1c4a78,
  lakeEdge: 0x4d8fd1,
  river: 0x4d8fd1,
  highway: 0xf0b45a,
  road: 0xd9c49a,
  track: 0xa89f8a,
  settlement: 0xf4f6fa,
  village: 0xcfd6e0,
  outline: 0x0a101b,
  unBlue: 0x5b92e5,
  unFill: 0x1f5fa8,
  unEdge: 0xa9c8f5,
  idp: 0xf2a541,
  airfield: 0x9aa5b1,
  panel: 0x0d1524,
  panelEdge: 0x3a4a63,
  insetEdge: 0xe8edf5,
} as const;

/** Text colours (CSS strings for Phaser Text). */
export const INK = {
  halo: '#0a101b',
  settlement: '#f4f6fa',
  village: '#d5dce6',
  quarter: '#bac5d4',
  site: '#c9daf5',
  region: '#93a6c2',
  water: '#9ccaff',
  muted: '#a7b3c4',
  title: '#f4f6fa',
} as const;

/** Subtle region tints, cycled in region order. */
export const REGION_TINTS = [0x2b3d57, 0x2d4234, 0x3b3552, 0x45402c, 0x27454a, 0x4a3236] as const;

/** Incident colours by kind (the engine's incident kinds). */
export const INCIDENT_COLOR: Record<string, number> = {
  violence: 0xff4d4d,
  strike: 0xff4d4d,
  movement: 0xff9f43,
  displacement: 0xf2a541,
  protest: 0xffd166,
  disinformation: 0xc792ea,
  meeting: 0x5fd3a6,
};
export const INCIDENT_DEFAULT = 0xff4d4d;

export function hexToNumber(hex: string, fallback: number): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m?.[1] ? parseInt(m[1], 16) : fallback;
}

export function numberToCss(n: number): string {
  return `#${n.toString(16).padStart(6, '0')}`;
}
