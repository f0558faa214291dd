import { z } from 'zod';
import { phone, ref, text } from '../../http/schemas.ts';

const day = z.string().describe('YYYY-MM-DD');

/** The longest content the public form takes (a letter of about four pages). */
export const PUBLIC_CONTENT_MAX = 10_000;
/** The most files one form may attach, and the largest (a phone's photo or a scanned letter fits). */
export const PUBLIC_FILES_MAX = 5;
export const PUBLIC_FILE_BYTES = 10 * 1024 * 1024;

// The tracking code as newTrackingCode makes it (XXXX-XXXX-XXXX, 32 unambiguous letters and digits); typed by hand,
// so lower case, spaces and missing dashes are accepted and folded.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE = new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`);

/** A typed tracking code in its stored form, or null when it cannot be one. */
export function foldTrackingCode(raw: string): string | null {
  const chars = raw.toUpperCase().replace(/[\s-]/g, '');
  const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  return chars.length === 12 && CODE.test(code) ? code : null;
}

export const trackingCodeParam = z.strictObject({
  code: z
    .string()
    .max(40)
    .transform((s, ctx) => {
      const code = foldTrackingCode(s);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: 'publicPetitions.validation.code' });
        return z.NEVER;
      }
      return code;
    })
    .describe('The tracking code given when the petition was sent, e.g. 7K3M-Q9XA-TR4P'),
});

/** A long free text (the letter): NFC, trimmed, line breaks and tabs kept, other control characters refused. */
const letter = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'validation.required')
      .max(PUBLIC_CONTENT_MAX, 'publicPetitions.validation.contentTooLong')
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'validation.controlChars'),
  );

export const publicKind = z
  .enum(['complaint', 'denunciation', 'proposal', 'mixed'])
  .describe('What the citizen thinks it is (a hint: the office classifies it): khiếu nại, tố cáo, kiến nghị/phản ánh');

export const submitBody = z.strictObject({
  formToken: z.string().min(1).max(300).describe('From GET /api/public/petitions/form, fetched when the form opened'),
  website: z
    .string()
    .max(500)
    .optional()
    .describe('Leave empty or leave out: a field people do not see, filled only by robots (refused when filled)'),
  receivingBodyId: ref('body').describe('One of GET /api/public/receiving-bodies'),
  kind: publicKind.optional(),
  summary: text(300).optional().describe('A title; by default the first words of the content'),
  content: letter.describe(`What the petition says (at most ${PUBLIC_CONTENT_MAX} characters)`),
  fullName: text(200)
    .optional()
    .describe(
      'The sender’s name; left out, the petition is anonymous (an anonymous denunciation is not handled as one)',
    ),
  phone: phone.optional().describe('Only with a name'),
  address: text(500).optional().describe('Only with a name'),
  addressUnitId: ref('unit').optional().describe('The commune, ward or village it is about (GET /api/public/units)'),
  attachments: z
    .array(ref('file'))
    .max(PUBLIC_FILES_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'publicPetitions.validation.fileTwice')
    .optional()
    .describe(
      `Files uploaded with POST /api/public/petitions/files under the same form token (at most ${PUBLIC_FILES_MAX})`,
    ),
});
export type SubmitInput = z.infer<typeof submitBody>;

export const uploadFields = z.strictObject({
  formToken: z.string().min(1).max(300).describe('From GET /api/public/petitions/form: the file belongs to that form'),
});

export const uploadResponse = z.object({
  id: z.uuid().describe('Name it in the submission’s attachments, with the same form token'),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

export const formResponse = z.object({
  formToken: z.string().describe('Send it back with the petition; refused when sent too soon or after a day'),
  minSeconds: z.number().int().describe('The least time between opening the form and sending it'),
  maxHours: z.number().int().describe('How long the token is good for'),
});

export const submitResponse = z.object({
  trackingCode: z.string().describe('The random code to track the petition with (never the register number)'),
  receivedOn: day,
  replyDueOn: day.describe('By when the office tells the citizen what it did (Luật Tiếp công dân Đ.28 k.1)'),
  replyDays: z.number().int(),
  dayKind: z.enum(['calendar', 'working']),
  expect: z.string().describe('What to expect, in the language of Accept-Language'),
});

export const publicStatus = z
  .enum(['received', 'processing', 'forwarded', 'answered', 'closed'])
  .describe('received; being considered; forwarded to the competent body; answered; closed');

export const trackResponse = z.object({
  code: z.string(),
  status: publicStatus,
  statusText: z.string().describe('The status in plain words (Vietnamese unless English is asked for)'),
  receivingBody: z.string().describe('The body the petition was sent to'),
  receivedOn: day,
  replyDueOn: day.nullable(),
  updatedOn: day.nullable().describe('The day of the last step taken'),
  closedOn: day.nullable(),
  forwards: z.array(z.object({ to: z.string(), on: day })),
  replies: z.array(z.object({ on: day, text: z.string() })).describe('Only the replies the office published'),
});

export const bodiesResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.enum(['province', 'commune']) })),
});

export const unitsQuery = z.strictObject({
  q: text(100).describe('Part of the name, with or without diacritics (at least 2 characters)'),
});
export const unitsResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), path: z.string() })),
});
