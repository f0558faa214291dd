import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from './errors.ts';
import * as repo from './idempotency.repository.ts';
import {
  boundaryOf,
  canonical,
  deriveKeys,
  mac,
  multipartHasher,
  open,
  seal,
  type DerivedKeys,
} from './idempotency.seal.ts';

/**
 * Idempotency-Key on every unsafe /api/ request of a signed-in account (docs/api.md, "Idempotency-Key"): the first
 * request with a key claims it in its own statement before its handler runs, its answer is recorded (encrypted)
 * before it is sent, and a request with the same key gets that answer again instead of running twice.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a key is held and its answer given again. */
export const KEEP_MS = 24 * 3_600_000;
/** A claim whose request has not answered within this time is taken to be lost with its server (stopped mid-request)
 * and may be taken over; far longer than any request of Khối runs. */
export const LEASE_MS = 5 * 60_000;

const KEY_PATTERN = /^[\x20-\x7E]{8,200}$/;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The headers of an answer that are given again (never Set-Cookie: a credential is not kept). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'location', 'cache-control'];
/** Answers that say "not now" rather than "done" or "never": a retry should run again, so they are not kept. */
const TRANSIENT = new Set([408, 409, 423, 425, 429]);
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** The most of an upload read to compare a repeated one (the largest upload allowed is 20 MiB). */
const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

/** Whether an answer with this status is kept and given again: successes and definite refusals (4xx), not the
 * transient ones (TRANSIENT) nor server errors (5xx), after which the request may run again. */
export function keepsAnswer(status: number): boolean {
  return status < 400 || (status < 500 && !TRANSIENT.has(status));
}

type State = {
  key: string;
  accountId: string;
  keys: DerivedKeys;
  route: string;
  /** this request holds the claim: its answer is to be recorded or the key given up */
  claimed: boolean;
  bodyHash: Buffer | null;
  upload?: { hasher: ReturnType<typeof multipartHasher>; ended: boolean };
};

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: State | null;
  }
}

/** The validated key of an unsafe request, or null when it has none. */
function keyOf(request: FastifyRequest): string | null {
  const value = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new AppError('VALIDATION_FAILED', {
      field: IDEMPOTENCY_HEADER,
      issues: [{ field: IDEMPOTENCY_HEADER, message: 'validation.idempotencyKey' }],
    });
  }
  return value;
}

/** What an unsafe /api/ request of a signed-in account holds by its key; null when it keeps nothing. */
function stateOf(request: FastifyRequest): State | null {
  if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return null;
  const key = keyOf(request);
  const route = request.routeOptions.url;
  // Routes open to anyone (sign-in, sign-out, first-run setup) accept a key and keep nothing (docs/api.md).
  if (!key || !route || request.routeOptions.config?.auth === 'public' || !request.identity) return null;
  const accountId = request.identity.me.id;
  return { key, accountId, keys: deriveKeys(key, accountId), route, claimed: false, bodyHash: null };
}

/** Reads a whole upload (that is not going to be stored) to compare it with the first one. */
async function hashUpload(request: FastifyRequest, key: Buffer): Promise<Buffer> {
  const hasher = multipartHasher(key, boundaryOf(request.headers['content-type']));
  for await (const chunk of request.raw) {
    hasher.update(chunk as Buffer);
    if (hasher.bytes() > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  }
  return hasher.digest();
}

/** Hashes an upload as the handler reads it, without reading any of it itself. */
function tapUpload(request: FastifyRequest, state: State): void {
  const hasher = multipartHasher(state.keys.mac, boundaryOf(request.headers['content-type']));
  const upload = { hasher, ended: false };
  state.upload = upload;
  // Paused first, so that listening does not start the flow before the handler's parser is attached.
  request.raw.pause();
  request.raw.on('data', (chunk: Buffer) => hasher.update(chunk));
  request.raw.once('end', () => (upload.ended = true));
}

/** The upload's hash once the whole body has been seen: the handler's parser may be done with the file while the
 * last bytes (the closing boundary) are still on their way, so those are let through first. Browsers read the answer
 * only after sending the whole body, so this holds nothing back from them. Null if the body never ended (aborted). */
async function uploadHash(request: FastifyRequest, upload: NonNullable<State['upload']>): Promise<Buffer | null> {
  const raw = request.raw;
  if (!upload.ended && !raw.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        raw.off('end', done).off('close', done).off('error', done);
        resolve();
      };
      raw.once('end', done).once('close', done).once('error', done);
      raw.resume();
    });
  }
  return upload.ended ? upload.hasher.digest() : null;
}

function answerBytes(payload: unknown): Buffer | null {
  if (payload === undefined || payload === null) return Buffer.alloc(0);
  if (typeof payload === 'string') return Buffer.from(payload);
  if (Buffer.isBuffer(payload)) return payload;
  return null; // a stream: not kept
}

const bound = (method: string, route: string, status: number) => `${method} ${route} ${status}`;

