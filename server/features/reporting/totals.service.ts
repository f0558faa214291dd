import { AppError, invalid } from '../../http/errors.ts';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { planFigures } from '../../i18n/figures.ts';
import dayjs from 'dayjs';
import { sourcesOfMany } from '../units/index.ts';
import { FormulaError, evaluate, parseFormula, type Formula } from './formula.ts';
import { monthEnd, monthStart, parsePeriod, periodIdOf, type Period, type PeriodType } from './periods.ts';
import type { ReportingRequest } from './reporting.scope.ts';
import { oneTotal } from './totals.one.repository.ts';
import * as repo from './totals.repository.ts';
import { aggregate, countOf, type SlotRow } from './totals.rules.ts';

type Q = Database | Trx;

/**
 * Where a figure is read: the unit named by its code on `asOf` (or one body's line), as nodes of report_totals.
 * A body's line is read the same way across the reform through the bodies it came from (`bodiesAcross`).
 * Across a change of the tree (the reform of 1/7/2025), a unit asked for a period before its version began is read
 * through what it came from: the old units' totals are added through `same` and `full` links, and through
 * `partial` links too, flagged (`partial: true`): the figure then holds the whole of an old unit of which only a part
 * became this one. A view by the old units stays as it was (old units are never mapped forward).
 */
export type Place = {
  unit: repo.UnitAt;
  body: { id: string; name: string } | null;
  /** read from the units' own values (a village), not from totals */
  own: boolean;
  nodes: { id: string; partial: boolean }[];
  day: string;
};

export type Figure = { value: number | null; partial: boolean; count: number };

const MAX_STEPS = 20;
const dayBefore = (d: string) => dayjs(d).subtract(1, 'day').format('YYYY-MM-DD');

/** The unit (and body) a request names, resolved in the caller's read scope: 404 alike when missing or unread. */
export async function placeOf(
  r: ReportingRequest,
  q: Q,
  f: { unit: string; body?: string; asOf: string; range: Period },
): Promise<Place> {
  const unit = await repo.unitAt(q, r.caller, f.unit, f.asOf, f.body ?? null);
  if (!unit?.readable) throw new AppError('NOT_FOUND', { field: 'unit' });
  if (f.body) {
    const body = await repo.bodyOnUnit(q, f.body, unit.unit_id);
    if (!body) throw new AppError('NOT_FOUND', { field: 'body' });
    const nodes = await bodiesAcross(q, body, monthStart(f.range.firstMonth));
    return { unit, body: { id: body.id, name: body.name }, own: false, nodes, day: f.asOf };
  }
  return {
    unit,
    body: null,
    own: unit.level > 3,
    nodes: await nodesAcross(q, unit, f.asOf, monthStart(f.range.firstMonth)),
    day: f.asOf,
  };
}

/** A unit and, when the range starts before its version began, what it came from, step by step back. */
export async function nodesAcross(
  q: Q,
  unit: { unit_id: string; valid_from: string | null; level: number },
  asOf: string,
  rangeStart: string,
): Promise<{ id: string; partial: boolean }[]> {
  return (await nodesAcrossMany(q, [unit], asOf, rangeStart)).get(unit.unit_id)!;
}

