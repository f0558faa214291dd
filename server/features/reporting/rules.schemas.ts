import { z } from 'zod';
import { ref, text, version } from '../../http/schemas.ts';
import { figure } from './indicators.schemas.ts';

export const ruleOps = ['<', '<=', '=', '>=', '>'] as const;

const ruleFields = {
  formId: ref('reportForm').nullable().describe('The form the rule checks (null: every form asking the indicator)'),
  indicatorId: ref('indicator'),
  kind: z
    .enum(['compare', 'history'])
    .describe('compare with another indicator or a constant; or with its own history'),
  op: z.enum(ruleOps).nullable().describe('compare: value op other (or constant)'),
  otherIndicatorId: ref('indicator').nullable(),
  constant: figure.nullable(),
  factor: z
    .number()
    .gt(1)
    .max(1000)
    .nullable()
    .describe('history: flagged above factor × the mean of the last periods, or below the mean ÷ factor'),
  severity: z.enum(['warning', 'blocking']).describe('A blocking rule stops the submission; a warning only says'),
  message: text(300).nullable().describe('"Hộ mẫu đạt không vượt quá hộ đăng ký"'),
};

export const createRuleBody = z
  .strictObject({
    ...ruleFields,
    formId: ruleFields.formId.optional(),
    op: ruleFields.op.optional(),
    otherIndicatorId: ruleFields.otherIndicatorId.optional(),
    constant: ruleFields.constant.optional(),
    factor: ruleFields.factor.optional(),
    message: ruleFields.message.optional(),
  })
  .describe('RuleInput');

export const updateRuleBody = z
  .strictObject({ version, ...ruleFields })
  .partial()
  .required({ version: true })
  .describe('RuleChange');

export const rulesQuery = z.strictObject({
  form: ref('reportForm').optional().describe('Rules of this form (and those of every form)'),
  indicator: ref('indicator').optional(),
});

export const rule = z
  .object({
    id: z.uuid(),
    formId: z.uuid().nullable(),
    indicatorId: z.uuid(),
    kind: z.enum(['compare', 'history']),
    op: z.enum(ruleOps).nullable(),
    otherIndicatorId: z.uuid().nullable(),
    constant: z.number().nullable(),
    factor: z.number().nullable(),
    severity: z.enum(['warning', 'blocking']),
    message: z.string().nullable(),
    version: z.number().int(),
  })
  .describe('Rule');

export const ruleList = z.object({ items: z.array(rule) });

export type Rule = z.infer<typeof rule>;
export type RuleFields = {
  formId: string | null;
  indicatorId: string;
  kind: 'compare' | 'history';
  op: (typeof ruleOps)[number] | null;
  otherIndicatorId: string | null;
  constant: number | null;
  factor: number | null;
  severity: 'warning' | 'blocking';
  message: string | null;
};
