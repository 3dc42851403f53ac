/** Small formatting helpers shared by views. All wording goes through t(). */
import { t } from '../i18n';
import type { ClockView } from '../store';

export function clockText(c: ClockView): string {
  return t('play.clockValue', { relative: relativeText(c), day: c.day, time: c.time });
}

/** "H-2:15", or from 48 hours away "E-81 d" worded in the UI language; kept on one line. */
export function relativeText(c: ClockView): string {
  const p = c.parts;
  if (p.days === null) return noBreak(c.relative);
  return noBreak(t('play.relativeDays', { label: p.label, sign: p.sign, count: p.days }));
}

/** "1:05" from milliseconds (rounded up, so 0:00 only when time is out). */
export function countdownValue(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Where a polarity position stands, in words (positions run -100 pole A .. 100 pole B). */
export function positionWords(position: number, band: number, poleA: string, poleB: string): string {
  const abs = Math.abs(position);
  const pole = position < 0 ? poleA : poleB;
  if (abs <= band) return abs <= band / 2 ? t('debrief.centred') : t('debrief.slightly', { pole });
  if (abs <= band + 30) return t('debrief.toward', { pole });
  return t('debrief.far', { pole });
}

/** Keeps "H-28:00" on one line (a non-breaking hyphen). */
export function noBreak(text: string): string {
  return text.replace(/-/g, '\u2011');
}
