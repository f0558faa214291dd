import { AppError } from '../http/errors.ts';

/** Unique-index name → the API field it guards. */
const UNIQUE_FIELDS: Record<string, string> = {
  accounts_username_key: 'username',
  accounts_email_key: 'email',
  accounts_phone_key: 'phone',
  accounts_person_key: 'personId',
};

/** Turns a unique violation into ALREADY_EXISTS naming the field; rethrows anything else. */
export function rethrowUnique(err: unknown): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505') {
    throw new AppError('ALREADY_EXISTS', { field: (e.constraint && UNIQUE_FIELDS[e.constraint]) ?? undefined });
  }
  throw err;
}
