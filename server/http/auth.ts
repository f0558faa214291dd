import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { localDate } from '../clock.ts';
import { AppError } from './errors.ts';
import type { Identity, IdentityResolver } from './identity.ts';
import { safeEqual } from '../security/secrets.ts';
import type { Actor } from '../db/tx.ts';

export const SESSION_COOKIE = 'khoi_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** who may call the route: 'public', any signed-in account ('user', the default) or an admin */
    auth?: 'public' | 'user' | 'admin';
    /** reachable while the account must change its password (me, password, logout, preferences) */
    allowWhilePasswordChange?: boolean;
    /** the route reads a multipart/form-data upload (no JSON body schema) */
    multipart?: boolean;
    /** the text fields sent beside the upload's `file`, documented in the OpenAPI document (read with parseFormFields) */
    multipartFields?: import('zod').ZodObject;
    /** the route changes records scoped to a unit subtree (checked in the service); the scope matrix test covers it */
    scope?: 'unit';
  }
  interface FastifyRequest {
    identity: Identity | null;
  }
  interface FastifyInstance {
    /** every API route with its access rules (auth level, unit scope) */
    khoiRoutes: { method: string; url: string; auth: string; scope?: string }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(ctx: AppContext, request: FastifyRequest) {
  const secure = ctx.env.KHOI_SECURE_COOKIES ?? request.protocol === 'https';
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: ctx.env.KHOI_SESSION_DAYS * 86_400 };
}

export function clearSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { ...cookieOptions(ctx, request), maxAge: undefined });
}

/** The acting account of a request, for the audit log. */
export function actorOf(request: FastifyRequest): Actor & { accountId: string } {
  const id = request.identity;
  if (!id) throw new AppError('UNAUTHENTICATED');
  return {
    accountId: id.me.id,
    label: id.via === 'token' ? 'api-token' : 'web',
    requestId: String(request.id),
    ip: request.ip,
  };
}

/** Resolves who is calling (session cookie or API token, through `resolve`) and enforces each route's `auth`, the
 * forced password change and CSRF on state-changing requests made with the cookie. */
export function installAuth(app: FastifyInstance, ctx: AppContext, resolve: IdentityResolver): void {
  app.decorateRequest('identity', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config ?? {};
    const level = request.url.startsWith('/api/docs') ? 'public' : (config.auth ?? 'user');

    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.identity = await resolve.fromToken(ctx, header.slice(7).trim(), localDate(ctx.clock.now()));
      if (!request.identity && level !== 'public') throw new AppError('UNAUTHENTICATED');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        request.identity = await resolve.fromSession(ctx, cookie);
        if (!request.identity) clearSessionCookie(ctx, request, reply);
      }
    }
    // A browser always names its origin on cross-site writes: refuse any that is not ours (login CSRF included).
    const origin = request.headers.origin;
    if (UNSAFE.has(request.method) && origin && origin !== 'null') {
      let same = false;
      try {
        // URL() drops default ports on both sides, so "http://x:80" matches host "x".
        const o = new URL(origin);
        same = o.host === new URL(`${o.protocol}//${request.host}`).host;
      } catch {
        /* an unparsable origin is not ours */
      }
      if (!same) throw new AppError('CSRF_FAILED');
    }
    if (level === 'public') return;
    const identity = request.identity;
    if (!identity) throw new AppError('UNAUTHENTICATED');
    if (identity.via === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !identity.csrfToken || !safeEqual(sent, identity.csrfToken))
        throw new AppError('CSRF_FAILED');
    }
    if (identity.me.mustChangePassword && !config.allowWhilePasswordChange)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (level === 'admin' && !identity.me.isAdmin) throw new AppError('FORBIDDEN');
  });
}
