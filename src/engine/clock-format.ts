/** At or beyond this distance from the reference hour, relative times are counted in days. */
export const DAYS_FROM_MINUTES = 2 * 24 * 60;

/** A time relative to the scenario's reference hour, in parts, so each language can word it. */
export interface RelativeTimeParts {
  label: string;
  sign: '-' | '+';
  /** Whole days, when the time is 48 hours or more from the reference hour; otherwise null. */
  days: number | null;
  hours: number;
  minutes: number;
}

export function relativeTimeParts(minutes: number, zero: number, label: string): RelativeTimeParts {
  const d = minutes - zero;
  const sign = d < 0 ? '-' : '+';
  const abs = Math.abs(d);
  if (abs >= DAYS_FROM_MINUTES) {
    return { label, sign, days: Math.floor(abs / 1440), hours: Math.floor((abs % 1440) / 60), minutes: abs % 60 };
  }
  return { label, sign, days: null, hours: Math.floor(abs / 60), minutes: abs % 60 };
}

/**
 * Formats in-game minutes relative to the scenario's reference hour: "H-30:00", "H+2:15"; from 48 hours
 * away in whole days ("E-81 d"), since hours are unreadable for scenarios that run over weeks.
 */
export function formatRelativeTime(minutes: number, zero: number, label: string, dayUnit = 'd'): string {
  return formatRelativeParts(relativeTimeParts(minutes, zero, label), dayUnit);
}

/** The same, from parts already computed. */
export function formatRelativeParts(p: RelativeTimeParts, dayUnit = 'd'): string {
  if (p.days !== null) return `${p.label}${p.sign}${p.days} ${dayUnit}`;
  return `${p.label}${p.sign}${p.hours}:${String(p.minutes).padStart(2, '0')}`;
}

/** Day and time of day of in-game minutes, counting from day 1 at 00:00. */
export function dayAndTime(minutes: number): { day: number; time: string } {
  const day = Math.floor(minutes / 1440) + 1;
  const rem = ((minutes % 1440) + 1440) % 1440;
  return { day, time: `${String(Math.floor(rem / 60)).padStart(2, '0')}:${String(rem % 60).padStart(2, '0')}` };
}
