/**
 * Formulas of computed indicators: `HS_TT / HS_KH * 100`, `(A + B) - 2*C`. Numbers (with a decimal point), indicator
 * codes, + − × ÷, unary minus and parentheses — nothing else. Written here rather than taken from an expression
 * library: the maintained ones (mathjs, expr-eval…) bring functions, units, assignment and their own number types,
 * far more than these few operators need, and each of those is more input to refuse. Pure: no I/O.
 */

export type Formula =
  | { kind: 'num'; value: number }
  | { kind: 'code'; code: string }
  | { kind: 'neg'; arg: Formula }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

/** Why a formula was refused, and where (0-based character position). */
export class FormulaError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

type Token =
  | { t: 'num'; value: number; at: number }
  | { t: 'code'; code: string; at: number }
  | { t: '+' | '-' | '*' | '/' | '(' | ')'; at: number };

const MAX_LENGTH = 1000;
const MAX_DEPTH = 50;

function tokens(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const code = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (code) {
      // codes are upper case; a lower-case one is a typing slip, taken as meant
      out.push({ t: 'code', code: code[0].toUpperCase(), at: i });
      i += code[0].length;
      continue;
    }
    if ('+-*/()'.includes(c)) {
      out.push({ t: c as '+' | '-' | '*' | '/' | '(' | ')', at: i });
      i++;
      continue;
    }
    throw new FormulaError(`unexpected character "${c}"`, i);
  }
  return out;
}

/** Parses a formula; throws FormulaError naming the position of the first fault. */
export function parseFormula(src: string): { ast: Formula; codes: string[] } {
  if (src.length > MAX_LENGTH) throw new FormulaError('formula too long', MAX_LENGTH);
  const toks = tokens(src);
  let pos = 0;
  const codes = new Set<string>();
  const peek = () => toks[pos];
  const end = () => src.length;

  // expr := term (('+'|'-') term)* ; term := factor (('*'|'/') factor)* ; factor := '-' factor | num | code | '(' expr ')'
  function expr(depth: number): Formula {
    let left = term(depth);
    while (peek()?.t === '+' || peek()?.t === '-') {
      const op = toks[pos++]!.t as '+' | '-';
      left = { kind: 'bin', op, left, right: term(depth) };
    }
    return left;
  }
  function term(depth: number): Formula {
    let left = factor(depth);
    while (peek()?.t === '*' || peek()?.t === '/') {
      const op = toks[pos++]!.t as '*' | '/';
      left = { kind: 'bin', op, left, right: factor(depth) };
    }
    return left;
  }
  function factor(depth: number): Formula {
    if (depth > MAX_DEPTH) throw new FormulaError('formula nested too deeply', peek()?.at ?? end());
    const tok = peek();
    if (!tok) throw new FormulaError('formula ends too early', end());
    pos++;
    if (tok.t === '-') return { kind: 'neg', arg: factor(depth + 1) };
    if (tok.t === 'num') return { kind: 'num', value: tok.value };
    if (tok.t === 'code') {
      codes.add(tok.code);
      return { kind: 'code', code: tok.code };
    }
    if (tok.t === '(') {
      const inner = expr(depth + 1);
      if (peek()?.t !== ')') throw new FormulaError('missing ")"', peek()?.at ?? end());
      pos++;
      return inner;
    }
    throw new FormulaError(`unexpected "${describe(tok)}"`, tok.at);
  }

  if (!toks.length) throw new FormulaError('empty formula', 0);
  const ast = expr(0);
  if (pos < toks.length) throw new FormulaError(`unexpected "${describe(toks[pos]!)}"`, toks[pos]!.at);
  return { ast, codes: [...codes] };
}

function describe(t: Token): string {
  return t.t === 'num' ? String(t.value) : t.t === 'code' ? t.code : t.t;
}

/** The value of a formula given its inputs' values by code; null when an input is missing or null, on a division by
 * zero, or when the result is not a finite number. */
export function evaluate(ast: Formula, values: Readonly<Record<string, number | null | undefined>>): number | null {
  const v = (f: Formula): number | null => {
    switch (f.kind) {
      case 'num':
        return f.value;
      case 'code':
        return values[f.code] ?? null;
      case 'neg': {
        const a = v(f.arg);
        return a === null ? null : -a;
      }
      case 'bin': {
        const a = v(f.left);
        const b = v(f.right);
        if (a === null || b === null) return null;
        if (f.op === '+') return a + b;
        if (f.op === '-') return a - b;
        if (f.op === '*') return a * b;
        return b === 0 ? null : a / b;
      }
    }
  };
  const out = v(ast);
  return out === null || !Number.isFinite(out) ? null : out;
}

/**
 * A cycle through the inputs graph (`inputs`: each node's direct inputs) reachable from `start`, as the path of nodes
 * from `start` back to it (`[A, B, A]`), or null. Used on save: `start` is the indicator being saved with its new
 * inputs already in the graph.
 */
export function findCycle(start: string, inputs: ReadonlyMap<string, readonly string[]>): string[] | null {
  const path: string[] = [];
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (node: string): string[] | null => {
    if (onPath.has(node)) return [...path.slice(path.indexOf(node)), node];
    if (done.has(node)) return null;
    onPath.add(node);
    path.push(node);
    for (const next of inputs.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    onPath.delete(node);
    done.add(node);
    return null;
  };
  // The graph had no cycle before `start` changed, so any cycle found passes through it.
  return visit(start);
}
