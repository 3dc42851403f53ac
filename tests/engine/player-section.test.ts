import { describe, expect, it } from 'vitest';
import { playerSection } from '../../src/engine/index';

describe('playerSection()', () => {
  it.each([
    ['ch.4 (box, D. Corner, DSRSG MINUSCA); also in 003', '2020 Ch.4'],
    ['4.2.6; ch.6 summary; 2010: 4.3.6 (Balancing the protection of UN personnel)', '2020 §4.2.6; 2020 Ch.6 summary; 2010 §4.3.6'],
    ['1.3 (list) — new in 2020, no 2010 equivalent', '2020 §1.3'],
    ['Introduction (Principles of United Nations peacekeeping); 2010: Introduction', '2020 Introduction; 2010 Introduction'],
  ])('turns %j into %j, dropping editorial notes and names', (input, expected) => {
    expect(playerSection(input)).toBe(expected);
  });
});
