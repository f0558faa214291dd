import { z } from 'zod';
import { isoDate, ref, version } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';
import { FIGURE_MAX } from './indicators.schemas.ts';
import { periodParam } from './totals.schemas.ts';

const targetValue = z.number().min(0).max(FIGURE_MAX);

export const target = z
  .object({
    id: z.uuid(),
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
    unit: z
      .object({ id: z.uuid(), code: z.string().nullable(), name: z.string() })
      .describe('The unit of the target; for a body’s target, the unit the body sits on'),
    body: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe('The body (tổ chức) whose target this is; null for a unit’s target'),
    periodId: z.string(),
    value: z.number(),
    splitFromId: z.uuid().nullable().describe('The target of the level above this one was split from'),
    version: z.number().int(),
  })
  .describe('ReportingTarget');

export const targetsQuery = z.strictObject({
  unit: unitCode.describe('The unit whose targets, and its children’s, are listed (with `body`: the body’s unit)'),
  body: ref('body')
    .optional()
    .describe('Instead of the unit’s: the targets of this body (it sits on the unit) and of its child bodies'),
  period: periodParam.optional(),
  indicator: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'validation.indicatorCode')
    .optional(),
  asOf: isoDate.optional().describe('The date whose tree the unit code names (default today)'),
});

export const putTargetBody = z
  .strictObject({
    indicatorId: ref('indicator'),
    unitId: ref('unit').optional().describe('The unit whose target is set (exactly one of unitId and bodyId)'),
    bodyId: ref('body')
      .optional()
      .describe('The body (tổ chức) whose target is set (exactly one of unitId and bodyId)'),
    periodId: periodParam,
    value: targetValue,
    version: version.optional().describe('The version read, when changing an existing target'),
  })
  .describe('ReportingTargetInput');

export const splitTargetBody = z
  .strictObject({
    method: z.enum(['proportional', 'manual']),
    basis: z
      .enum(['lastYear', 'equal'])
      .optional()
      .describe('Proportional: to the children’s results of the same period last year (default), or equally'),
    shares: z
      .array(
        z.strictObject({
          unitId: ref('unit').optional().describe('A child unit (splitting a unit’s target)'),
          bodyId: ref('body').optional().describe('A child body (splitting a body’s target)'),
          value: targetValue,
        }),
      )
      .max(500)
      .optional()
      .describe('Manual: each child’s share; they must add up to the target'),
  })
  .describe('ReportingTargetSplit');

export const targetList = z.object({ items: z.array(target) });
export type Target = z.infer<typeof target>;
