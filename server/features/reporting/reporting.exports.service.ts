import { placeName } from '../../documents/admin-docx.ts';
import { symbolFor } from '../../documents/counters.ts';
import { isDocumentLayout, type Issuer } from '../../documents/layouts.ts';
import { AppError } from '../../http/errors.ts';
import { callerOf, programmeSummary } from '../work/index.ts';
import { periodLabel } from './periods.labels.ts';
import { monthEnd, parsePeriod, yearOf } from './periods.ts';
import type { ReportingRequest } from './reporting.scope.ts';
import { reviewDocument, type NarrativeBlock, type ReviewData } from './reporting.exports.docx.ts';
import * as repo from './reporting.exports.repository.ts';
import { headingOf, REVIEW_SECTIONS, reviewName, reviewTitle, type ReviewHeading } from './reporting.exports.rules.ts';
import type { ReviewQuery } from './reporting.exports.schemas.ts';
import { pivotWorkbook } from './reporting.exports.xlsx.ts';
import { readPivot, type PivotQuery } from './totals.pivot.service.ts';
import { placeOf } from './totals.service.ts';

const periodOf = (id: string) => {
  const p = parsePeriod(id);
  if (!p) throw new AppError('VALIDATION_FAILED', { field: 'period' });
  return p;
};

/** GET /pivot.xlsx: the pivot view (the same query as GET /pivot, the same scope) as an Excel workbook. */
export async function pivotXlsx(r: ReportingRequest, input: PivotQuery): Promise<{ filename: string; data: Buffer }> {
  const range = periodOf(input.period);
  const pivot = await readPivot(r, input);
  const kinds = await repo.indicatorKinds(
    r.app.db,
    pivot.indicators.map((i) => i.code),
  );
  const label = periodLabel(range);
  const data = await pivotWorkbook(
    {
      ...pivot,
      indicators: pivot.indicators.map((i) => ({
        ...i,
        valueType: kinds.find((k) => k.code === i.code)?.value_type ?? 'integer',
      })),
    },
    { periodId: input.period, periodLabel: label, by: input.by, today: r.caller.today },
  );
  return { filename: `Số liệu ${pivot.unit.name} - ${label}.xlsx`, data };
}

/**
 * GET /review.docx: the review report of a unit's period issued by one of its bodies, in the body's document layout.
 * The unit is read in the caller's scope (404 alike when missing or unread) and the body must sit on it (404). The
 * figures are the unit's totals with their plans and the same period last year (the indicators asked for, else every
 * numeric one with a figure or a plan); the programme is the body's of the period's year when the caller reads it;
 * the narratives are those of the approved reports of the unit's subtree for periods inside the range that the
 * caller reads, each section under the heading its key (or title) names (reporting.exports.rules.ts REVIEW_SECTIONS).
 */
export async function reviewDocx(r: ReportingRequest, input: ReviewQuery): Promise<{ filename: string; data: Buffer }> {
  const q = r.app.db;
  const range = periodOf(input.period);
  const asOf = input.asOf ?? monthEnd(range.lastMonth);
  const place = await placeOf(r, q, { unit: input.unit, asOf, range });
  const body = await repo.issuer(q, input.body, r.caller.today);
  if (!body || body.unit_id !== place.unit.unit_id) throw new AppError('NOT_FOUND', { field: 'body' });

  const asked = input.indicators ? [...new Set(input.indicators.split(','))] : null;
  const candidates = asked ?? (await repo.reportIndicators(q)).map((i) => i.code);
  const pivot = candidates.length
    ? await readPivot(r, {
        unit: input.unit,
        period: input.period,
        indicators: candidates.join(','),
        by: 'units',
        asOf,
      })
    : null;
  const kinds = await repo.indicatorKinds(q, candidates);
  const total = pivot ? pivot.rows.findIndex((row) => row.key === 'total') : -1;
  const figures = (pivot?.indicators ?? []).flatMap((ind, i) => {
    const cell = pivot!.cells[total]![i]!;
    if (!asked && cell.value === null && cell.target === null) return [];
    const k = kinds.find((x) => x.code === ind.code);
    return [
      {
        name: ind.name,
        kind: { valueType: k?.value_type ?? 'integer', kind: k?.kind ?? 'entered', measure: ind.measure },
        cell,
      },
    ];
  });

  const work = {
    app: r.app,
    lang: r.lang,
    caller: await callerOf(q, { me: { id: r.caller.accountId, isAdmin: r.caller.isAdmin } }, r.caller.today),
  };
  const programme = await programmeSummary(work, body.id, yearOf(range.lastMonth));

  const rows = await repo.narratives(q, r.caller, {
    unitIds: place.nodes.map((n) => n.id),
    first: range.firstMonth,
    last: range.lastMonth,
  });
  const { symbol } = await symbolFor(q, body.id, 'report');
  const issuer: Issuer = {
    layout: isDocumentLayout(body.layout) ? body.layout : 'decree30',
    kind: body.kind,
    name: body.name,
    unitName: body.unit_name,
    superiorName: body.superior_name,
    parentUnitName: body.parent_unit_name,
    symbol,
  };
  const data: ReviewData = {
    issuer,
    title: reviewTitle(range),
    unitName: place.unit.name,
    place: placeName(body.unit_name),
    today: r.caller.today,
    figures,
    programme,
    narratives: gather(rows, place.unit.unit_id),
  };
  return { filename: `${reviewName(data.title)}.docx`, data: await reviewDocument(data) };
}

/** The narratives under their headings: each source (a unit, or a body of it) with its texts, a paragraph per line.
 * A text a source repeated period after period is written once; a source with different texts for periods of the range
 * says which period each is of. Written without the source's name when the unit's own reports are the only source. */
function gather(rows: repo.NarrativeRow[], rootId: string): Record<ReviewHeading, NarrativeBlock[]> {
  const alone = rows.every((row) => row.unit_id === rootId && row.body_name === null);
  // heading → source → its distinct texts in order, each with the period it was first written for
  const texts = new Map<ReviewHeading, Map<string, { label: string; lines: string[] }[]>>();
  for (const row of rows) {
    const source = row.body_name ?? row.unit_name;
    for (const [key, text] of Object.entries(row.narrative)) {
      const lines = String(text)
        .split(/\r?\n+/)
        .map((l) => l.trim())
        .filter(Boolean);
      if (!lines.length) continue;
      const heading = headingOf(key, row.sections?.find((s) => s.key === key)?.title ?? null);
      const bySource = texts.get(heading) ?? texts.set(heading, new Map()).get(heading)!;
      const list = bySource.get(source) ?? bySource.set(source, []).get(source)!;
      if (list.some((t) => t.lines.join('\n') === lines.join('\n'))) continue;
      list.push({ label: periodLabel({ id: '', firstMonth: row.first_month, lastMonth: row.last_month }), lines });
    }
  }
  const out = Object.fromEntries(REVIEW_SECTIONS.map((s) => [s.heading, [] as NarrativeBlock[]])) as Record<
    ReviewHeading,
    NarrativeBlock[]
  >;
  for (const [heading, bySource] of texts)
    for (const [source, list] of bySource)
      out[heading].push({
        source: alone ? null : source,
        paragraphs: list.flatMap((t) =>
          list.length > 1 ? [`${t.label}: ${t.lines[0]}`, ...t.lines.slice(1)] : t.lines,
        ),
      });
  return out;
}
