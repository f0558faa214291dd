import { AppError } from '../../http/errors.ts';
import { translate } from '../../i18n/messages.ts';
import { unitChildren } from '../units/index.ts';
import { periodLabel } from './periods.labels.ts';
import { idOfMonths, monthEnd, monthStart, parsePeriod, samePeriodLastYear, type Period } from './periods.ts';
import type { ReportingRequest } from './reporting.scope.ts';
import { pivotBreakdown } from './totals.breakdown.service.ts';
import * as repo from './totals.repository.ts';
import {
  coverageAt,
  figuresOver,
  nodesAcross,
  nodesAcrossMany,
  placeOf,
  planOf,
  type Figure,
  type Place,
} from './totals.service.ts';

export type PivotQuery = {
  /** omitted: the whole country */
  unit?: string;
  period: string;
  indicators: string;
  by: 'units' | 'periods';
  breakdown?: string;
  asOf?: string;
};

type Row = { key: string; label: string; unitCode: string | null; periodId: string | null; drill: boolean };
type Range = { firstMonth: number; lastMonth: number };
type Cell = { value: number | null; target: number | null; partial: boolean };

/**
 * GET /pivot: indicators × rows, read from the totals only (a village's own values when a row is a village). Rows by
 * units: the unit's children on `asOf` (each read across the reform as the totals are) and the unit's own total;
 * rows by periods: the months of the range (its years when it spans more than two). Without a unit, the whole
 * country: its rows the provinces, its total theirs (for whom reads every province).
 */
export async function readPivot(r: ReportingRequest, input: PivotQuery) {
  const q = r.app.db;
  const range = parsePeriod(input.period);
  if (!range) throw new AppError('VALIDATION_FAILED', { field: 'period' });
  const codes = [...new Set(input.indicators.split(','))];
  const found = await repo.indicatorsBy(q, { codes });
  const indicators = codes.map((c) => found.find((i) => i.code === c));
  if (indicators.some((i) => !i)) throw new AppError('NOT_FOUND', { field: 'indicators' });
  const inds = indicators as repo.IndicatorRule[];
  const asOf = input.asOf ?? monthEnd(range.lastMonth);
  const country = input.unit ? null : await countryAt(r, asOf, range);
  const root = country?.place ?? (await placeOf(r, q, { unit: input.unit!, asOf, range }));

  const rows: Row[] = [];
  // the range of each row, and where the rows of one range read (one step back across the reform for all of them)
  const ranges: Range[] = [];
  let placesOf: (rg: Range, rows: number[]) => Promise<Place[]>;
  if (input.by === 'units') {
    const kids = await unitChildren(q, country ? null : root.unit.unit_id, asOf);
    for (const c of kids) {
      rows.push({ key: c.unit_id, label: c.name, unitCode: c.code, periodId: null, drill: Boolean(c.has_children) });
      ranges.push(range);
    }
    rows.push({ key: 'total', label: root.unit.name, unitCode: root.unit.code, periodId: null, drill: false });
    ranges.push(range);
    const units = [
      ...kids.map((c) => ({
        ...root.unit,
        unit_id: c.unit_id,
        code: c.code,
        name: c.name,
        level: c.level,
        path: c.path,
        valid_from: c.valid_from,
      })),
      root.unit,
    ];
    placesOf = async (rg, idx) => {
      const nodes = await nodesAcrossMany(q, country ? units.slice(0, -1) : units, asOf, monthStart(rg.firstMonth));
      if (country) nodes.set(root.unit.unit_id, wholeOf([...nodes.values()]));
      return idx.map((i) => {
        const unit = units[i]!;
        return { unit, body: null, own: unit.level > 3, nodes: nodes.get(unit.unit_id)!, day: asOf };
      });
    };
  } else {
    for (const p of rowPeriods(range)) {
      rows.push({ key: p.id, label: periodLabel(p), unitCode: null, periodId: p.id, drill: false });
      ranges.push(p);
    }
    // The place read back to the earliest month asked (the first month last year): the same period last year may
    // reach before the unit began. A node that did not report in a row's months adds nothing to it, so the rows
    // after share these nodes.
    const start = monthStart(Math.min(range.firstMonth, samePeriodLastYear(range)?.firstMonth ?? range.firstMonth));
    let nodes: Promise<Place['nodes']> | undefined;
    placesOf = async (_rg, idx) => {
      nodes ??= country
        ? nodesAcrossMany(q, country.tops, asOf, start).then((m) => wholeOf([...m.values()]))
        : nodesAcross(q, root.unit, asOf, start);
      const place = { ...root, nodes: await nodes };
      return idx.map(() => place);
    };
  }

  const now = await cellsOf(r, inds, ranges, placesOf, (x) => x);
  const lastYear = await cellsOf(r, inds, ranges, placesOf, (x) => samePeriodLastYear({ id: '', ...x }));
  const breakdown = input.breakdown
    ? await pivotBreakdown(r, input.breakdown, { ranges, placesOf }, { place: root, range })
    : null;
  return {
    unit: { code: root.unit.code, name: root.unit.name },
    rows,
    indicators: inds.map((i) => ({ code: i.code, name: i.name, measure: i.measure })),
    cells: now.map((row, ri) =>
      row.map((c, ci) => {
        const plan = planOf(c.value, c.target);
        return {
          value: c.value,
          target: plan.target,
          percent: plan.percentOfTarget,
          difference: plan.difference,
          partial: c.partial,
          lastYear: lastYear[ri]![ci]!.value,
        };
      }),
    ),
    breakdown,
  };
}