/** nodesAcross for many units (the rows of a pivot): each step back one statement for all of them. */
export async function nodesAcrossMany(
  q: Q,
  units: readonly { unit_id: string; valid_from: string | null; level: number }[],
  asOf: string,
  rangeStart: string,
): Promise<Map<string, { id: string; partial: boolean }[]>> {
  const nodes = new Map(units.map((u) => [u.unit_id, new Map<string, boolean>([[u.unit_id, false]])]));
  type Step = { root: string; id: string; day: string; level: number; partial: boolean };
  let frontier: Step[] = units
    .filter((u) => u.valid_from && rangeStart < u.valid_from)
    .map((u) => ({ root: u.unit_id, id: u.unit_id, day: asOf, level: u.level, partial: false }));
  const seen = new Set<string>();
  for (let step = 0; frontier.length > 0 && step < MAX_STEPS; step++) {
    frontier = frontier.filter((f) => !seen.has(`${f.root}|${f.id}@${f.day}`));
    frontier.forEach((f) => seen.add(`${f.root}|${f.id}@${f.day}`));
    const found: { from: Step; other: string; type: string; date: string; level: number }[] = [];
    // units of level 3 and 4 change through their own links; above, the units module also reads the children's
    const own = frontier.filter((f) => f.level > 2);
    const rows = await repo.sourcesOfMany(
      q,
      own.map((f) => ({ id: f.id, day: f.day })),
    );
    for (const f of own)
      for (const r of rows)
        if (r.unit_id === f.id && r.day === f.day)
          found.push({ from: f, other: r.other_id, type: r.type, date: r.date, level: r.level });
    const high = frontier.filter((x) => x.level <= 2);
    const sources = await sourcesOfMany(
      q,
      high.map((f) => ({ id: f.id, day: f.day })),
    );
    for (const f of high)
      for (const c of sources.get(`${f.id}@${f.day}`) ?? [])
        found.push({ from: f, other: c.id, type: c.type, date: c.date, level: f.level });
    const next: Step[] = [];
    for (const x of found) {
      const partial = x.from.partial || x.type === 'partial';
      reach(nodes, x.from.root, x.other, partial);
      // further back only while the range reaches before this change
      if (rangeStart < x.date)
        next.push({ root: x.from.root, id: x.other, day: dayBefore(x.date), level: x.level, partial });
    }
    frontier = next;
  }
  return listed(nodes);
}

/**
 * A body and, when the range starts before the body began, the bodies it came from (body_links), step by step back
 * while the range reaches before each link's day. A body that came from others is read as their sum, the way a new
 * unit is; a view by an old body stays as it was (bodies are never mapped forward).
 */
export async function bodiesAcross(
  q: Q,
  body: { id: string; valid_from: string | null },
  rangeStart: string,
): Promise<{ id: string; partial: boolean }[]> {
  return (await bodiesAcrossMany(q, [body], rangeStart)).get(body.id)!;
}

/**
 * bodiesAcross for many bodies (rows of a pivot): each step back one statement for all of them. Body links carry no
 * type, so a predecessor counts as `partial` when it names more than one successor: its figure then holds more than
 * what became this body (a merger's old bodies are whole; a split's old body is partial). Partial passes down the
 * chain: what came through a partial step stays partial.
 */
export async function bodiesAcrossMany(
  q: Q,
  bodies: readonly { id: string; valid_from: string | null }[],
  rangeStart: string,
): Promise<Map<string, { id: string; partial: boolean }[]>> {
  const nodes = new Map(bodies.map((b) => [b.id, new Map<string, boolean>([[b.id, false]])]));
  type Step = { root: string; id: string; partial: boolean };
  let frontier: Step[] = bodies
    .filter((b) => b.valid_from && rangeStart < b.valid_from)
    .map((b) => ({ root: b.id, id: b.id, partial: false }));
  // each body is stepped back from once per root: a cycle of links ends there
  const seen = new Set<string>();
  for (let step = 0; frontier.length > 0 && step < MAX_STEPS; step++) {
    frontier = frontier.filter((f) => !seen.has(`${f.root}|${f.id}`));
    frontier.forEach((f) => seen.add(`${f.root}|${f.id}`));
    const rows = await repo.bodySourcesOfMany(q, [...new Set(frontier.map((f) => f.id))], rangeStart);
    const next: Step[] = [];
    for (const f of frontier)
      for (const r of rows.filter((x) => x.body_id === f.id)) {
        const partial = f.partial || r.successors > 1;
        if (r.other_id !== f.root) reach(nodes, f.root, r.other_id, partial);
        next.push({ root: f.root, id: r.other_id, partial });
      }
    frontier = next;
  }
  return listed(nodes);
}

