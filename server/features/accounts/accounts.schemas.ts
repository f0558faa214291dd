import { z } from 'zod';
import {
  email,
  pagination,
  password,
  phone,
  text,
  username,
  ref,
  version as versionField,
} from '../../http/schemas.ts';
import { meSchema } from '../auth/index.ts';

export const accountSchema = meSchema
  .extend({
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable().describe('ISO instant'),
    createdAt: z.string().describe('ISO instant'),
    version: z.number().int().describe('Send back on update; a stale version answers 409 CONFLICT'),
    personId: z.uuid().nullable().describe('The person (cán bộ) this account belongs to'),
  })
  .describe('Account');
export type Account = z.infer<typeof accountSchema>;

export const listQuery = z.strictObject({
  q: z.string().max(100).optional().describe('Search in sign-in name, name, e-mail and phone, ignoring diacritics'),
  ...pagination,
});

export const listResponse = z.object({
  items: z.array(accountSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const createBody = z.strictObject({
  username,
  displayName: text(200).describe('Full name as shown'),
  email: email.optional(),
  phone: phone.optional(),
  password: password.describe('Initial password; the person must change it at first sign-in'),
  isAdmin: z.boolean().default(false),
  personId: ref('person').nullable().optional().describe('Link the account to a person of the register'),
});
export type CreateAccountInput = z.infer<typeof createBody>;

export const updateBody = z.strictObject({
  version: versionField,
  displayName: text(200).optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  isAdmin: z.boolean().optional(),
  personId: ref('person').nullable().optional().describe('Link the account to a person of the register'),
});
export type UpdateAccountInput = z.infer<typeof updateBody>;

export const resetBody = z.strictObject({ password });

export const accountResponse = z.object({ account: accountSchema });

type Row = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  is_admin: boolean;
  locale: 'vi' | 'en';
  must_change_password: boolean;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  version: number;
  person_id: string | null;
};

export function presentAccount(r: Row): Account {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    phone: r.phone,
    isAdmin: r.is_admin,
    locale: r.locale,
    mustChangePassword: r.must_change_password,
    disabled: r.disabled_at !== null,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
    personId: r.person_id,
  };
}
