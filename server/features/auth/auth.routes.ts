import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { actorOf, clearSessionCookie, cookieOptions, SESSION_COOKIE } from '../../http/auth.ts';
import { errorResponses } from '../../http/errors.ts';
import { okResponse } from '../../http/schemas.ts';
import { sha256 } from '../../security/secrets.ts';
import * as service from './auth.service.ts';
import { accountResponse, loginBody, passwordBody, preferencesBody, sessionResponse } from './auth.schemas.ts';

const errors = errorResponses(400, 401, 403, 429);

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      operationId: 'signIn',
      tags: ['auth'],
      summary: 'Sign in by username, phone or e-mail',
      body: loginBody,
      response: { 200: sessionResponse, ...errors },
    },
    handler: async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const s = await service.login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
        previousSessionId: previous ? sha256(previous) : undefined,
      });
      reply.setCookie(SESSION_COOKIE, s.cookieToken, cookieOptions(ctx, request));
      return { account: s.me, csrfToken: s.csrfToken };
    },
  });

  r.post('/api/auth/logout', {
    config: { auth: 'public' },
    schema: {
      operationId: 'signOut',
      tags: ['auth'],
      summary: 'Sign out (ends the session of the cookie)',
      response: { 200: okResponse, ...errors },
    },
    handler: async (request, reply) => {
      const id = request.identity;
      if (id?.via === 'session' && id.sessionId) await service.logout(ctx, id.sessionId, actorOf(request));
      clearSessionCookie(ctx, request, reply);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    config: { allowWhilePasswordChange: true },
    schema: {
      operationId: 'getMe',
      tags: ['auth'],
      summary: 'The signed-in account',
      response: { 200: sessionResponse.partial({ csrfToken: true }), ...errors },
    },
    handler: (request) => service.currentSession(ctx, request.identity!),
  });

  r.patch('/api/auth/me/preferences', {
    config: { allowWhilePasswordChange: true },
    schema: {
      operationId: 'updateMyPreferences',
      tags: ['auth'],
      summary: 'Save my preferences (UI language)',
      body: preferencesBody,
      response: { 200: accountResponse, ...errors },
    },
    handler: async (request) => ({ account: await service.setLocale(ctx, actorOf(request), request.body.locale) }),
  });

  r.post('/api/auth/password', {
    config: { allowWhilePasswordChange: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      operationId: 'changeMyPassword',
      tags: ['auth'],
      summary: 'Change my password (ends my other sessions)',
      body: passwordBody,
      response: { 200: sessionResponse, ...errors },
    },
    handler: async (request, reply) => {
      const s = await service.changePassword(ctx, actorOf(request), {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (request.identity?.via === 'session')
        reply.setCookie(SESSION_COOKIE, s.cookieToken, cookieOptions(ctx, request));
      return { account: s.me, csrfToken: s.csrfToken };
    },
  });
}
