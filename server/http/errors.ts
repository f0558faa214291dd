import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pickLang, translate, hasKey, type Lang } from '../i18n/messages.ts';

/** The closed list of error codes clients can rely on, with their HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_ENCODING: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  WRONG_PASSWORD: 400,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  SELF_ACCEPT: 403,
  SELF_APPROVE: 403,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  ALREADY_LINKED: 409,
  ALREADY_FORWARDED: 409,
  FORM_TOO_FAST: 422,
  FORM_EXPIRED: 422,
  DAILY_LIMIT_REACHED: 429,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  SETUP_DONE: 409,
  SETUP_TOKEN_REQUIRED: 403,
  CANNOT_DISABLE_SELF: 409,
  CANNOT_REMOVE_LAST_ADMIN: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  PERIOD_LOCKED: 409,
  CHECKS_FAILED: 422,
  DB_UNAVAILABLE: 503,
  UPLOAD_TOO_COMPLEX: 413,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorIssue = { field: string; message: string };

/** The one error type of Khối: a code (→ status and translated message), optionally the field at fault. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly params: Record<string, string | number>;
  readonly issues?: ErrorIssue[];
  readonly retryAfterSeconds?: number;
  /** the limit a refused upload went over, and its value */
  readonly limit?: { name: string; max: number };

  constructor(
    code: ErrorCode,
    opts: {
      field?: string;
      params?: Record<string, string | number>;
      issues?: ErrorIssue[];
      retryAfterSeconds?: number;
      limit?: { name: string; max: number };
      message?: string;
    } = {},
  ) {
    super(opts.message ?? code);
    this.code = code;
    this.field = opts.field;
    this.params = opts.params ?? {};
    this.issues = opts.issues;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.limit = opts.limit;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A field refused by a rule the schema cannot say (a due date before the start, a body that ended): 400 naming the
 * field, with its message (an i18n key). */
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { field, issues: [{ field, message }] });

/** Zod issues from a request, kept raw so the message is translated per request language. */
export class RequestValidationError extends Error {
  readonly issues: z.core.$ZodIssue[];
  readonly part: string;
  constructor(issues: z.core.$ZodIssue[], part: string) {
    super('request validation failed');
    this.issues = issues;
    this.part = part;
  }
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. VALIDATION_FAILED'),
      message: z.string().describe('Message in the language of Accept-Language (vi by default)'),
      field: z.string().optional().describe('The field at fault, dotted path'),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      retryAfterSeconds: z.number().optional(),
      limit: z
        .object({ name: z.string(), max: z.number() })
        .optional()
        .describe('The limit a refused upload went over (UPLOAD_TOO_COMPLEX), e.g. { name: "rows", max: 20000 }'),
      requestId: z.string().optional(),
    }),
  })
  .describe('Error');

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
/** The error answers a route documents, all with the one error body. Without arguments: the five every
 * signed-in route can give (bad input, not signed in, not allowed, not found or not readable, conflict). */
export function errorResponses<S extends ErrorStatus = 400 | 401 | 403 | 404 | 409>(
  ...statuses: S[]
): Record<S, typeof errorBodySchema> {
  const list = statuses.length ? statuses : ([400, 401, 403, 404, 409] as S[]);
  return Object.fromEntries(list.map((s) => [s, errorBodySchema])) as Record<S, typeof errorBodySchema>;
}

const zodLocales: Record<Lang, z.core.$ZodErrorMap> = {
  vi: z.locales.vi().localeError,
  en: z.locales.en().localeError,
};

function issueField(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return [path, issue.keys[0]].filter(Boolean).join('.');
  return path;
}