/** A node reached from a root across a change: reached by several paths, it is partial only when every path is. */
function reach(nodes: Map<string, Map<string, boolean>>, root: string, id: string, partial: boolean) {
  const of = nodes.get(root)!;
  of.set(id, (of.get(id) ?? true) && partial);
}

const listed = (nodes: Map<string, Map<string, boolean>>) =>
  new Map([...nodes].map(([root, m]) => [root, [...m].map(([id, partial]) => ({ id, partial }))]));

type Rule = repo.IndicatorRule;

/** The indicators a set of indicators reads: computed ones' inputs, their inputs… (by code, parsed once). */
async function withInputs(q: Q, indicators: readonly Rule[]) {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const parsed = new Map<string, Formula>();
  let pending = indicators.filter((i) => i.kind === 'computed');
  for (let depth = 0; pending.length > 0 && depth < 20; depth++) {
    const missing = new Set<string>();
    for (const i of pending) {
      try {
        const p = parseFormula(i.formula ?? '');
        parsed.set(i.id, p.ast);
        for (const c of p.codes) if (!byCode.has(c)) missing.add(c);
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
      }
    }
    const found = missing.size ? await repo.indicatorsBy(q, { codes: [...missing] }) : [];
    for (const i of found) byCode.set(i.code, i);
    pending = found.filter((i) => i.kind === 'computed');
  }
  return { byCode, parsed };
}

/**
 * The figures of some indicators at some places over a range: one read of the totals (or own values) for all of
 * them, then each figure aggregated by its indicator's rules; computed indicators evaluated on their inputs'
 * figures; coverage indicators counted over the units of their level. Of the whole (category ''), or of one body
 * kind's share of the indicators split by organisation.
 */
export async function figuresAt(
  q: Q,
  indicators: readonly Rule[],
  places: readonly Place[],
  range: { firstMonth: number; lastMonth: number },
  category = '',
): Promise<Map<string, Figure>[]> {
  return (await figuresOver(q, indicators, places, [range], category))[0]!;
}

/** figuresAt for several ranges at the same places (a pivot's months, and the same months last year): one read over
 * all of them, each range's figures from the periods lying inside it. */
