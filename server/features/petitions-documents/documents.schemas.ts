import { z } from 'zod';
import { isoDate, ref, text, version } from '../../http/schemas.ts';

export const DOCUMENT_KINDS = [
  'receipt',
  'guidance',
  'forward',
  'filing',
  'proposal',
  'reminder',
  'citizen_reply',
  'withdrawal',
] as const;

export const documentKind = z
  .enum(DOCUMENT_KINDS)
  .describe(
    'receipt: giấy biên nhận (Mẫu 02/TCD); guidance: phiếu hướng dẫn; forward: phiếu chuyển đơn (Mẫu 03, TT 05/2021); ' +
      'filing: thông báo xếp lưu đơn; proposal: phiếu đề xuất xử lý; reminder: văn bản đôn đốc (Luật KN Đ.66); ' +
      'citizen_reply: thông báo kết quả xử lý đơn cho công dân (Luật TCD Đ.28); withdrawal: thông báo về việc rút đơn',
  );

export const draftBody = z.strictObject({
  kind: documentKind,
  note: text(2000)
    .optional()
    .describe('The officer’s words added to the text (e.g. the body a guidance names, what a reminder asks)'),
});

export const signBody = z.strictObject({
  version,
  signerName: text(200).describe('Who signed, as printed under the signature'),
  signerTitle: text(200).optional().describe('Their position, printed above the name ("Phó Chủ tịch")'),
  signedOn: isoDate.optional().describe('The day it was signed (default today; not in the future)'),
});

export const issueBody = z.strictObject({
  version,
  issuedOn: isoDate.optional().describe('The day it is issued (default today; not before signing, not in the future)'),
});

export const documentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });
export const attachmentParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

export const documentOut = z.object({
  id: z.uuid(),
  kind: documentKind,
  status: z.enum(['draft', 'signed', 'issued', 'cancelled']),
  number: z.number().int().nullable().describe('Its number in the series, once issued'),
  written: z
    .string()
    .nullable()
    .describe('The number as after "Số:" in the issuer’s layout ("05/TB-MTTQ"), once issued'),
  symbol: z.string().nullable(),
  issuedOn: z.string().nullable(),
  signedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  note: z.string().nullable(),
  issuer: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  version: z.number().int(),
  url: z.string().describe('The .docx (a draft without number, the number once issued)'),
});

export const documentsAnswer = z.object({ items: z.array(documentOut) });

/** The registers' export: a receiving body's register of a year. */
export const registerQuery = z.strictObject({
  bodyId: ref('body').describe('The receiving body whose register it is'),
  year: z.coerce.number().int().min(1900).max(2100),
  register: z
    .enum(['reception', 'letters'])
    .describe('"reception": sổ tiếp công dân (Luật TCD Đ.25 k.2); "letters": sổ theo dõi đơn'),
});

/** The six-monthly / yearly report: a body and a period as the reporting module names them. */
export const reportQuery = z.strictObject({
  bodyId: ref('body').describe('The receiving body reported on'),
  period: z
    .string()
    .regex(/^\d{4}(S[12])?$|^\d{4}Q[1-4]$|^\d{6}$/, 'validation.petitionPeriod')
    .describe(
      'A period as the reporting module names it: 2026 (year), 2026S1 / 2026S2 (calendar halves: 1/1–30/6, 1/7–31/12), 2026Q1, 202603',
    ),
});
