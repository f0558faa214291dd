import { z } from 'zod';
import { isoDate, ref } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';
import { parsePeriod } from './periods.ts';

/** A period as DHIS2 writes it (2021, 2021S1, 2021Q3, 202107) or a range of them (202101..202109). */
export const periodParam = z
  .string()
  .max(30)
  .refine((s) => parsePeriod(s) !== null, 'validation.periodId')
  .describe('A period (2021, 2021S1, 2021Q3, 202107) or a range a..b (202101..202109, 2021..202111)');

const indicatorCodeParam = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'validation.indicatorCode')
  .describe('Indicator code (HS_TT)');

const asOf = isoDate.optional().describe('The date whose tree the unit code names (default: the period’s last day)');

export const totalsQuery = z.strictObject({
  indicator: indicatorCodeParam,
  unit: unitCode,
  period: periodParam,
  body: ref('body').optional().describe('Only the reports of this body’s line (the body sits on the unit)'),
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'validation.category')
    .optional()
    .describe(
      'A body kind code (youth_union): that organisation’s share of an indicator split by organisation; default the ' +
        'whole. Targets are set for the whole, so a share has no target',
    ),
  asOf,
});

const figure = z.number().nullable();
const plan = {
  target: figure.describe('The target (kế hoạch giao) for the period; null when none is set'),
  percentOfTarget: figure.describe('value / target in %, one decimal; null without a target or with 0'),
  difference: figure.describe('value − target; null without a target or with 0'),
};

export const totalsResponse = z
  .object({
    indicator: z.string(),
    unit: z.string(),
    period: z.string(),
    value: figure.describe('The approved values of the subtree; null when nothing is approved'),
    ...plan,
    partial: z
      .boolean()
      .describe(
        'A unit that only partly became this one fed the value (across a reform); with `body`, an old body that ' +
          'named more than one successor',
      ),
    approvedReports: z.number().int().describe('Approved reports whose values feed the figure'),
    expectedReports: z.number().int().describe('Reports the forms carrying the indicator expect over the range'),
  })
  .describe('ReportingTotal');

export const pivotQuery = z.strictObject({
  unit: unitCode
    .optional()
    .describe('The unit whose children are the rows; omitted: the whole country (the provinces), for whom reads each'),
  period: periodParam,
  indicators: z
    .string()
    .max(2100)
    .regex(/^[A-Z][A-Z0-9_]{0,39}(,[A-Z][A-Z0-9_]{0,39}){0,49}$/, 'validation.indicatorCode')
    .describe('Indicator codes, comma-separated (at most 50)'),
  by: z.enum(['units', 'periods']).default('units').describe('Rows: the unit’s children, or the periods of the range'),
  breakdown: indicatorCodeParam
    .optional()
    .describe(
      'An indicator split by organisation (breakdown): also its figure for each organisation (body kind) on every ' +
        'row and over the whole unit and range, with its share of the whole',
    ),
  asOf,
});

export const pivotCell = z.object({
  value: figure,
  target: figure,
  percent: figure.describe('% of target, one decimal'),
  difference: figure,
  partial: z.boolean(),
  lastYear: figure.describe('The same period a year earlier'),
});

const shareCell = z.object({
  value: figure.describe('The organisation’s figure; null when it reported none'),
  share: figure.describe('value / the whole in %, one decimal (as the % of target); null without a value or a whole'),
});

const pivotBreakdown = z
  .object({
    indicator: z.object({ code: z.string(), name: z.string(), measure: z.string().nullable() }),
    whole: z.object({
      total: figure.describe('The whole (all organisations) over the unit and the range'),
      cells: z.array(figure).describe('The whole on each row'),
    }),
    categories: z.array(
      z.object({
        code: z.string().describe('Body kind code (youth_union)'),
        name: z.string().describe('Its Vietnamese name'),
        short: z.string().nullable().describe('Its short Vietnamese name (ĐTN), for a chart'),
        total: shareCell.describe('Over the unit and the range'),
        cells: z.array(shareCell).describe('On each row'),
      }),
    ),
  })
  .describe('ReportingPivotBreakdown');

export const pivotResponse = z
  .object({
    unit: z.object({ code: z.string().nullable(), name: z.string() }),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        unitCode: z.string().nullable(),
        periodId: z.string().nullable(),
        drill: z.boolean().describe('The row’s unit has children to drill into'),
      }),
    ),
    indicators: z.array(z.object({ code: z.string(), name: z.string(), measure: z.string().nullable() })),
    cells: z.array(z.array(pivotCell)).describe('rows × indicators'),
    breakdown: pivotBreakdown.nullable().describe('With `breakdown`: its organisations; else null'),
  })
  .describe('ReportingPivot');
