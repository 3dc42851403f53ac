import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../src/i18n';
import { gameDuration, relativeText } from '../../src/ui/format';
import { relativeTimeParts } from '../../src/engine';

describe('game time in words', () => {
  beforeAll(() => initI18n('en'));

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
    const c = { relative: 'E-81 d', parts: relativeTimeParts(0, 81 * 1440, 'E'), day: 1, time: '00:00' };
    expect(relativeText(c)).toBe('E\u201181 jours');
    setLanguage('en');
    expect(relativeText(c)).toBe('E\u201181 days');
  });
});
