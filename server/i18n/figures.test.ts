import { describe, expect, it } from 'vitest';
import { planFigures, planText, viNumber, viPercent } from './figures.ts';

describe('figures as the office writes them', () => {
  it('a result against its plan: the share to one decimal and the difference, above or below', () => {
    // "đã hỗ trợ được 36.793 hồ sơ trực tuyến (vượt 14.793 hồ sơ so với KH)", for a plan of 22.000
    expect(planFigures(36793, 22000)).toEqual({ percent: 167.2, difference: 14793 });
    expect(planText(36793, 22000, 'hồ sơ')).toBe('đạt 167,2%, vượt 14.793 hồ sơ so với KH');
    expect(planText(17600, 22000, 'hồ sơ')).toBe('đạt 80,0%, còn thiếu 4.400 hồ sơ so với KH');
    expect(planText(1500, 1500, 'hộ')).toBe('đạt 100,0% KH');
    expect(planText(2.5, 2, null)).toBe('đạt 125,0%, vượt 0,5 so với KH');
    // Rounded half up at the first decimal: 2/3 → 66,7%.
    expect(planFigures(2, 3)).toEqual({ percent: 66.7, difference: -1 });
    for (const [result, target] of [
      [null, 100],
      [5, null],
      [5, 0],
    ] as const)
      expect([planFigures(result, target), planText(result, target, 'hộ')]).toEqual([null, '']);
  });

  it('numbers and percentages the Vietnamese way, with no space before the sign', () => {
    expect(viNumber(36793)).toBe('36.793');
    expect(viNumber(1234.567)).toBe('1.234,57');
    expect(viPercent(99.89)).toBe('99,9%');
    expect(viPercent(40)).toBe('40%');
  });
});
