import { describe, expect, it } from 'vitest';
import type { Counts } from '../work/index.ts';
import { resultsText } from './programme.report.ts';

const counts = (c: Partial<Counts>): Counts => ({
  total: 0,
  done: 0,
  onTime: 0,
  late: 0,
  awaiting: 0,
  overdue: 0,
  open: 0,
  progress: 0,
  ...c,
});

describe('the report in words', () => {
  it('writes "không có" for none, never "00 nhiệm vụ", and counts the work waiting for acceptance apart', () => {
    expect(
      resultsText(counts({ total: 20, done: 15, onTime: 15, awaiting: 2, open: 3, progress: 91.25 }), '2026-12-07'),
    ).toBe(
      'Tính đến ngày 07/12/2026, đã hoàn thành 15 nhiệm vụ (đạt 75%), đều đúng hạn; không có nhiệm vụ quá hạn chưa hoàn thành; 02 nhiệm vụ đã báo cáo hoàn thành, đang chờ nghiệm thu; 03 nhiệm vụ đang thực hiện. Tiến độ chung đạt 91,3%.',
    );
    expect(resultsText(counts({ total: 4, overdue: 1, open: 3, progress: 20 }), '2026-03-12')).toBe(
      'Tính đến ngày 12/03/2026, chưa có nhiệm vụ nào được nghiệm thu hoàn thành; 01 nhiệm vụ quá hạn chưa hoàn thành; 03 nhiệm vụ đang thực hiện. Tiến độ chung đạt 20%.',
    );
    const text = resultsText(counts({ total: 3, done: 3, onTime: 2, late: 1, progress: 100 }), '2026-12-31');
    expect(text).toContain('trong đó 02 nhiệm vụ hoàn thành đúng hạn, 01 nhiệm vụ hoàn thành sau hạn');
    expect(text).not.toMatch(/\b00\b/);
  });
});
