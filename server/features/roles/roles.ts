import { today } from '../../clock.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, errorResponses } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { isoDate, okResponse, uuidParam, ref, version as versionField } from '../../http/schemas.ts';
import { pickLang, type Lang } from '../../i18n/messages.ts';
import * as units from '../units/units.repository.ts';
import { unitCode } from '../units/index.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const roleItem = z.object({ code: z.string(), name: z.string(), permissions: z.array(z.string()) });
export const assignmentItem = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    role: z.string(),
    roleName: z.string(),
    unitId: z.uuid(),
    unitCode: z.string().nullable(),
    unitName: z.string().describe('The unit as it is named on the assignment’s first day (or today)'),
    bodyId: z.uuid().nullable(),
    bodyName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    version: z.number().int(),
  })
  .describe('RoleAssignment');
const createAssignment = z.strictObject({
  role: z.string().min(1).max(40),
  unitCode: unitCode.describe('The unit, by its code on `validFrom` (or today)'),
  bodyId: ref('body').nullable().optional().describe('Narrows the role to this body and the bodies below it in its line'),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
});
const updateAssignment = z.strictObject({ version: versionField, validFrom: isoDate.nullable().optional(), validTo: isoDate.nullable().optional() });
const versionBody = z.strictObject({ version: versionField });

function assignmentsQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('role_assignments as ra')
    .innerJoin('roles as r', 'r.code', 'ra.role')
    .leftJoin('bodies as b', 'b.id', 'ra.body_id')
    .leftJoin('unit_versions as uv', (j) =>
      j.onRef('uv.unit_id', '=', 'ra.unit_id').on('uv.deleted_at', 'is', null).on(sql<SqlBool>`(uv.valid_from is null or uv.valid_from <= coalesce(ra.valid_from, current_date)) and (uv.valid_to is null or coalesce(ra.valid_from, current_date) < uv.valid_to)`),
    )
    .select(['ra.id', 'ra.account_id', 'ra.role', 'r.name_vi', 'r.name_en', 'ra.unit_id', 'uv.code as unit_code', 'uv.name as unit_name', 'ra.body_id', 'b.name as body_name', 'ra.valid_from', 'ra.valid_to', 'ra.version'])
    .where('ra.deleted_at', 'is', null);
}

function present(r: Awaited<ReturnType<ReturnType<typeof assignmentsQuery>['execute']>>[number], lang: Lang) {
  return {
    id: r.id,
    accountId: r.account_id,
    role: r.role,
    roleName: lang === 'en' ? r.name_en : r.name_vi,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name ?? '',
    bodyId: r.body_id,
    bodyName: r.body_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
  };
}

export async function listAssignments(ctx: Ctx, lang: Lang, accountId: string) {
  const rows = await assignmentsQuery(ctx).where('ra.account_id', '=', accountId).orderBy(sql`ra.valid_from desc nulls last`).execute();
  return rows.map((r) => present(r, lang));
}