export async function figuresOver(
  q: Q,
  indicators: readonly Rule[],
  places: readonly Place[],
  ranges: readonly { firstMonth: number; lastMonth: number }[],
  category = '',
): Promise<Map<string, Figure>[][]> {
  if (!ranges.length) return [];
  const { byCode, parsed } = await withInputs(q, indicators);
  const all = [...byCode.values()];
  const entered = all.filter((i) => i.kind === 'entered');
  const fromTotals = entered.filter((i) => i.tree_aggregation !== 'none').map((i) => i.id);
  const fromOwn = entered.filter((i) => i.tree_aggregation === 'none').map((i) => i.id);
  const unitNodes = new Set<string>();
  const bodyNodes = new Set<string>();
  const ownUnits = new Set<string>();
  for (const p of places) {
    if (p.body) p.nodes.forEach((n) => bodyNodes.add(n.id));
    else if (p.own) p.nodes.forEach((n) => ownUnits.add(n.id));
    else p.nodes.forEach((n) => unitNodes.add(n.id));
    if (!p.body) p.nodes.forEach((n) => ownUnits.add(n.id));
  }
  const bounds = {
    first: Math.min(...ranges.map((r) => r.firstMonth)),
    last: Math.max(...ranges.map((r) => r.lastMonth)),
    category,
  };
  const [unitRows, bodyRows, ownRows] = await Promise.all([
    repo.totalsOf(q, { indicatorIds: fromTotals, nodeKind: 'unit', nodeIds: [...unitNodes], ...bounds }),
    repo.totalsOf(q, { indicatorIds: fromTotals, nodeKind: 'body', nodeIds: [...bodyNodes], ...bounds }),
    repo.ownValuesOf(q, {
      indicatorIds: places.some((p) => p.own) ? entered.map((i) => i.id) : fromOwn,
      unitIds: [...ownUnits],
      bodyId: null,
      ...bounds,
    }),
  ]);
  const index = (rows: repo.NodeSlots[]) =>
    new Map(rows.map((r) => [`${r.indicator_id}|${r.node_id}`, slotRows(r.slots)]));
  const byUnit = index(unitRows);
  const byBody = index(bodyRows);
  const byOwn = new Map<string, SlotRow[]>();
  for (const r of ownRows) {
    const k = `${r.indicator_id}|${r.node_id}`;
    const slot = { firstMonth: r.first_month, lastMonth: r.last_month, sum: r.sum, count: r.count, max: r.max };
    (byOwn.get(k) ?? byOwn.set(k, []).get(k)!).push(slot);
  }
  return ranges.map((range) => places.map((p) => placeFigures(p, range)));

  function placeFigures(p: Place, range: { firstMonth: number; lastMonth: number }): Map<string, Figure> {
    const figures = new Map<string, Figure>();
    const enteredFigure = (i: Rule): Figure => {
      const source = p.body ? byBody : p.own || i.tree_aggregation === 'none' ? byOwn : byUnit;
      const rows: SlotRow[] = [];
      let partial = false;
      for (const n of p.nodes) {
        for (const r of source.get(`${i.id}|${n.id}`) ?? []) {
          if (r.firstMonth < range.firstMonth || r.lastMonth > range.lastMonth) continue;
          rows.push(r);
          if (n.partial && r.count > 0) partial = true;
        }
      }
      const rule = { tree: i.tree_aggregation, time: i.time_aggregation };
      return { value: aggregate(rule, rows, range), partial, count: countOf(rows) };
    };
    const figureOf = (i: Rule, depth: number): Figure => {
      const known = figures.get(i.id);
      if (known) return known;
      let f: Figure;
      if (i.kind === 'computed') {
        const ast = parsed.get(i.id);
        const inputs: Record<string, number | null> = {};
        let partial = false;
        let count = 0;
        if (ast && depth < 20) {
          for (const code of codesOf(ast)) {
            const input = byCode.get(code);
            const g = input ? figureOf(input, depth + 1) : { value: null, partial: false, count: 0 };
            inputs[code] = g.value;
            partial ||= g.partial;
            count = Math.max(count, g.count);
          }
        }
        f = { value: ast ? round6(evaluate(ast, inputs)) : null, partial, count };
      } else if (i.kind === 'coverage') {
        f = { value: null, partial: false, count: 0 }; // counted by coverageAt
      } else f = enteredFigure(i);
      figures.set(i.id, f);
      return f;
    };
    for (const i of indicators) figureOf(i, 0);
    return figures;
  }
}

/** Slots read as JSON ([first_month, last_month, sum, count, max]) as the rules take them. */
const slotRows = (slots: readonly repo.NodeSlots['slots'][number][]): SlotRow[] =>
  slots.map(([firstMonth, lastMonth, sum, count, max]) => ({ firstMonth, lastMonth, sum, count, max }));

function codesOf(f: Formula): string[] {
  switch (f.kind) {
    case 'num':
      return [];
    case 'code':
      return [f.code];
    case 'neg':
      return codesOf(f.arg);
    case 'bin':
      return [...codesOf(f.left), ...codesOf(f.right)];
  }
}

function round6(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1e6) / 1e6;
}

/**
 * A coverage indicator at a place (17/17 xã, 101/101 thôn): how many units of its level under the unit, in force on
 * the place's day, have a figure of the source indicator of at least the minimum (any figure without one), over how
 * many such units there are.
 */
