import { translate, type Lang } from '../../i18n/messages.ts';

/**
 * Validation rules of reporting, evaluated over a submission's values: pure, no I/O (the service reads the rules,
 * the values and the history). A compare rule holds an indicator against another's value or a constant ("hộ mẫu
 * đạt ≤ hộ đăng ký"); a history rule flags a value more than `factor` times the mean of the reporter's last approved
 * periods, or less than the mean / factor. A required indicator left empty is a blocking check of its own.
 * Each broken rule is a check; blocking ones refuse the submission, warnings are shown beside the value.
 */

export type Check = { indicatorId: string; severity: 'warning' | 'blocking'; message: string };

export type CheckRule = {
  indicator_id: string;
  kind: string;
  op: string | null;
  other_indicator_id: string | null;
  constant: string | number | null;
  factor: string | number | null;
  severity: string;
  message: string | null;
};

export type CheckIndicator = { id: string; name: string; required: boolean; value_type: string };

const OPS: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
};

export function evaluateChecks(input: {
  indicators: readonly CheckIndicator[];
  /** the whole (category '') of each indicator: a number, text, or null when empty */
  values: ReadonlyMap<string, number | string | null>;
  rules: readonly CheckRule[];
  history: ReadonlyMap<string, { mean: number; periods: number }>;
  lang: Lang;
}): Check[] {
  const { indicators, values, rules, history, lang } = input;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out: Check[] = [];
  for (const i of indicators) {
    const v = values.get(i.id);
    if (i.required && (v === undefined || v === null || v === ''))
      out.push({
        indicatorId: i.id,
        severity: 'blocking',
        message: translate(lang, 'reporting.checks.required', { name: i.name }),
      });
  }
  for (const r of rules) {
    const ind = byId.get(r.indicator_id);
    const v = values.get(r.indicator_id);
    if (!ind || typeof v !== 'number') continue;
    const severity = r.severity === 'blocking' ? 'blocking' : 'warning';
    if (r.kind === 'compare') {
      const test = OPS[r.op ?? ''];
      const other = r.other_indicator_id ? values.get(r.other_indicator_id) : toNumber(r.constant);
      if (!test || typeof other !== 'number' || test(v, other)) continue;
      const otherName = r.other_indicator_id ? (byId.get(r.other_indicator_id)?.name ?? '') : null;
      out.push({
        indicatorId: ind.id,
        severity,
        message:
          r.message ??
          translate(lang, otherName === null ? 'reporting.checks.compareConstant' : 'reporting.checks.compare', {
            name: ind.name,
            op: translate(lang, `reporting.checks.op.${r.op}`),
            other: otherName ?? '',
            value: v,
            otherValue: other,
          }),
      });
    } else if (r.kind === 'history') {
      const h = history.get(ind.id);
      const factor = toNumber(r.factor);
      if (!h || h.periods === 0 || h.mean <= 0 || factor === null) continue;
      const high = v > factor * h.mean;
      const low = v < h.mean / factor;
      if (!high && !low) continue;
      out.push({
        indicatorId: ind.id,
        severity,
        message:
          r.message ??
          translate(lang, high ? 'reporting.checks.historyHigh' : 'reporting.checks.historyLow', {
            name: ind.name,
            value: v,
            factor,
            periods: h.periods,
            mean: Math.round(h.mean * 10) / 10,
          }),
      });
    }
  }
  // Blocking ones first (they must be fixed before submitting), then in the form's order.
  const rank = (c: Check) => (c.severity === 'blocking' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}

function toNumber(x: string | number | null): number | null {
  if (x === null) return null;
  const n = Number(x);
  return Number.isFinite(n) ? n : null;
}

/** Whether a number fits an indicator's value type; the i18n key of the refusal otherwise. */
export function valueProblem(valueType: string, n: number): string | null {
  switch (valueType) {
    case 'integer':
      return Number.isInteger(n) ? null : 'validation.reportInteger';
    case 'money':
      return Number.isInteger(n) ? null : 'validation.reportMoney';
    case 'percentage':
      return n >= 0 && n <= 100 ? null : 'validation.reportPercentage';
    case 'boolean':
      return n === 0 || n === 1 ? null : 'validation.reportBoolean';
    case 'text':
      return 'validation.reportText';
    default:
      return null;
  }
}