export async function addAssignment(ctx: Ctx, actor: Actor, lang: Lang, accountId: string, input: z.infer<typeof createAssignment>) {
  const date = input.validFrom ?? today(ctx);
  const id = await inTransaction(ctx.db, actor, async (trx) => {
    const account = await trx.selectFrom('accounts').select('id').where('id', '=', accountId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!account) throw new AppError('NOT_FOUND');
    const role = await trx.selectFrom('roles').select('code').where('code', '=', input.role).executeTakeFirst();
    if (!role) throw referenceRefused('role');
    const unit = await units.findByCode(trx, input.unitCode, date);
    if (!unit) throw referenceRefused('unitCode');
    if (input.validFrom && input.validTo && input.validFrom >= input.validTo) throw new AppError('VALIDATION_FAILED', { field: 'validTo', issues: [{ field: 'validTo', message: 'validation.endBeforeStart' }] });
    if (input.bodyId) {
      const body = await trx.selectFrom('bodies').select(['unit_id']).where('id', '=', input.bodyId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!body) throw referenceRefused('bodyId');
      if (body.unit_id !== unit.unit_id) throw new AppError('VALIDATION_FAILED', { field: 'bodyId', issues: [{ field: 'bodyId', message: 'validation.bodyOtherUnit' }] });
    }
    const row = await trx
      .insertInto('role_assignments')
      .values({ account_id: accountId, role: input.role, unit_id: unit.unit_id, body_id: input.bodyId ?? null, valid_from: input.validFrom ?? null, valid_to: input.validTo ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return present((await assignmentsQuery(ctx).where('ra.id', '=', id).executeTakeFirstOrThrow()), lang);
}

export async function changeAssignment(ctx: Ctx, actor: Actor, lang: Lang, id: string, input: z.infer<typeof updateAssignment>) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const cur = await trx.selectFrom('role_assignments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('CONFLICT');
    const from = input.validFrom !== undefined ? input.validFrom : cur.valid_from;
    const to = input.validTo !== undefined ? input.validTo : cur.valid_to;
    if (from && to && from >= to) throw new AppError('VALIDATION_FAILED', { field: 'validTo', issues: [{ field: 'validTo', message: 'validation.endBeforeStart' }] });
    await trx.updateTable('role_assignments').set((eb) => ({ valid_from: from, valid_to: to, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).execute();
  });
  return present((await assignmentsQuery(ctx).where('ra.id', '=', id).executeTakeFirstOrThrow()), lang);
}

export async function deleteAssignment(ctx: Ctx, actor: Actor, id: string, version: number) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const r = await trx.updateTable('role_assignments').set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).returning('id').executeTakeFirst();
    if (!r) throw new AppError((await trx.selectFrom('role_assignments').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ? 'CONFLICT' : 'NOT_FOUND');
  });
}

const errors = errorResponses();
const lang = (r: FastifyRequest) => pickLang(r.headers['accept-language']);

export function rolesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];
  const admin = { auth: 'admin' as const };
  r.get('/api/roles', {
    schema: { operationId: 'listRoles', tags, summary: 'Roles: permission sets stored as data', response: { 200: z.array(roleItem), ...errors } },
    handler: async (request) => (await ctx.db.selectFrom('roles').selectAll().orderBy('sort').execute()).map((x) => ({ code: x.code, name: lang(request) === 'en' ? x.name_en : x.name_vi, permissions: x.permissions })),
  });
  r.get('/api/accounts/:id/roles', {
    config: admin,
    schema: { operationId: 'listAccountRoleAssignments', tags, summary: 'The role assignments of an account (dated, per unit, optionally narrowed to a body)', params: uuidParam, response: { 200: z.array(assignmentItem), ...errors } },
    handler: (request) => listAssignments(ctx, lang(request), request.params.id),
  });
  r.get('/api/auth/me/roles', {
    config: { allowWhilePasswordChange: true },
    schema: { operationId: 'listMyRoleAssignments', tags, summary: 'My role assignments', response: { 200: z.array(assignmentItem), ...errors } },
    handler: (request) => listAssignments(ctx, lang(request), request.identity!.me.id),
  });
  r.post('/api/accounts/:id/roles', {
    config: admin,
    schema: { operationId: 'createRoleAssignment', tags, summary: 'Give an account a role for a unit (optionally a body), dated', params: uuidParam, body: createAssignment, response: { 201: assignmentItem, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await addAssignment(ctx, actorOf(request), lang(request), request.params.id, request.body)),
  });
  r.patch('/api/role-assignments/:id', {
    config: admin,
    schema: { operationId: 'updateRoleAssignment', tags, summary: 'Change the dates of a role assignment (end it)', params: uuidParam, body: updateAssignment, response: { 200: assignmentItem, ...errors } },
    handler: (request) => changeAssignment(ctx, actorOf(request), lang(request), request.params.id, request.body),
  });
  r.post('/api/role-assignments/:id/delete', {
    config: admin,
    schema: { operationId: 'deleteRoleAssignment', tags, summary: 'Delete a role assignment made by mistake', params: uuidParam, body: versionBody, response: { 200: okResponse, ...errors } },
    handler: async (request) => {
      await deleteAssignment(ctx, actorOf(request), request.params.id, request.body.version);
      return { ok: true as const };
    },
  });
}