export async function coverageAt(
  q: Q,
  i: Rule,
  place: Place,
  range: { firstMonth: number; lastMonth: number },
): Promise<{ value: number; expected: number; count: number }> {
  const level = i.coverage_level ?? 3;
  const units = await repo.unitsOfLevelUnder(q, place.unit.path, level, place.day);
  const source = i.coverage_source_id ? (await repo.indicatorsBy(q, { ids: [i.coverage_source_id] }))[0] : undefined;
  if (!source || units.length === 0) return { value: 0, expected: units.length, count: 0 };
  const places: Place[] = units.map((id) => ({
    unit: { ...place.unit, unit_id: id, level },
    body: null,
    own: level > 3,
    nodes: [{ id, partial: false }],
    day: place.day,
  }));
  const figures = await figuresAt(q, [source], places, range);
  const min = i.coverage_min === null ? null : Number(i.coverage_min);
  let value = 0;
  let count = 0;
  for (const f of figures) {
    const g = f.get(source.id)!;
    count += g.count;
    if (g.value !== null && (min === null || g.value >= min)) value++;
  }
  return { value, expected: units.length, count };
}

/** How many reports a range expects at a place for some indicators: for each form version carrying them, its
 * periods inside the range (whose last day falls in the version) times the units of its unit kinds (or bodies of
 * its body kinds) in force under the unit on the place's day. */
export async function expectedReports(
  q: Q,
  indicatorIds: readonly string[],
  place: Place,
  range: { firstMonth: number; lastMonth: number },
): Promise<number> {
  if (!indicatorIds.length) return 0;
  const forms = await repo.formsCarrying(q, indicatorIds, monthStart(range.firstMonth), monthEnd(range.lastMonth));
  return expectedOf(forms, range, async (f) => {
    if (place.body) return f.submitter === 'body' ? 1 : 0;
    const n = await repo.reportersUnder(q, {
      path: place.unit.path,
      day: place.day,
      unitKinds: f.submitter === 'unit' ? f.unit_kinds : [],
      bodyKinds: f.submitter === 'body' ? f.body_kinds : [],
    });
    return n.units + n.bodies;
  });
}

/** expectedReports over forms already read, with the reporters each form expects at the place. */
export async function expectedOf<F extends repo.ExpectedForm>(
  forms: readonly F[],
  range: { firstMonth: number; lastMonth: number },
  reporters: (f: F) => number | Promise<number>,
): Promise<number> {
  let total = 0;
  const counted = new Set<string>();
  for (const f of forms) {
    const periods = periodsInside(f.period_type as PeriodType, range).filter((p) => {
      const end = monthEnd(p.lastMonth);
      return (f.valid_from === null || f.valid_from <= end) && (f.valid_to === null || end < f.valid_to);
    });
    // one report per form and period: two indicators of one form, or two versions, do not count it twice
    const fresh = periods.filter((p) => !counted.has(`${f.form_id}|${p.id}`));
    if (!fresh.length) continue;
    fresh.forEach((p) => counted.add(`${f.form_id}|${p.id}`));
    total += (await reporters(f)) * fresh.length;
  }
  return total;
}

/** The periods of a type lying wholly inside a range of months. */
export function periodsInside(type: PeriodType, range: { firstMonth: number; lastMonth: number }): Period[] {
  const out = new Map<string, Period>();
  for (let m = range.firstMonth; m <= range.lastMonth; m++) {
    const id = periodIdOf(type, m);
    const p = id ? parsePeriod(id) : null;
    if (p && p.firstMonth >= range.firstMonth && p.lastMonth <= range.lastMonth) out.set(p.id, p);
  }
  return [...out.values()];
}

/** The target and plan figures of a result. */
export function planOf(value: number | null, target: number | null) {
  const f = planFigures(value, target);
  return { target, percentOfTarget: f?.percent ?? null, difference: f?.difference ?? null };
}

export type TotalsQuery = {
  indicator: string;
  unit: string;
  period: string;
  body?: string;
  category?: string;
  asOf?: string;
};

/** GET /totals: the fixed contract of issue 20. The common request (an entered indicator at a unit whose version
 * covers the range) is answered from one statement; the others read step by step. */
