import { describe, expect, it } from 'vitest';
import { evaluate, findCycle, FormulaError, parseFormula } from './formula.ts';

const value = (src: string, values: Record<string, number | null> = {}) => evaluate(parseFormula(src).ast, values);

describe('formulas of computed indicators', () => {
  it('computes a percentage of plan from two codes, and names the codes used once each', () => {
    const f = parseFormula('HS_TT / HS_KH * 100');
    expect(f.codes).toEqual(['HS_TT', 'HS_KH']);
    expect(evaluate(f.ast, { HS_TT: 36793, HS_KH: 22000 })).toBeCloseTo(167.2409, 3);
    expect(parseFormula('A + A * B').codes).toEqual(['A', 'B']);
  });

  it('follows precedence, left associativity, parentheses, unary minus and decimal numbers', () => {
    expect(value('(A + B) - 2*C', { A: 5, B: 7, C: 3 })).toBe(6);
    expect(value('2 + 3 * 4')).toBe(14);
    expect(value('(2 + 3) * 4')).toBe(20);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('64 / 4 / 2')).toBe(8);
    expect(value('-A + 1', { A: 3 })).toBe(-2);
    expect(value('2 * -(1 + 2)')).toBe(-6);
    expect(value('--4')).toBe(4);
    expect(value('1.5 * 2 + .25')).toBe(3.25);
    expect(value('hs_tt', { HS_TT: 4 })).toBe(4);
  });

  it('gives no value when an input has none or on a division by zero', () => {
    expect(value('A / B', { A: 1, B: 0 })).toBeNull();
    expect(value('A + B', { A: 1, B: null })).toBeNull();
    expect(value('A + B', { A: 1 })).toBeNull();
    expect(value('A * 0 + 1', { A: 1 })).toBe(1);
  });

  it.each([
    ['', 0],
    ['A +', 3],
    ['(A + B', 6],
    ['A B', 2],
    ['A + * B', 4],
    ['A % B', 2],
    ['{A} + B', 0],
    ['1..2', 1],
    [')', 0],
    ['A + ()', 5],
  ])('refuses %j, naming where', (src, at) => {
    let err: unknown;
    try {
      parseFormula(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormulaError);
    expect((err as FormulaError).position).toBe(at);
  });

  it('refuses a formula nested deeper than anyone writes, without exhausting the stack', () => {
    expect(() => parseFormula('('.repeat(5000) + 'A' + ')'.repeat(5000))).toThrow(FormulaError);
    expect(() => parseFormula('-'.repeat(5000) + 'A')).toThrow(FormulaError);
    expect(value('('.repeat(20) + 'A' + ')'.repeat(20), { A: 2 })).toBe(2);
  });
});

describe('cycles through the inputs of computed indicators', () => {
  const graph = (g: Record<string, string[]>) => new Map(Object.entries(g));

  it('finds the cycle through the indicator being saved, as the path back to it', () => {
    expect(findCycle('A', graph({ A: ['B'], B: ['C'], C: ['A'] }))).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycle('A', graph({ A: ['A'] }))).toEqual(['A', 'A']);
  });

  it('accepts a diamond (two inputs reading one) and inputs that read nothing', () => {
    expect(findCycle('A', graph({ A: ['B', 'C'], B: ['D'], C: ['D'], D: [] }))).toBeNull();
    expect(findCycle('A', graph({ A: ['B'] }))).toBeNull();
  });
});
