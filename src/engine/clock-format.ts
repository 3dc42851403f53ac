/** Formats in-game minutes relative to the scenario's reference hour: "H-30:00", "H+2:15". */
export function formatRelativeTime(minutes: number, zero: number, label: string): string {
  const d = minutes - zero;
  const sign = d < 0 ? '-' : '+';
  const abs = Math.abs(d);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${label}${sign}${h}:${String(m).padStart(2, '0')}`;
}

/** Day and time of day of in-game minutes, counting from day 1 at 00:00. */
export function dayAndTime(minutes: number): { day: number; time: string } {
  const day = Math.floor(minutes / 1440) + 1;
  const rem = ((minutes % 1440) + 1440) % 1440;
  return { day, time: `${String(Math.floor(rem / 60)).padStart(2, '0')}:${String(rem % 60).padStart(2, '0')}` };
}
