/**
 * Figures written the way the office writes them, the one place for their rounding and wording on the server (its
 * twin for the pages is web/lib/format.ts): "36.793", "167,2%", "vượt 14.793 hồ sơ so với KH". Used by the exports
 * and reports of every module.
 */

/** "1.234,5": a number the Vietnamese way (at most two decimals). */
export function viNumber(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** A percentage the Vietnamese way, rounded to one decimal and with no space before the sign: "12,5%", "20%". */
export function viPercent(n: number): string {
  return `${(Math.round(n * 10) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

/** A result against its plan: the share of the plan reached, rounded to one decimal (167.2), and the difference
 * (result − plan, rounded to two decimals: 14793, or −4400 when short of it). */
export type PlanFigures = { percent: number; difference: number };

/** The result against the plan; null without a positive plan or without a result. */
export function planFigures(result: number | null, target: number | null): PlanFigures | null {
  if (result === null || target === null || !(target > 0)) return null;
  // Rounded from the ratio scaled first, so 36.793 / 22.000 gives 167.2 whatever the binary fractions do.
  const percent = Math.round((result * 1000) / target) / 10;
  const difference = Math.round((result - target) * 100) / 100;
  return { percent, difference };
}

/** The share of a plan always with one decimal, as the office writes it: "167,2%", "80,0%". */
export function planPercent(percent: number): string {
  return `${percent.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** "đạt 167,2%, vượt 14.793 hồ sơ so với KH"; "đạt 80,0%, còn thiếu 4.400 hồ sơ so với KH"; "đạt 100,0% KH".
 * Empty when there is nothing to compare. */
export function planText(result: number | null, target: number | null, unit: string | null): string {
  const f = planFigures(result, target);
  if (!f) return '';
  const amount = (n: number) => `${viNumber(Math.abs(n))}${unit ? ` ${unit}` : ''}`;
  const reached = `đạt ${planPercent(f.percent)}`;
  if (f.difference > 0) return `${reached}, vượt ${amount(f.difference)} so với KH`;
  if (f.difference < 0) return `${reached}, còn thiếu ${amount(f.difference)} so với KH`;
  return `${reached} KH`;
}
