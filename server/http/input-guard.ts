import type { z } from 'zod';
import { RequestValidationError } from './errors.ts';

/** How deep a request's JSON may nest. Khối's deepest request is three levels (a task's cooperators); a body nested
 * hundreds deep is an attack on the parser or on whatever walks it next. */
export const MAX_DEPTH = 12;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text: PostgreSQL refuses NUL, and a lone surrogate would reach it as U+FFFD,
 * silently changed. Null when it can. */
export function badText(s: string): string | null {
  if (s.includes('\u0000')) return 'validation.controlChars';
  if (LONE_SURROGATE.test(s)) return 'validation.badText';
  return null;
}

/** The first value of a parsed request part (body, query, path) that no field of Khối may hold, as a zod issue so it
 * is reported like any other: a string (or a key) with NUL or a lone surrogate, or nesting deeper than MAX_DEPTH.
 * Iterative, so a deep value cannot exhaust the stack here. */
export function guardInput(input: unknown): z.core.$ZodIssue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const why = badText(value);
      if (why) return issue(path, why);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) return issue(path, 'validation.tooDeep');
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, v] of entries) {
      if (typeof key === 'string' && badText(key)) return issue(path, 'validation.badKey');
      stack.push({ value: v, path: [...path, key] });
    }
  }
  return null;
}

function issue(path: (string | number)[], message: string): z.core.$ZodIssue {
  return { code: 'custom', path, message, input: undefined };
}

/** Reads the text fields of a multipart form (they bypass the route's validator) through the same guard and a zod
 * schema, refusing them as a JSON body would be refused. */
export function parseFormFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.output<S> {
  const bad = guardInput(fields);
  if (bad) throw new RequestValidationError([bad], 'body');
  const parsed = schema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues, 'body');
  return parsed.data;
}

/** Parses a query string strictly: a value whose percent-encoding is not UTF-8 (`%ED%A0%80`, a lone `%FF`) is kept
 * as a lone surrogate, so that the input guard refuses it naming its field, instead of turning it into U+FFFD as
 * lenient decoders do. Repeated keys give arrays, as Fastify's own parser does. */
export function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (!query) return out;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const MALFORMED = '\uDFFF';
function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return MALFORMED;
  }
}
