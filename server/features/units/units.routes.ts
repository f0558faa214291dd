import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, errorResponses, errorBodySchema } from '../../http/errors.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import { unitScopeOf } from '../../http/scope.ts';
import { pickLang } from '../../i18n/messages.ts';
import { UPLOAD_LIMITS } from '../../uploads/upload.limits.ts';
import * as s from './units.schemas.ts';
import * as service from './units.service.ts';
import { today } from '../../clock.ts';
import * as villages from './villages.service.ts';
import { importVillages } from './villages.import.ts';

const errors = errorResponses();
export const IMPORT_FILE_LIMIT = UPLOAD_LIMITS.fileBytes;

const lang = (r: FastifyRequest) => pickLang(r.headers['accept-language']);

export function unitsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scope = (req: FastifyRequest) => unitScopeOf(req.identity!, today(ctx));
  const tags = ['units'];

  r.get('/api/units', {
    schema: {
      operationId: 'listUnits',
      tags,
      summary: 'Children in force on a date of the unit that had a code on that date (no parent: the top level)',
      querystring: s.childrenQuery,
      response: { 200: z.array(s.unitItem), ...errors },
    },
    handler: (request) => service.listChildren(ctx, lang(request), request.query),
  });

  r.get('/api/units/search', {
    schema: {
      operationId: 'searchUnits',
      tags,
      summary: 'Search units by name (diacritics-insensitive phrase) or code, as of a date',
      querystring: s.searchQuery,
      response: { 200: z.array(s.searchItem), ...errors },
    },
    handler: (request) => service.searchUnits(ctx, lang(request), request.query),
  });

  r.get('/api/units/kinds', {
    schema: {
      operationId: 'listUnitKinds',
      tags,
      summary: 'Kinds of units (data)',
      response: { 200: z.array(s.kindItem), ...errors },
    },
    handler: (request) => service.listKinds(ctx, lang(request)),
  });

  r.get('/api/units/pending', {
    schema: {
      operationId: 'listPendingUnits',
      tags,
      summary: 'Endings without a successor and villages waiting to be placed',
      response: { 200: z.array(s.pendingItem), ...errors },
    },
    handler: () => service.listPending(ctx),
  });

  r.post('/api/units/pending/:id/link', {
    schema: {
      operationId: 'linkPendingUnit',
      tags,
      summary: 'Name the successor of a unit that ended without one (administrator); its villages follow a full link',
      params: uuidParam,
      body: s.linkBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await service.linkEnding(ctx, actorOf(request), scope(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });

  r.get('/api/units/:code', {
    schema: {
      operationId: 'getUnit',
      tags,
      summary: 'A unit as of a date: its ancestors, history of versions and links',
      params: s.codeParam,
      querystring: s.asOfOnly,
      response: { 200: s.unitDetail, ...errors },
    },
    handler: (request) => service.unitDetail(ctx, lang(request), request.params.code, request.query.asOf),
  });

  r.get('/api/units/:code/links', {
    schema: {
      operationId: 'listUnitLinks',
      tags,
      summary: 'Links of the unit that had the code on the date to earlier and later units',
      params: s.codeParam,
      querystring: s.asOfOnly,
      response: { 200: z.array(s.linkItem), ...errors },
    },
    handler: (request) => service.unitLinks(ctx, request.params.code, request.query.asOf),
  });

  // --- villages -------------------------------------------------------------------------------------
  r.post('/api/villages', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'createVillage',
      tags,
      summary: 'Add a village (thôn, khu, tổ dân phố) to a commune; Khối gives it a code',
      body: s.createVillageBody,
      response: { 201: s.villageResult, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await villages.addVillage(ctx, actorOf(request), scope(request), lang(request), request.body)),
  });
  r.post('/api/villages/:id/rename', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'renameVillage',
      tags,
      summary: 'Rename a village from a date (the old name stays in its history)',
      params: s.idParam,
      body: s.renameBody,
      response: { 200: s.villageResult, ...errors },
    },
    handler: (request) =>
      villages.renameVillage(ctx, actorOf(request), scope(request), lang(request), request.params.id, request.body),
  });
  r.post('/api/villages/:id/move', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'moveVillage',
      tags,
      summary: 'Move a village to another commune from a date (also places a village waiting after a split)',
      params: s.idParam,
      body: s.moveBody,
      response: { 200: s.villageResult, ...errors },
    },
    handler: (request) =>
      villages.moveVillage(ctx, actorOf(request), scope(request), lang(request), request.params.id, request.body),
  });
  r.post('/api/villages/:id/merge', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'mergeVillage',
      tags,
      summary: 'Merge a village into another on a date (full link)',
      params: s.idParam,
      body: s.mergeBody,
      response: { 200: s.villageResult, ...errors },
    },
    handler: (request) =>
      villages.mergeVillage(ctx, actorOf(request), scope(request), lang(request), request.params.id, request.body),
  });
  r.post('/api/villages/:id/close', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'closeVillage',
      tags,
      summary: 'Close (dissolve) a village from a date',
      params: s.idParam,
      body: s.closeBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await villages.closeVillage(ctx, actorOf(request), scope(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  r.post('/api/villages/import', {
    config: { multipart: true, scope: 'unit' },
    schema: {
      operationId: 'importVillages',
      tags,
      summary:
        'Import villages from a CSV (UTF-8 or Windows-1258) or XLSX file: columns Mã xã, Tên, Loại, Mã, Ngày hiệu lực',
      consumes: ['multipart/form-data'],
      response: { 200: s.importResult, 413: errorBodySchema, 415: errorBodySchema, ...errors },
    },
    handler: async (request) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await request.file({ limits: { fileSize: IMPORT_FILE_LIMIT, files: 1 } });
      if (!file)
        throw new AppError('VALIDATION_FAILED', {
          field: 'file',
          issues: [{ field: 'file', message: 'validation.fileMissing' }],
        });
      const data = await file.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
        throw err;
      });
      return importVillages(ctx, actorOf(request), scope(request), lang(request), { data, filename: file.filename });
    },
  });
}
