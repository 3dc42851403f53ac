import { describe, expect, it } from 'vitest';
import { dayAndTime, formatRelativeTime, relativeTimeParts } from '../../src/engine';

describe('relative clock labels', () => {
  it('counts hours and minutes near the reference hour', () => {
    expect(formatRelativeTime(1800, 1800, 'H')).toBe('H+0:00');
    expect(formatRelativeTime(1665, 1800, 'H')).toBe('H-2:15');
    expect(formatRelativeTime(1800 + 47 * 60 + 59, 1800, 'H')).toBe('H+47:59');
  });

  it('switches to whole days from 48 hours away, on both sides of the reference hour', () => {
    expect(formatRelativeTime(0, 2880, 'E')).toBe('E-2 d');
    expect(formatRelativeTime(0, 81 * 1440 + 600, 'E')).toBe('E-81 d');
    expect(formatRelativeTime(120 * 1440 + 59, 0, 'E', 'j')).toBe('E+120 j');
    expect(relativeTimeParts(0, 81 * 1440 + 600, 'E')).toEqual({ label: 'E', sign: '-', days: 81, hours: 10, minutes: 0 });
    expect(relativeTimeParts(60, 0, 'H').days).toBeNull();
  });

  it('gives day and time of day from minute zero', () => {
    expect(dayAndTime(0)).toEqual({ day: 1, time: '00:00' });
    expect(dayAndTime(1440 + 75)).toEqual({ day: 2, time: '01:15' });
  });
});