/** Turns a zod issue into a message in the request's language. Our own messages are i18n keys ("validation.username"). */
export function issueMessage(lang: Lang, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return translate(lang, 'validation.unknownField', { keys: issue.keys.join(', ') });
  if (issue.message && hasKey(lang, issue.message)) return translate(lang, issue.message);
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined)
    return translate(lang, 'validation.required');
  const out = zodLocales[lang](issue as unknown as Parameters<z.core.$ZodErrorMap>[0]);
  if (typeof out === 'string') return out;
  if (out && typeof out === 'object' && 'message' in out) return String(out.message);
  return issue.message;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  extra: {
    field?: string;
    issues?: ErrorIssue[];
    params?: Record<string, string | number>;
    retryAfterSeconds?: number;
    limit?: { name: string; max: number };
  } = {},
) {
  const lang = pickLang(request.headers['accept-language']);
  const body = {
    error: {
      code,
      message: translate(lang, `errors.${code}`, { requestId: String(request.id), ...extra.params }),
      ...(extra.field !== undefined ? { field: extra.field } : {}),
      ...(extra.issues ? { issues: extra.issues } : {}),
      ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
      ...(extra.limit ? { limit: extra.limit } : {}),
      requestId: String(request.id),
    },
  };
  if (extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.status(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** Inputs the database refused after the checks let them through: answered as 4xx, counted as our defects (the
 * generated bad-input test holds the count at zero). */
export type Defects = { count: number; last: string | null };
declare module 'fastify' {
  interface FastifyInstance {
    khoiDefects: Defects;
  }
}

/** The client's error behind a PostgreSQL refusal of what it was sent (a value it cannot hold, a missing or still
 * referenced row, a duplicate, a concurrent change); null for anything else, which stays a 500. */
export function databaseRefusal(error: unknown): ErrorCode | null {
  const e = error as { code?: unknown; severity?: unknown; detail?: unknown };
  if (typeof e.code !== 'string' || typeof e.severity !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  const code = e.code;
  if (code === '23503')
    return typeof e.detail === 'string' && e.detail.includes('is still referenced') ? 'CONFLICT' : 'NOT_FOUND';
  if (code === '23505') return 'ALREADY_EXISTS';
  if (code === '23P01' || code === '40001' || code === '40P01') return 'CONFLICT';
  if (code.startsWith('22') || code === '23502' || code === '23514' || code === '54000') return 'VALIDATION_FAILED';
  return null;
}

/** Refusals made by Fastify's router before a route runs (a malformed or overlong path), in the one error shape. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ err: error }, 'refused by the router');
  void send(reply, request, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'BAD_REQUEST');
}

/** Refusals made by Node's HTTP parser before Fastify sees a request (headers or URL over 16 KB, a malformed request
 * line), in the one error shape; Vietnamese, as no header could be read. */
export function clientErrorResponse(err: { code?: string }): string {
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST';
  const requestId = crypto.randomUUID();
  const body = JSON.stringify({ error: { code, message: translate('vi', `errors.${code}`), requestId } });
  const reason = code === 'HEADERS_TOO_LARGE' ? 'Request Header Fields Too Large' : 'Bad Request';
  return `HTTP/1.1 ${ERROR_STATUS[code]} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** Maps every error to the one error body, in exactly one place. */
export function installErrorHandling(app: FastifyInstance): void {
  const defects: Defects = { count: 0, last: null };
  app.decorate('khoiDefects', defects);
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    if (error instanceof AppError) {
      const issues = error.issues?.map((i) => ({
        field: i.field,
        message: hasKey(lang, i.message) ? translate(lang, i.message, error.params) : i.message,
      }));
      return send(reply, request, error.code, {
        field: error.field,
        issues,
        params: error.params,
        retryAfterSeconds: error.retryAfterSeconds,
        limit: error.limit,
      });
    }
    if (error instanceof RequestValidationError) {
      const issues = error.issues.map((i) => ({ field: issueField(i), message: issueMessage(lang, i) }));
      return send(reply, request, 'VALIDATION_FAILED', { field: issues[0]?.field, issues });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, request, 'INVALID_JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, request, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(
          reply,
          request,
          error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED',
        );
      case 'FST_ERR_VALIDATION':
        return send(reply, request, 'VALIDATION_FAILED', { issues: [{ field: '', message: error.message }] });
      case 'FST_ERR_BAD_URL':
      case 'FST_ERR_ASYNC_CONSTRAINT':
        return send(reply, request, 'VALIDATION_FAILED');
    }
    if (error.statusCode === 429)
      return send(reply, request, 'RATE_LIMITED', {
        retryAfterSeconds: Number(reply.getHeader('retry-after')) || undefined,
      });
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return send(
        reply,
        request,
        error.statusCode === 404
          ? 'NOT_FOUND'
          : error.statusCode === 413
            ? 'PAYLOAD_TOO_LARGE'
            : error.statusCode === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : 'VALIDATION_FAILED',
      );
    }
    const pgCode = (error as { code?: string }).code;
    if (pgCode === 'ECONNREFUSED' || pgCode === '57P01' || pgCode === '57P03') {
      request.log.error({ err: error }, 'database unavailable');
      return send(reply, request, 'DB_UNAVAILABLE');
    }
    const refused = databaseRefusal(error);
    if (refused) {
      // The input checks should have caught it: answered as the client's error, logged as our defect.
      request.log.error({ err: error, defect: true }, 'database refused input that the checks let through');
      defects.count++;
      defects.last = `${request.method} ${request.url}: ${(error as Error).message}`;
      return send(reply, request, refused);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, request, 'INTERNAL');
  });
}