export function installIdempotency(app: FastifyInstance, ctx: Pick<AppContext, 'db' | 'clock'>): void {
  app.decorateRequest('idempotency', null);

  // Checked on every unsafe request before its body is read, so a bad key is the answer whatever the body holds.
  app.addHook('onRequest', (request, _reply, done) => {
    const state = stateOf(request);
    if (state) request.idempotency = state;
    done();
  });

  app.addHook('preHandler', async (request, reply) => {
    const s = request.idempotency;
    if (!s) return;
    const requestHash = mac(s.keys.mac, canonical([request.method, s.route, request.params, request.query]));
    const upload = request.isMultipart();
    s.bodyHash = upload ? null : mac(s.keys.mac, canonical(request.body));
    const now = ctx.clock.now();
    const key = { accountId: s.accountId, keyHash: s.keys.id };
    for (let attempt = 0; attempt < 2; attempt++) {
      const claimed = await repo.claim(ctx.db, {
        ...key,
        method: request.method,
        route: s.route,
        requestHash,
        bodyHash: s.bodyHash,
        requestId: String(request.id),
        now,
        expiresAt: new Date(now.getTime() + KEEP_MS),
        abandonedBefore: new Date(now.getTime() - LEASE_MS),
      });
      if (claimed) {
        s.claimed = true;
        if (upload) tapUpload(request, s);
        return;
      }
      const row = await repo.find(ctx.db, { ...key, now });
      if (!row) continue; // expired and purged in between: claim again
      const reused =
        !row.request_hash.equals(requestHash) || (s.bodyHash && row.body_hash && !row.body_hash.equals(s.bodyHash));
      if (reused) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (row.status === null || !row.response || !row.body_hash) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      // An upload is read (to compare it) only when there is an answer to give.
      if (upload && !row.body_hash.equals(await hashUpload(request, s.keys.mac)))
        throw new AppError('IDEMPOTENCY_KEY_REUSED');
      const answer = open(s.keys.enc, row.response, bound(row.method, row.route, row.status));
      reply.code(row.status).headers(answer.headers).header('idempotent-replayed', 'true');
      return reply.send(answer.body.length ? answer.body : undefined);
    }
    throw new AppError('IDEMPOTENCY_IN_PROGRESS');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const s = request.idempotency;
    if (!s?.claimed) return payload;
    s.claimed = false;
    const key = { accountId: s.accountId, keyHash: s.keys.id, requestId: String(request.id) };
    try {
      const status = reply.statusCode;
      const body = answerBytes(payload);
      const kept = keepsAnswer(status) && body !== null && body.length <= MAX_ANSWER_BYTES;
      const bodyHash = !kept ? null : s.upload ? await uploadHash(request, s.upload) : s.bodyHash;
      if (!body || !bodyHash) {
        await repo.release(ctx.db, key);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const v = reply.getHeader(name);
        if (v !== undefined) headers[name] = String(v);
      }
      const response = seal(s.keys.enc, { headers, body }, bound(request.method, s.route, status));
      await repo.record(ctx.db, { ...key, status, bodyHash, response, now: ctx.clock.now() });
    } catch (err) {
      // Not recorded: give the key up so that a retry runs; if even that fails, the lease frees it.
      request.log.error({ err }, 'idempotency: the answer could not be recorded');
      await repo.release(ctx.db, key).catch(() => undefined);
    }
    return payload;
  });
}

/** The daily sweep's part: deletes the keys past their 24 hours (they are never answered from after that anyway). */
export async function purgeExpiredKeys(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  return repo.purgeExpired(ctx.db, ctx.clock.now());
}

/** The header in the OpenAPI document: one shared parameter, referenced by every unsafe operation. */
export function documentIdempotencyKey<T extends { paths?: object; components?: object }>(doc: T): T {
  const parameter = {
    name: IDEMPOTENCY_HEADER,
    in: 'header',
    required: false,
    description:
      'A key chosen by the client (8–200 printable ASCII characters; a random UUID is best), the same when the same request is sent again. Within 24 hours a request with a key already used by the same account gets the first answer again (with `Idempotent-Replayed: true`) and changes nothing; with another request, 422 IDEMPOTENCY_KEY_REUSED; while the first is still running, 409 IDEMPOTENCY_IN_PROGRESS. Accepted and ignored on routes open to anyone.',
    schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x20-\\x7E]{8,200}$' },
  };
  const ref = { $ref: '#/components/parameters/IdempotencyKey' };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, op]) => {
        if (!UNSAFE.has(method.toUpperCase()) || !path.startsWith('/api/')) return [method, op];
        const o = op as { parameters?: unknown[] };
        return [method, { ...o, parameters: [...(o.parameters ?? []), ref] }];
      }),
    );
  }
  const components = (doc.components ?? {}) as { parameters?: Record<string, unknown> };
  return {
    ...doc,
    paths,
    components: { ...components, parameters: { ...components.parameters, IdempotencyKey: parameter } },
  };
}