/** The nil UUID: the whole country has no unit of its own (no target is set for it). */
const COUNTRY_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The whole country as a place: the top units (provinces) in force on `asOf`, each read across the reform, added up
 * once each. Read by whom reads every province (404 alike otherwise, as an unread unit is). Its path is the empty
 * ltree, which holds every unit (coverage counts over the country).
 */
async function countryAt(r: ReportingRequest, asOf: string, range: Range) {
  const tops = await repo.topUnits(r.app.db, r.caller, asOf);
  if (!tops.length || tops.some((t) => !t.readable)) throw new AppError('NOT_FOUND', { field: 'unit' });
  const nodes = await nodesAcrossMany(r.app.db, tops, asOf, monthStart(range.firstMonth));
  const unit = {
    unit_id: COUNTRY_ID,
    code: null,
    name: translate(r.lang, 'reporting.country'),
    level: 0,
    path: '',
    valid_from: null,
    readable: true,
  };
  const place: Place = { unit, body: null, own: false, nodes: wholeOf([...nodes.values()]), day: asOf };
  return { place, tops };
}

/** The nodes of several places added up as one whole: each node once, and none partial (an old province split
 * between two new ones is wholly inside the country). */
function wholeOf(nodes: { id: string; partial: boolean }[][]): { id: string; partial: boolean }[] {
  return [...new Set(nodes.flat().map((n) => n.id))].map((id) => ({ id, partial: false }));
}

/** The cells of every row for the rows' ranges moved by `shift` (the same period last year). Rows sharing a range
 * are read together: one read of the totals for all of them. */
async function cellsOf(
  r: ReportingRequest,
  inds: repo.IndicatorRule[],
  ranges: Range[],
  placesOf: (rg: Range, rows: number[]) => Promise<Place[]>,
  shift: (r: Range) => Range | null,
): Promise<Cell[][]> {
  const q = r.app.db;
  const out: Cell[][] = ranges.map(() => inds.map(() => ({ value: null, target: null, partial: false })));
  const groups = new Map<string, number[]>();
  ranges.forEach((a, i) => {
    const rg = shift(a);
    if (!rg) return;
    const key = `${rg.firstMonth}:${rg.lastMonth}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  const read = [];
  for (const idx of groups.values()) {
    const rg = shift(ranges[idx[0]!]!)!;
    read.push({ idx, rg, places: await placesOf(rg, idx) });
  }
  // groups at the same places (the months of a by-periods pivot) read the totals once for all their ranges
  const buckets = new Map<string, typeof read>();
  for (const g of read) {
    const key = g.places
      .map((p) => `${p.unit.unit_id}:${p.nodes.map((n) => `${n.id}${n.partial ? '*' : ''}`).join(',')}`)
      .join('|');
    (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(g);
  }
  const figuresOf = new Map<(typeof read)[number], Map<string, Figure>[]>();
  for (const b of buckets.values()) {
    const all = await figuresOver(
      q,
      inds,
      b[0]!.places,
      b.map((g) => g.rg),
    );
    b.forEach((g, k) => figuresOf.set(g, all[k]!));
  }
  for (const g of read) {
    const { idx, rg, places } = g;
    const figures = figuresOf.get(g)!;
    const targets = await repo.targetsFor(q, {
      indicatorIds: inds.map((i) => i.id),
      nodeKind: 'unit',
      nodeIds: places.map((p) => p.unit.unit_id),
      first: rg.firstMonth,
      last: rg.lastMonth,
    });
    for (const [k, i] of idx.entries()) {
      const place = places[k]!;
      for (const [ci, ind] of inds.entries()) {
        const target =
          targets.find((t) => t.indicator_id === ind.id && t.node_id === place.unit.unit_id)?.value ?? null;
        if (ind.kind === 'coverage') {
          const c = await coverageAt(q, ind, place, rg);
          out[i]![ci] = { value: c.value, target: target ?? c.expected, partial: false };
        } else {
          const f = figures[k]!.get(ind.id)!;
          out[i]![ci] = { value: f.value, target, partial: f.partial };
        }
      }
    }
  }
  return out;
}

/** The rows of a range by periods: its months, or its years when it spans more than two. */
function rowPeriods(range: Period): Period[] {
  const months = range.lastMonth - range.firstMonth + 1;
  const out: Period[] = [];
  if (months <= 24) {
    for (let m = range.firstMonth; m <= range.lastMonth; m++)
      out.push({ id: idOfMonths(m, m)!, firstMonth: m, lastMonth: m });
    return out;
  }
  for (let m = range.firstMonth; m <= range.lastMonth;) {
    const yearEnd = Math.min(range.lastMonth, Math.floor(m / 12) * 12 + 11);
    out.push({ id: idOfMonths(m, yearEnd)!, firstMonth: m, lastMonth: yearEnd });
    m = yearEnd + 1;
  }
  return out;
}
