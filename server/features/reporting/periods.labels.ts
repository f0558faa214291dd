import { idOfMonths, monthOf, yearOf, type Period } from './periods.ts';

/**
 * A period's name as Vietnamese reports write it: "Tháng 11/2021", "Quý III/2021", "6 tháng đầu năm 2021",
 * "6 tháng cuối năm 2021", "9 tháng năm 2021", "Năm 2021"; any other run of months "Từ tháng 2/2021 đến tháng
 * 5/2021". Named by its months, not its id, so that `202101..202103` reads as the quarter it is.
 */
export function periodLabel(p: Period): string {
  const { firstMonth: first, lastMonth: last } = p;
  const y = yearOf(first);
  const id = idOfMonths(first, last);
  if (id && !id.includes('..')) {
    if (/^\d{4}$/.test(id)) return `Năm ${y}`;
    if (/S1$/.test(id)) return `6 tháng đầu năm ${y}`;
    if (/S2$/.test(id)) return `6 tháng cuối năm ${y}`;
    const q = /Q([1-4])$/.exec(id);
    if (q) return `Quý ${ROMAN[Number(q[1]) - 1]}/${y}`;
    return `Tháng ${monthOf(first)}/${y}`;
  }
  if (monthOf(first) === 1 && last === first + 8) return `9 tháng năm ${y}`;
  return `Từ tháng ${monthOf(first)}/${y} đến tháng ${monthOf(last)}/${yearOf(last)}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
