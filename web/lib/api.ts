import type { ErrorAnswer, Item } from './contract.ts';
import { currentLocale } from './i18n.ts';
import { asSubmission } from './idempotency.ts';

/** One problem with one field, as the server reports it. */
export type FieldIssue = Item<NonNullable<ErrorAnswer['error']['issues']>>;

/** Every part optional: an error answer may come from a proxy in front of Khối, not from Khối. */
type ErrorBody = { error?: Partial<ErrorAnswer['error']> };

/** An error answer from the server (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { field?: string; issues?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = extra.field;
    this.issues = extra.issues ?? [];
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remembers the anti-forgery token from the last session answer (login, /me, password change). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
let onUnauthenticated: Listener | null = null;
let onPasswordChangeRequired: Listener | null = null;

/** Called on any 401 (except where the caller expects one): the app sends the person to the login page. */
export function setUnauthenticatedHandler(handler: Listener | null): void {
  onUnauthenticated = handler;
}

/** Called when the server refuses work until the password is changed. */
export function setPasswordChangeRequiredHandler(handler: Listener | null): void {
  onPasswordChangeRequired = handler;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData;
  query?: Record<string, string | number | undefined | null>;
  /** Do not redirect to the login page on 401 (login itself, the session probe). */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Calls the Khối API: JSON in and out, the session cookie, the UI language, and the CSRF token on writes, each write
 * with the Idempotency-Key of its submission (idempotency.ts), so that one sent again is not done twice.
 * Throws ApiError for any non-2xx answer or a network failure.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  if (!UNSAFE.has(method)) return send<T>(method, path, options, null);
  return asSubmission(method, withQuery(path, options.query), options.body, options.form, (key) =>
    send<T>(method, path, options, key),
  );
}

async function send<T>(
  method: string,
  path: string,
  options: RequestOptions,
  idempotencyKey: string | null,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }

  const data = await readJson(response);
  if (response.ok) return data as T;

  const body = (data ?? {}) as ErrorBody;
  const error = new ApiError(
    response.status,
    body.error?.code ?? 'HTTP_' + response.status,
    body.error?.message ?? response.statusText,
    {
      field: body.error?.field,
      issues: body.error?.issues,
      retryAfterSeconds: body.error?.retryAfterSeconds,
    },
  );
  if (response.status === 401 && !options.expectUnauthenticated) onUnauthenticated?.(error);
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired?.(error);
  throw error;
}

/** Retry policy for queries: only network trouble and server errors, a couple of times; never a definite answer. */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500);
}
