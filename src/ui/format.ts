/** Small formatting helpers shared by views. All wording goes through t(). */
import { t } from '../i18n';
import { formatRelativeParts } from '../engine';
import type { ClockView } from '../store';

export function clockText(c: ClockView): string {
  return t('play.clockValue', { relative: relativeText(c), day: c.day, time: c.time });
}

/**
 * A point in game time for lists (the feed, the debrief timeline): "H-2:15"; from 48 hours away the
 * days alone would give events of one day the same label, so the day and time of day follow
 * ("E-42 days, day 43 06:00").
 */
export function eventTime(c: ClockView): string {
  if (c.parts.days === null) return relativeText(c);
  // Two unbreakable halves ("E-42 days," / "day 43 06:00") that wrap, if at all, after the comma.
  return t('play.relativeAtDay', { relative: relativeText(c), day: c.day, time: c.time })
    .replace(/ /g, '\u00a0')
    .replace(/,\u00a0/, ', ');
}

/** "H-2:15", or from 48 hours away "E-81 d" worded in the UI language; kept on one line. */
export function relativeText(c: ClockView): string {
  const p = c.parts;
  if (p.days === null) return noBreak(formatRelativeParts(p));
  return noBreak(t('play.relativeDays', { label: p.label, sign: p.sign, count: p.days }));
}

/**
 * An amount of game time in words a trainee reads at a glance: "45 min", "2 h 30 min", "12 h",
 * "3 days", "2 days 6 h". Minutes are dropped from a day count; exact minutes matter only within hours.
 */
export function gameDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 120) return t('gameTime.minutes', { count: m });
  if (m < 2880) {
    const hours = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? t('gameTime.hours', { count: hours }) : t('gameTime.hoursMinutes', { hours, minutes: rest });
  }
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return hours === 0 ? t('gameTime.days', { count: days }) : t('gameTime.daysHours', { count: days, hours });
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
