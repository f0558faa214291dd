import { AppError, invalid } from '../../http/errors.ts';
import { planFigures } from '../../i18n/figures.ts';
import type { ReportingRequest } from './reporting.scope.ts';
import * as bRepo from './totals.breakdown.repository.ts';
import * as repo from './totals.repository.ts';
import { figuresAt, type Place } from './totals.service.ts';

type Range = { firstMonth: number; lastMonth: number };
type ShareCell = { value: number | null; share: number | null };

/** A part's share of the whole in %, rounded as the % of a plan is (one decimal); null without both or a whole ≤ 0. */
export function shareOf(value: number | null, whole: number | null): number | null {
  return planFigures(value, whole)?.percent ?? null;
}

/**
 * The breakdown of a pivot: an indicator split by organisation, its figure for each organisation (body kind) that
 * has reported a part of it, on every row of the pivot (rows sharing a range read together) and over the unit and
 * the whole range, each with its share of the whole (category ''). 404 for an unknown indicator, 400 for one not
 * split by organisation.
 */
export async function pivotBreakdown(
  r: ReportingRequest,
  code: string,
  rows: { ranges: Range[]; placesOf: (rg: Range, rows: number[]) => Promise<Place[]> },
  root: { place: Place; range: Range },
) {
  const q = r.app.db;
  const [ind] = await repo.indicatorsBy(q, { codes: [code] });
  if (!ind) throw new AppError('NOT_FOUND', { field: 'breakdown' });
  if (ind.breakdown !== 'organisation') throw invalid('breakdown', 'validation.categoryNotAllowed');
  const kinds = await bRepo.categoriesOf(q, ind.id);
  const categories = ['', ...kinds.map((k) => k.code)];

  // values[c][row]: category c ('' the whole first) on each row
  const values: (number | null)[][] = categories.map(() => rows.ranges.map(() => null));
  const groups = new Map<string, number[]>();
  rows.ranges.forEach((rg, i) => {
    const key = `${rg.firstMonth}:${rg.lastMonth}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  for (const idx of groups.values()) {
    const rg = rows.ranges[idx[0]!]!;
    const places = await rows.placesOf(rg, idx);
    const read = await Promise.all(categories.map((c) => figuresAt(q, [ind], places, rg, c)));
    read.forEach((figures, c) => idx.forEach((i, k) => (values[c]![i] = figures[k]!.get(ind.id)?.value ?? null)));
  }
  const totals = await Promise.all(
    categories.map(
      async (c) => (await figuresAt(q, [ind], [root.place], root.range, c))[0]!.get(ind.id)?.value ?? null,
    ),
  );

  const [wholeCells, ...partCells] = values;
  const [wholeTotal, ...partTotals] = totals;
  const cell = (value: number | null, whole: number | null): ShareCell => ({ value, share: shareOf(value, whole) });
  return {
    indicator: { code: ind.code, name: ind.name, measure: ind.measure },
    whole: { total: wholeTotal ?? null, cells: wholeCells! },
    categories: kinds.map((k, c) => ({
      code: k.code,
      name: k.name,
      short: k.short,
      total: cell(partTotals[c] ?? null, wholeTotal ?? null),
      cells: partCells[c]!.map((v, i) => cell(v, wholeCells![i] ?? null)),
    })),
  };
}
