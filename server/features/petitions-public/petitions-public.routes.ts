import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError, errorResponses } from '../../http/errors.ts';
import { pickLang } from '../../i18n/messages.ts';
import * as service from './petitions-public.service.ts';
import {
  bodiesResponse,
  formResponse,
  submitBody,
  submitResponse,
  trackingCodeParam,
  trackResponse,
  unitsQuery,
  unitsResponse,
  uploadFields,
  uploadResponse,
  PUBLIC_FILE_BYTES,
  PUBLIC_FILES_MAX,
} from './petitions-public.schemas.ts';
import { readUploadForm } from '../files/index.ts';

const tags = ['public-petitions'];
// A browser names its origin on a cross-site write (the auth hook refuses another site's, and a cross-site form cannot
// send JSON); a sandboxed frame's "null" origin, which that check lets through, is refused here.
const notFromNullOrigin = (request: FastifyRequest, _reply: unknown, done: (err?: Error) => void) =>
  done(request.headers.origin === 'null' ? new AppError('CSRF_FAILED') : undefined);
const lang = (request: FastifyRequest) => pickLang(request.headers['accept-language']);
// The rate limits count per address, an IPv6 one by its /64 (service.addressKey), in each server's memory; the daily
// caps (service.LIMITS) are counted in the database.
const perAddress = (max: number, timeWindow: string, hook?: 'preHandler') => ({
  max,
  timeWindow,
  keyGenerator: (request: FastifyRequest) => service.addressKey(request.ip),
  ...(hook ? { hook } : {}),
});

/**
 * The citizens' side of petitions (issue 21 §8): no sign-in. A form token, the receiving bodies and units to choose
 * from, the files attached to the form, the submission, and tracking by the random code. Every route is rate-limited per address; the submission
 * also has the daily caps, the minimum fill time and the honeypot (petitions-public.service.ts).
 */
export function publicPetitionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/petitions/form', {
    config: { auth: 'public', rateLimit: perAddress(30, '1 minute') },
    schema: {
      operationId: 'publicPetitionForm',
      tags,
      summary: 'A token for the public petition form (opened now: it may be sent back after the minimum fill time)',
      response: { 200: formResponse, ...errorResponses(429) },
    },
    handler: () => service.formToken(ctx),
  });

  r.get('/api/public/receiving-bodies', {
    config: { auth: 'public', rateLimit: perAddress(60, '1 minute') },
    schema: {
      operationId: 'publicReceivingBodies',
      tags,
      summary: 'The bodies a citizen may address a petition to (Front committees of provinces, communes and wards)',
      response: { 200: bodiesResponse, ...errorResponses(429) },
    },
    handler: () => service.receivingBodies(ctx),
  });

  r.get('/api/public/units', {
    config: { auth: 'public', rateLimit: perAddress(60, '1 minute') },
    schema: {
      operationId: 'publicSearchUnits',
      tags,
      summary: 'Communes, wards and villages in force today by name (id, name and the names above it only)',
      querystring: unitsQuery,
      response: { 200: unitsResponse, ...errorResponses(400, 429) },
    },
    handler: (request) => service.searchUnits(ctx, request.query.q),
  });

  r.post('/api/public/petitions', {
    // Counted once the request is well formed (broken JSON or a missing field is refused before, at no cost): a person
    // correcting a typo is not held back by their own mistakes.
    config: { auth: 'public', rateLimit: perAddress(5, '10 minutes', 'preHandler') },
    preHandler: notFromNullOrigin,
    schema: {
      operationId: 'submitPublicPetition',
      tags,
      summary:
        'Send a petition without signing in; answers the tracking code (limits: 5 per 10 minutes and 20 a day per address, 5 a day per phone, at least 8 s after the form opened)',
      body: submitBody,
      response: { 201: submitResponse, ...errorResponses(400, 403, 404, 422, 429) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await service.submitPetition(ctx, request.body, {
          ip: request.ip,
          requestId: String(request.id),
          lang: lang(request),
        }),
      ),
  });

  r.post('/api/public/petitions/files', {
    config: {
      auth: 'public',
      multipart: true,
      multipartFields: uploadFields,
      rateLimit: perAddress(20, '10 minutes', 'preHandler'),
    },
    preHandler: notFromNullOrigin,
    schema: {
      operationId: 'uploadPublicPetitionFile',
      tags,
      summary: `Attach a file to the public form before sending it: a photo (JPEG, PNG, WebP), PDF, Word or Excel file of at most ${PUBLIC_FILE_BYTES / 1024 / 1024} MB, field formToken (limits: ${PUBLIC_FILES_MAX} per form, 20 per 10 minutes and ${service.LIMITS.uploadsPerAddressPerDay} a day per address); name its id in the submission's attachments`,
      response: { 201: uploadResponse, ...errorResponses(400, 403, 413, 415, 422, 429) },
    },
    handler: async (request, reply) => {
      const form = await readUploadForm(request, PUBLIC_FILE_BYTES, uploadFields);
      return reply.status(201).send(
        await service.uploadFile(ctx, form.fields.formToken, form.file, {
          ip: request.ip,
          requestId: String(request.id),
        }),
      );
    },
  });

  r.get('/api/public/petitions/:code', {
    config: { auth: 'public', rateLimit: perAddress(30, '1 minute') },
    schema: {
      operationId: 'trackPublicPetition',
      tags,
      summary: 'A petition’s status by its tracking code: status, dates, forwards and the published replies only',
      params: trackingCodeParam,
      response: { 200: trackResponse, ...errorResponses(400, 404, 429) },
    },
    handler: (request) => service.trackPetition(ctx, request.params.code, lang(request)),
  });
}
