import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadLanguage, setLanguage } from '../../src/i18n';
import { eventTime, gameDuration, relativeText } from '../../src/ui/format';
import { relativeTimeParts } from '../../src/engine';

describe('game time in words', () => {
  beforeAll(async () => {
    initI18n('en');
    await loadLanguage('fr');
  });

  it('reads minutes, then hours, then days, as a scenario running over weeks needs', () => {
    setLanguage('en');
    expect(gameDuration(20)).toBe('20 min');
    expect(gameDuration(119)).toBe('119 min');
    expect(gameDuration(120)).toBe('2 h');
    expect(gameDuration(150)).toBe('2 h 30 min');
    expect(gameDuration(720)).toBe('12 h');
    expect(gameDuration(2880)).toBe('2 days');
    expect(gameDuration(3240)).toBe('2 days 6 h');
    expect(gameDuration(1440 * 21 + 59)).toBe('21 days');
  });

  it('words days in French, and the relative clock label too', () => {
    setLanguage('fr');
    expect(gameDuration(3240)).toBe('2 jours 6 h');
    const c = { parts: relativeTimeParts(0, 81 * 1440, 'E'), day: 1, time: '00:00' };
    expect(relativeText(c)).toBe('E\u201181 jours');
    setLanguage('en');
    expect(relativeText(c)).toBe('E\u201181 days');
  });
});

describe('event times in lists', () => {
  beforeAll(() => initI18n('en'));
  it('keep hours near the reference hour and add the day and time of day when counted in days', () => {
    setLanguage('en');
    const near = { parts: relativeTimeParts(1665, 1800, 'H'), day: 2, time: '03:45' };
    expect(eventTime(near)).toBe('H\u20112:15');
    const far = { parts: relativeTimeParts(60480 + 360, 121320, 'E'), day: 43, time: '06:00' };
    expect(eventTime(far)).toBe('E\u201142\u00a0days, day\u00a043\u00a006:00');
  });
});
