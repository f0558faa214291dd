import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A single-line text: trimmed, NFC (Vietnamese keyboards may type decomposed text), no control characters. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'validation.required')
        .max(max)
        .refine((s) => !CONTROL.test(s), 'validation.controlChars'),
    );

export const username = z
  .string()
  .transform((s) => s.normalize('NFC').trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'validation.username'))
  .describe('Sign-in name: 3–50 unaccented letters, digits, dot, underscore or hyphen');

export const email = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('validation.email').max(254))
  .describe('E-mail address');

/** Vietnamese phone numbers are stored as 0 + 9 digits; +84/84 prefixes are folded. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.()-]/g, '');
  let d = digits.startsWith('+84') ? '0' + digits.slice(3) : digits;
  if (/^84\d{9}$/.test(d)) d = '0' + d.slice(2);
  return /^0\d{9,10}$/.test(d) ? d : null;
}

export const phone = z
  .string()
  .transform((s, ctx) => {
    const p = normalisePhone(s);
    if (!p) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return p;
  })
  .describe('Phone number, e.g. 0912345678 or +84912345678');

export const password = z.string().min(8, 'validation.password').max(200).describe('At least 8 characters');

export const uuidParam = z.strictObject({ id: z.uuid() });

/** The dates Khối accepts: the records it keeps (the oldest programmes, people's birth dates) and the deadlines it
 * computes fall well inside, and the lunar calendar of later modules is defined over this range. PostgreSQL would
 * take year 0 or 10000 as an error, not a date. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine(
    (s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s),
    'validation.date',
  )
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, 'validation.dateRange')
  .describe(`A date, YYYY-MM-DD, from ${DATE_MIN} to ${DATE_MAX}`);

/** The largest value of a PostgreSQL integer column (versions, counters, positions). */
export const INT32_MAX = 2_147_483_647;

/** A record's version as read; a stale one is 409 CONFLICT. */
export const version = z.number().int().min(1).max(INT32_MAX).describe('The version read; a stale one is 409 CONFLICT');
export const versionBody = z.strictObject({ version });

export const pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const okResponse = z.object({ ok: z.literal(true) });

/** The kinds of record a request names by id. Every id field of a request schema is a `ref` of its kind, so the
 * generated tests know what each names (test/references.test.ts gives each field another unit's record of its kind;
 * an unmarked id field fails them). */
export const REF_KINDS = [
  'account',
  'body',
  'briefing',
  'conclusion',
  'cooperator',
  'dialogue',
  'dialogueOutcome',
  'file',
  'household',
  'indicator',
  'keyProject',
  'person',
  'petition',
  'programme',
  'reportForm',
  'reportTarget',
  'submission',
  'task',
  'taskGroup',
  'unit',
  'village',
] as const;
export type RefKind = (typeof REF_KINDS)[number];

/** An id naming a record of `kind` (x-khoi-ref in the OpenAPI document). */
export const ref = (kind: RefKind) => z.uuid().meta({ 'x-khoi-ref': kind });
