import type { RuleRow } from './rules.repository.ts';
import type { Rule } from './rules.schemas.ts';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export function presentRule(r: RuleRow): Rule {
  return {
    id: r.id,
    formId: r.form_id,
    indicatorId: r.indicator_id,
    kind: r.kind as Rule['kind'],
    op: r.op as Rule['op'],
    otherIndicatorId: r.other_indicator_id,
    constant: num(r.constant),
    factor: num(r.factor),
    severity: r.severity as Rule['severity'],
    message: r.message,
    version: r.version,
  };
}
