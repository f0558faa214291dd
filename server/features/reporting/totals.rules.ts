/**
 * How totals read from report_totals (or a village's own values) become one figure: the tree aggregation inside each
 * period the values were reported for (a "slot", first..last month), then the time aggregation across the slots of
 * the range asked. Pure: no I/O.
 */

export type TreeAggregation = 'sum' | 'average' | 'max' | 'none';
export type TimeAggregation = 'sum' | 'average' | 'max' | 'last' | 'none';

/** The rows of one slot (summed over nodes and stripes, or not yet). */
export type SlotRow = { firstMonth: number; lastMonth: number; sum: number; count: number; max: number | null };

type Slot = { firstMonth: number; lastMonth: number; sum: number; count: number; max: number | null };

/** Rows of several nodes and stripes added up per slot. */
export function slotsOf(rows: readonly SlotRow[]): Slot[] {
  const bySlot = new Map<string, Slot>();
  for (const r of rows) {
    if (r.count <= 0) continue;
    const key = `${r.firstMonth}:${r.lastMonth}`;
    const s = bySlot.get(key);
    if (!s) bySlot.set(key, { ...r });
    else {
      s.sum += r.sum;
      s.count += r.count;
      s.max = s.max === null ? r.max : r.max === null ? s.max : Math.max(s.max, r.max);
    }
  }
  return [...bySlot.values()].sort((a, b) => a.lastMonth - b.lastMonth || a.firstMonth - b.firstMonth);
}

function treeValue(tree: TreeAggregation, s: Slot): number | null {
  switch (tree) {
    case 'sum':
    case 'none':
      return s.sum;
    case 'average':
      return s.count > 0 ? s.sum / s.count : null;
    case 'max':
      return s.max;
  }
}

/**
 * The figure of a range from its slots: sum adds the periods, average is the mean of the periods' values, max the
 * greatest, last the value of the latest period that has one ("tính đến"), none only a period equal to the range.
 * Null when no slot has a value. (Tree aggregation `none` — the unit's own value — is read from the unit's own
 * values by the caller, then summed here like `sum`.)
 */
export function aggregate(
  rule: { tree: TreeAggregation; time: TimeAggregation },
  rows: readonly SlotRow[],
  range: { firstMonth: number; lastMonth: number },
): number | null {
  const slots = slotsOf(rows);
  const values = slots
    .map((s) => ({ s, v: treeValue(rule.tree, s) }))
    .filter((x): x is { s: Slot; v: number } => x.v !== null);
  if (values.length === 0) return null;
  switch (rule.time) {
    case 'sum':
      return tidy(values.reduce((a, x) => a + x.v, 0));
    case 'average':
      return tidy(values.reduce((a, x) => a + x.v, 0) / values.length);
    case 'max':
      return Math.max(...values.map((x) => x.v));
    case 'last': {
      const latest = values.at(-1)!.s.lastMonth;
      const last = values.filter((x) => x.s.lastMonth === latest);
      // slots ending together (a monthly and a quarterly report): the longest period, as it holds the others
      const longest = Math.min(...last.map((x) => x.s.firstMonth));
      return tidy(last.filter((x) => x.s.firstMonth === longest).reduce((a, x) => a + x.v, 0));
    }
    case 'none': {
      const exact = values.filter((x) => x.s.firstMonth === range.firstMonth && x.s.lastMonth === range.lastMonth);
      return exact.length ? tidy(exact.reduce((a, x) => a + x.v, 0)) : null;
    }
  }
}

/** Rounds away binary noise of decimal sums (0.1 + 0.2), keeping 6 decimals. */
export function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The reports that fed a figure: the values counted (one per report and slot). */
export function countOf(rows: readonly SlotRow[]): number {
  return rows.reduce((a, r) => a + Math.max(r.count, 0), 0);
}

/**
 * Splits a whole into parts proportional to weights, rounded to `decimals` so that the parts add up exactly to the
 * whole (largest remainder; ties to the earlier part). Equal parts when every weight is 0.
 */
export function splitLargestRemainder(total: number, weights: readonly number[], decimals = 0): number[] {
  if (weights.length === 0) return [];
  const scale = 10 ** decimals;
  const units = Math.round(total * scale);
  const sumW = weights.reduce((a, w) => a + Math.max(w, 0), 0);
  const shares = weights.map((w) => (sumW > 0 ? (Math.max(w, 0) * units) / sumW : units / weights.length));
  const floors = shares.map((s) => Math.floor(s + 1e-9));
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => ({ i, r: s - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    floors[o.i]! += 1;
    left--;
  }
  return floors.map((f) => f / scale);
}
