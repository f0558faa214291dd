import { z } from 'zod';
import { isoDate, text } from '../../http/schemas.ts';

export const tokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the secret, to recognise it'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable().describe('Last day of validity (YYYY-MM-DD), or null'),
  })
  .describe('ApiToken');

export const createTokenBody = z.strictObject({
  name: text(100).describe('What the token is for, e.g. "Đồng bộ báo cáo"'),
  expiresAt: isoDate.optional().describe('Last day of validity (YYYY-MM-DD, Asia/Ho_Chi_Minh)'),
});

export const createTokenResponse = z.object({
  token: tokenSchema,
  secret: z.string().describe('Shown once: send as "Authorization: Bearer <secret>"'),
});

export const listTokensResponse = z.object({ items: z.array(tokenSchema) });
