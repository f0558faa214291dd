import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { actorOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/errors.ts';
import { uuidParam } from '../../http/schemas.ts';
import { pickLang } from '../../i18n/messages.ts';
import { callerOf } from '../work/index.ts';
import * as s from './notifications.schemas.ts';
import * as service from './notifications.service.ts';

const errors = errorResponses();
const lang = (r: FastifyRequest) => pickLang(r.headers['accept-language']);

/** Notifications and their settings, and the "my work" digest. Every route acts on the caller's own records only:
 * another account's notification is 404. */
export function notificationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/notifications', {
    schema: {
      operationId: 'listNotifications',
      tags,
      summary: 'My notifications, newest first, with the unread count',
      querystring: s.listQuery,
      response: { 200: s.notificationPage, ...errors },
    },
    handler: (request) => service.listNotifications(ctx, actorOf(request).accountId, request.query),
  });
  r.post('/api/notifications/:id/read', {
    schema: {
      operationId: 'markNotificationRead',
      tags,
      summary: 'Mark one of my notifications read',
      params: uuidParam,
      response: { 200: s.notificationItem, ...errors },
    },
    handler: (request) => service.markRead(ctx, actorOf(request), request.params.id),
  });
  r.post('/api/notifications/read-all', {
    schema: {
      operationId: 'markAllNotificationsRead',
      tags,
      summary: 'Mark all my notifications read',
      response: { 200: s.readAllResult, ...errors },
    },
    handler: (request) => service.markAllRead(ctx, actorOf(request)),
  });
  r.get('/api/notification-settings', {
    schema: {
      operationId: 'getNotificationSettings',
      tags,
      summary: 'My notification settings (the defaults until saved)',
      response: { 200: s.settings, ...errors },
    },
    handler: (request) => service.getSettings(ctx, actorOf(request).accountId),
  });
  r.put('/api/notification-settings', {
    schema: {
      operationId: 'updateNotificationSettings',
      tags,
      summary: 'Save my notification settings: when due-soon reminders start, the daily digest, e-mail',
      body: s.settingsInput,
      response: { 200: s.settings, ...errors },
    },
    handler: (request) => service.putSettings(ctx, actorOf(request), request.body),
  });
  r.get('/api/my-work/digest', {
    schema: {
      operationId: 'getMyWorkDigest',
      tags,
      summary: 'What I must do by a date (overdue first) as a list and as a plain-text message to paste into Zalo',
      querystring: s.digestQuery,
      response: { 200: s.digestResult, ...errors },
    },
    handler: async (request) =>
      service.digest(
        ctx,
        await callerOf(ctx.db, request.identity, localDate(ctx.clock.now())),
        lang(request),
        request.query.days,
      ),
  });
}
