import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A single-line text: trimmed, NFC (Vietnamese keyboards may type decomposed text), no control characters. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'validation.required').max(max).refine((s) => !CONTROL.test(s), 'validation.controlChars'));

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

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'validation.date');

export const pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const okResponse = z.object({ ok: z.literal(true) });
