/** Addresses of the auth pages (Vietnamese slugs, as people read them in the address bar). */
export const LOGIN_PATH = '/dang-nhap';
export const SETUP_PATH = '/thiet-lap';
export const CHANGE_PASSWORD_PATH = '/doi-mat-khau';

/** A safe in-app address to return to after sign-in: a local path, never another site. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith(LOGIN_PATH)) return '/';
  return next;
}