export async function readTotal(r: ReportingRequest, input: TotalsQuery) {
  const range = parsePeriod(input.period);
  if (!range) throw new AppError('VALIDATION_FAILED', { field: 'period' });
  const asOf = input.asOf ?? monthEnd(range.lastMonth);
  if (!input.body && !input.category) {
    const one = await oneTotal(r.app.db, r.caller, {
      indicator: input.indicator,
      unit: input.unit,
      asOf,
      first: range.firstMonth,
      last: range.lastMonth,
      from: monthStart(range.firstMonth),
      to: monthEnd(range.lastMonth),
    });
    if (!one.indicator) throw new AppError('NOT_FOUND', { field: 'indicator' });
    if (!one.unit?.readable) throw new AppError('NOT_FOUND', { field: 'unit' });
    const i = one.indicator;
    const startsAfter = one.unit.valid_from !== null && monthStart(range.firstMonth) < one.unit.valid_from;
    if (i.kind === 'entered' && !startsAfter) {
      const own = one.unit.level > 3 || i.tree_aggregation === 'none';
      const rows = slotRows((own ? one.own : one.slots) ?? []);
      const value = aggregate({ tree: i.tree_aggregation, time: i.time_aggregation }, rows, range);
      const expected = await expectedOf(one.forms ?? [], range, (f) => f.reporters);
      return totalOf(
        i,
        one.unit,
        input,
        range,
        { value, partial: false, count: countOf(rows) },
        one.targets?.[0]?.value ?? null,
        expected,
      );
    }
  }
  return readTotalStepwise(r, input, range, asOf);
}

/** The contract's answer from its parts. */
function totalOf(
  indicator: Rule,
  unit: { code: string | null },
  input: TotalsQuery,
  range: Period,
  figure: Figure,
  target: number | null,
  expected: number,
) {
  return {
    indicator: indicator.code,
    unit: unit.code ?? input.unit,
    period: range.id,
    value: figure.value,
    ...planOf(figure.value, target),
    partial: figure.partial,
    approvedReports: figure.count,
    expectedReports: expected,
  };
}

async function readTotalStepwise(r: ReportingRequest, input: TotalsQuery, range: Period, asOf: string) {
  const q = r.app.db;
  const [indicator] = await repo.indicatorsBy(q, { codes: [input.indicator] });
  if (!indicator) throw new AppError('NOT_FOUND', { field: 'indicator' });
  const category = input.category ?? '';
  if (category && !(await repo.bodyKindExists(q, category))) throw invalid('category', 'validation.category');
  const place = await placeOf(r, q, { unit: input.unit, body: input.body, asOf, range });
  // the figure, the target and the reports expected are independent reads
  const [figure, targets, expected] = await Promise.all([
    indicator.kind === 'coverage'
      ? coverageAt(q, indicator, place, range).then((c) => ({
          value: c.value,
          partial: false,
          count: c.count,
          of: c.expected,
        }))
      : figuresAt(q, [indicator], [place], range, category).then((f) => ({ ...f[0]!.get(indicator.id)!, of: null })),
    // targets are set for the whole: a body kind's share has none
    category
      ? Promise.resolve([])
      : repo.targetsFor(q, {
          indicatorIds: [indicator.id],
          nodeKind: place.body ? 'body' : 'unit',
          nodeIds: [place.body?.id ?? place.unit.unit_id],
          first: range.firstMonth,
          last: range.lastMonth,
        }),
    reportedIndicatorIds(q, indicator).then((ids) => expectedReports(q, ids, place, range)),
  ]);
  // a coverage indicator without a target of its own is measured against the units expected ("17/17")
  const target = targets[0]?.value ?? figure.of;
  return totalOf(indicator, place.unit, input, range, figure, target, expected);
}

/** The entered indicators whose reports a figure needs: itself, a computed one's inputs, a coverage one's source. */
async function reportedIndicatorIds(q: Q, i: Rule): Promise<string[]> {
  if (i.kind === 'entered') return [i.id];
  if (i.kind === 'coverage') return i.coverage_source_id ? [i.coverage_source_id] : [];
  const { byCode } = await withInputs(q, [i]);
  return [...byCode.values()].filter((x) => x.kind === 'entered').map((x) => x.id);
}
