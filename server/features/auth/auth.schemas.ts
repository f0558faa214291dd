import { z } from 'zod';
import { password } from '../../http/schemas.ts';

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isAdmin: z.boolean(),
    locale: z.enum(['vi', 'en']).describe('UI language, remembered per account'),
    mustChangePassword: z
      .boolean()
      .describe('true after an admin reset: every other call answers PASSWORD_CHANGE_REQUIRED until changed'),
  })
  .describe('Me');
export type Me = z.infer<typeof meSchema>;

/** The first page of the web app for an account: the overview, or my work. */
export const HOMES = ['overview', 'my-work'] as const;
export type Home = (typeof HOMES)[number];

/** The signed-in account as sign-in, GET /api/auth/me and the account's own changes answer it: the account and what
 * follows from its roles today. */
export const signedInAccount = meSchema
  .extend({
    home: z
      .enum(HOMES)
      .describe(
        "The page the web app opens first, from the account's roles today: 'overview' for administrators, those " +
          "who accept work (leaders) and those who only read; 'my-work' for those who carry work out (officers, " +
          'reporters) and accounts without a role',
      ),
  })
  .describe('Me');
export type SignedInAccount = z.infer<typeof signedInAccount>;

declare module '../../http/identity.ts' {
  // A request's identity carries the whole account as its owner sees it (GET /api/auth/me answers it as is).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging Me's fields in is the point
  interface IdentityAccount extends Me {}
}

export const loginBody = z.strictObject({
  login: z.string().min(1, 'validation.required').max(254).describe('Username, phone number or e-mail'),
  password: z.string().min(1, 'validation.required').max(200),
});

export const sessionResponse = z.object({
  account: signedInAccount,
  csrfToken: z
    .string()
    .describe('Send back as the X-CSRF-Token header on POST/PUT/PATCH/DELETE made with the session cookie'),
});

export const preferencesBody = z.strictObject({ locale: z.enum(['vi', 'en']) });
export const accountResponse = z.object({ account: signedInAccount });

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1, 'validation.required').max(200),
  newPassword: password,
});

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  is_admin: boolean;
  locale: 'vi' | 'en';
  must_change_password: boolean;
};

/** Presents an account row to its owner. */
export function presentMe(row: AccountRow): Me {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    isAdmin: row.is_admin,
    locale: row.locale,
    mustChangePassword: row.must_change_password,
  };
}
