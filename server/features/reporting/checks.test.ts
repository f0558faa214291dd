import { describe, expect, it } from 'vitest';
import { evaluateChecks, valueProblem, type CheckRule } from './checks.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const indicators = [
  { id: A, name: 'Hộ mẫu đạt', required: false, value_type: 'integer' },
  { id: B, name: 'Hộ đăng ký', required: true, value_type: 'integer' },
];
const rule = (over: Partial<CheckRule>): CheckRule => ({
  indicator_id: A,
  kind: 'compare',
  op: '<=',
  other_indicator_id: B,
  constant: null,
  factor: null,
  severity: 'warning',
  message: null,
  ...over,
});
const run = (values: [string, number | string | null][], rules: CheckRule[], history = new Map()) =>
  evaluateChecks({ indicators, values: new Map(values), rules, history, lang: 'vi' });

describe('validation rules', () => {
  it('compares with another indicator or a constant, each operator', () => {
    expect(
      run(
        [
          [A, 44],
          [B, 41],
        ],
        [rule({})],
      ),
    ).toEqual([
      { indicatorId: A, severity: 'warning', message: '«Hộ mẫu đạt» (44) phải không lớn hơn «Hộ đăng ký» (41).' },
    ]);
    expect(
      run(
        [
          [A, 41],
          [B, 41],
        ],
        [rule({})],
      ),
    ).toEqual([]);
    const constant = (op: string, value: number) =>
      run(
        [
          [A, value],
          [B, 1],
        ],
        [rule({ op, other_indicator_id: null, constant: '100' })],
      ).length;
    expect([constant('<', 100), constant('<', 99), constant('=', 100), constant('=', 101)]).toEqual([1, 0, 0, 1]);
    expect([constant('>', 100), constant('>', 101), constant('>=', 100), constant('>=', 99)]).toEqual([1, 0, 0, 1]);
    expect(
      run(
        [
          [A, 1_234.5],
          [B, 1],
        ],
        [rule({ op: '<', other_indicator_id: null, constant: 10 })],
      )[0]!.message,
    ).toBe('«Hộ mẫu đạt» (1.234,5) phải nhỏ hơn 10.');
  });

  it('skips a rule when a side is empty, and uses the rule’s own message when it has one', () => {
    expect(run([[B, 41]], [rule({})])).toEqual([]);
    expect(run([[A, 44]], [rule({})]).map((c) => c.indicatorId)).toEqual([B]); // only: B is required
    expect(
      run(
        [
          [A, 44],
          [B, 41],
        ],
        [rule({ message: 'Hộ mẫu đạt ≤ hộ đăng ký', severity: 'blocking' })],
      ),
    ).toEqual([{ indicatorId: A, severity: 'blocking', message: 'Hộ mẫu đạt ≤ hộ đăng ký' }]);
  });

  it('flags a value far outside its own history, above factor × mean or below mean / factor', () => {
    const history = new Map([[A, { mean: 10, periods: 6 }]]);
    const h = rule({ kind: 'history', op: null, other_indicator_id: null, factor: '3' });
    const at = (v: number) =>
      run(
        [
          [A, v],
          [B, 1],
        ],
        [h],
        history,
      ).map((c) => c.message);
    expect(at(30)).toEqual([]);
    expect(at(31)).toEqual(['«Hộ mẫu đạt» (31) cao bất thường: hơn 3 lần trung bình 6 kỳ trước (10).']);
    expect(at(3.3)).toEqual(['«Hộ mẫu đạt» (3,3) thấp bất thường: dưới 1/3 trung bình 6 kỳ trước (10).']);
    expect(at(3.34)).toHaveLength(0);
    // No history, or a mean of nothing: nothing to compare with.
    expect(
      run(
        [
          [A, 1000],
          [B, 1],
        ],
        [h],
        new Map(),
      ),
    ).toEqual([]);
    expect(
      run(
        [
          [A, 1000],
          [B, 1],
        ],
        [h],
        new Map([[A, { mean: 0, periods: 6 }]]),
      ),
    ).toEqual([]);
  });

  it('a required indicator left empty is blocking, listed before warnings; English when asked', () => {
    const checks = evaluateChecks({
      indicators,
      values: new Map([[A, 44]]),
      rules: [rule({ other_indicator_id: null, constant: 1 })],
      history: new Map(),
      lang: 'en',
    });
    expect(checks.map((c) => [c.indicatorId, c.severity])).toEqual([
      [B, 'blocking'],
      [A, 'warning'],
    ]);
    expect(checks[0]!.message).toBe('«Hộ đăng ký» is not entered.');
  });

  it('checks a number by the value type', () => {
    expect(valueProblem('integer', 3)).toBeNull();
    expect(valueProblem('integer', 3.5)).toBe('validation.reportInteger');
    expect(valueProblem('money', 1_000_000)).toBeNull();
    expect(valueProblem('money', 10.5)).toBe('validation.reportMoney');
    expect([valueProblem('percentage', 0), valueProblem('percentage', 167.2)]).toEqual([
      null,
      'validation.reportPercentage',
    ]);
    expect(valueProblem('percentage', 99.5)).toBeNull();
    expect([valueProblem('boolean', 1), valueProblem('boolean', 2)]).toEqual([null, 'validation.reportBoolean']);
    expect(valueProblem('decimal', -2.25)).toBeNull();
    expect(valueProblem('text', 1)).toBe('validation.reportText');
  });
});
