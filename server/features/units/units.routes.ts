import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses, errorBodySchema } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import { unitScopeOf } from '../../http/scope.ts';
import { UPLOAD_LIMITS } from '../../uploads/upload.limits.ts';
import { readUpload } from '../files/index.ts';
import * as s from './units.schemas.ts';
import * as service from './units.service.ts';
import { today } from '../../clock.ts';
import * as villages from './villages.service.ts';
import { importVillages } from './villages.import.ts';

const errors = errorResponses();
export const IMPORT_FILE_LIMIT = UPLOAD_LIMITS.fileBytes;

export function unitsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Built once per request: the caller is what it may change, its scope over villages and the catalogue today.
  const units = (request: FastifyRequest): Promise<service.UnitsRequest> =>
    requestContext(ctx, request, () => Promise.resolve(unitScopeOf(request.identity!, today(ctx))));
  const reading = (request: FastifyRequest) => requestBasics(ctx, request);
  const tags = ['units'];

  r.get('/api/units', {
    schema: {
      operationId: 'listUnits',
      tags,
      summary: 'Children in force on a date of the unit that had a code on that date (no parent: the top level)',
      querystring: s.childrenQuery,
      response: { 200: z.array(s.unitItem), ...errors },
    },
    handler: (request) => service.listChildren(reading(request), request.query),
  });

  r.get('/api/units/search', {
    schema: {
      operationId: 'searchUnits',
      tags,
      summary: 'Search units by name (diacritics-insensitive phrase) or code, as of a date',
      querystring: s.searchQuery,
      response: { 200: z.array(s.searchItem), ...errors },
    },
    handler: (request) => service.searchUnits(reading(request), request.query),
  });

  r.get('/api/units/kinds', {
    schema: {
      operationId: 'listUnitKinds',
      tags,
      summary: 'Kinds of units (data)',
      response: { 200: z.array(s.kindItem), ...errors },
    },
    handler: (request) => service.listKinds(reading(request)),
  });

  r.get('/api/units/pending', {
    schema: {
      operationId: 'listPendingUnits',
      tags,
      summary: 'Endings without a successor and villages waiting to be placed',
      response: { 200: z.array(s.pendingItem), ...errors },
    },
    handler: (request) => service.listPending(reading(request)),
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
      await service.linkEnding(await units(request), request.params.id, request.body);
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
    handler: (request) => service.unitDetail(reading(request), request.params.code, request.query.asOf),
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
    handler: (request) => service.unitLinks(reading(request), request.params.code, request.query.asOf),
  });

  r.get('/api/units/:code/across', {
    schema: {
      operationId: 'getUnitAcross',
      tags,
      summary:
        'Where the unit that had the code on asOf stands on another date: itself, or what it became or came from',
      params: s.codeParam,
      querystring: s.acrossQuery,
      response: { 200: s.unitAcross, ...errors },
    },
    handler: (request) => service.unitAcross(reading(request), request.params.code, request.query),
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
      reply.status(201).send(await villages.addVillage(await units(request), request.body)),
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
    handler: async (request) => villages.renameVillage(await units(request), request.params.id, request.body),
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
    handler: async (request) => villages.moveVillage(await units(request), request.params.id, request.body),
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
    handler: async (request) => villages.mergeVillage(await units(request), request.params.id, request.body),
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
      await villages.closeVillage(await units(request), request.params.id, request.body);
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
    handler: async (request) => importVillages(await units(request), await readUpload(request, IMPORT_FILE_LIMIT)),
  });
}
