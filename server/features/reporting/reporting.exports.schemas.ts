import { z } from 'zod';
import { isoDate, ref } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';
import { periodParam, pivotQuery } from './totals.schemas.ts';

/** GET /review.docx: the unit and period reported on, the issuing body, optionally the indicators to quote. */
export const reviewQuery = z.strictObject({
  unit: unitCode,
  period: periodParam,
  body: ref('body').describe('The issuing body: its layout, heading and programme; it sits on the unit'),
  indicators: pivotQuery.shape.indicators
    .optional()
    .describe('Indicator codes to quote, comma-separated (default: every numeric indicator with a figure or a plan)'),
  asOf: isoDate.optional().describe('The date whose tree the unit code names (default: the period’s last day)'),
});
export type ReviewQuery = z.infer<typeof reviewQuery>;
