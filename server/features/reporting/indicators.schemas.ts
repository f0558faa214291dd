import { z } from 'zod';
import { ref, text, version } from '../../http/schemas.ts';

export const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
export const valueTypes = ['integer', 'money', 'decimal', 'percentage', 'boolean', 'text'] as const;
export const treeAggregations = ['sum', 'average', 'max', 'none'] as const;
export const timeAggregations = ['sum', 'average', 'max', 'last', 'none'] as const;
export const indicatorKinds = ['entered', 'coverage', 'computed'] as const;

/** The largest magnitude a figure of reporting takes (money in whole đồng included), well inside numeric's range. */
export const FIGURE_MAX = 1e15;
export const figure = z.number().min(-FIGURE_MAX).max(FIGURE_MAX);

export const indicatorCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(INDICATOR_CODE, 'validation.indicatorCode'))
  .describe('Upper-case letters, digits and underscore, starting with a letter (HS_TT), at most 40');

const coverage = z
  .strictObject({
    sourceId: ref('indicator').describe('The indicator whose value each unit must reach'),
    min: figure.nullable().describe('The least value that counts (null: any value entered)'),
    level: z.number().int().min(1).max(4).describe('The level of the units counted (1 province … 4 village)'),
  })
  .describe('Units meeting a condition over units expected: 17/17 communes');

const indicatorFields = {
  name: text(300),
  measure: text(50).nullable().describe('Unit of measure: hồ sơ, hộ, người, lượt người, mô hình, km, đồng…'),
  valueType: z.enum(valueTypes),
  treeAggregation: z.enum(treeAggregations).describe('How values add up the unit tree'),
  timeAggregation: z
    .enum(timeAggregations)
    .describe('How values add up over periods (last: the latest value up to the end, "tính đến")'),
  kind: z.enum(indicatorKinds).describe('entered by reporters, coverage of units, or computed by a formula'),
  formula: text(1000).nullable().describe('For a computed indicator: codes, numbers, + - * / and parentheses'),
  coverage: coverage.nullable(),
  breakdown: z.enum(['organisation']).nullable().describe('Values may be split by organisation (body kind)'),
  description: text(2000).nullable(),
  sort: z.number().int().min(0).max(1_000_000),
};

export const createIndicatorBody = z
  .strictObject({
    code: indicatorCode,
    ...indicatorFields,
    measure: indicatorFields.measure.optional(),
    kind: indicatorFields.kind.default('entered'),
    formula: indicatorFields.formula.optional(),
    coverage: indicatorFields.coverage.optional(),
    breakdown: indicatorFields.breakdown.optional(),
    description: indicatorFields.description.optional(),
    sort: indicatorFields.sort.optional(),
  })
  .describe('IndicatorInput');

export const updateIndicatorBody = z
  .strictObject({ version, code: indicatorCode, ...indicatorFields })
  .partial()
  .required({ version: true })
  .describe('IndicatorChange');

export const indicatorsQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Code or name, without diacritics'),
  kind: z.enum(indicatorKinds).optional(),
});

export const indicator = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    measure: z.string().nullable(),
    valueType: z.enum(valueTypes),
    treeAggregation: z.enum(treeAggregations),
    timeAggregation: z.enum(timeAggregations),
    kind: z.enum(indicatorKinds),
    formula: z.string().nullable(),
    coverage: z
      .object({ sourceId: z.uuid(), sourceCode: z.string(), min: z.number().nullable(), level: z.number().int() })
      .nullable(),
    breakdown: z.enum(['organisation']).nullable(),
    description: z.string().nullable(),
    sort: z.number().int(),
    version: z.number().int(),
  })
  .describe('Indicator');

export const indicatorList = z.object({ items: z.array(indicator) });

export type Indicator = z.infer<typeof indicator>;
export type IndicatorInput = z.output<typeof createIndicatorBody>;
export type IndicatorChange = z.output<typeof updateIndicatorBody>;
