import { today } from '../../clock.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, errorResponses } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { uuidParam, ref } from '../../http/schemas.ts';
import { endSessionsOfAccount } from '../auth/index.ts';

/** A module that owns open work (tasks, petitions, reports to review…) plugs in here, so a handover moves all of
 * it in one transaction. The work module is the first; each provider counts and moves what is still open. */
export type OpenWorkProvider = {
  key: string;
  label: { vi: string; en: string };
  countOpen: (trx: Trx, accountId: string) => Promise<number>;
  moveOpen: (trx: Trx, fromAccountId: string, toAccountId: string) => Promise<number>;
};

const providers: OpenWorkProvider[] = [];

/** Registered once at start-up by the modules that own open work. */
export function registerOpenWorkProvider(p: OpenWorkProvider): void {
  if (!providers.some((x) => x.key === p.key)) providers.push(p);
}

export function openWorkProviders(): readonly OpenWorkProvider[] {
  return providers;
}

const openWork = z.object({ items: z.array(z.object({ key: z.string(), label: z.string(), open: z.number().int() })) });
const handoverBody = z.strictObject({
  toAccountId: ref('account').describe('The account that takes over the open work'),
  endRoles: z.boolean().default(false).describe('End the leaving account’s role assignments today'),
  disable: z.boolean().default(false).describe('Disable the leaving account (its sessions end)'),
});
const handoverResult = z.object({ moved: z.array(z.object({ key: z.string(), label: z.string(), moved: z.number().int() })), rolesEnded: z.number().int(), disabled: z.boolean() });

/** Hands an account's open work to another in one transaction, optionally ending its roles and disabling it. */
export async function handover(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, lang: 'vi' | 'en', fromId: string, input: z.infer<typeof handoverBody>) {
  if (fromId === input.toAccountId) throw new AppError('VALIDATION_FAILED', { field: 'toAccountId', issues: [{ field: 'toAccountId', message: 'validation.handoverSelf' }] });
  return inTransaction(ctx.db, actor, async (trx) => {
    const from = await trx.selectFrom('accounts').select(['id', 'is_admin']).where('id', '=', fromId).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!from) throw new AppError('NOT_FOUND');
    const to = await trx.selectFrom('accounts').select(['id', 'disabled_at']).where('id', '=', input.toAccountId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!to) throw referenceRefused('toAccountId');
    if (to.disabled_at) throw new AppError('ACCOUNT_DISABLED', { field: 'toAccountId' });
    const moved = [];
    for (const p of providers) moved.push({ key: p.key, label: p.label[lang], moved: await p.moveOpen(trx, fromId, input.toAccountId) });
    let rolesEnded = 0;
    if (input.endRoles) {
      const d = today(ctx);
      const r = await trx
        .updateTable('role_assignments')
        .set((eb) => ({ valid_to: d, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('account_id', '=', fromId)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', d)]))
        .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<', d)]))
        .executeTakeFirst();
      rolesEnded = Number(r.numUpdatedRows);
    }
    if (input.disable) {
      if (actor.accountId === fromId) throw new AppError('CANNOT_DISABLE_SELF');
      await trx.updateTable('accounts').set((eb) => ({ disabled_at: ctx.clock.now(), updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', fromId).execute();
      await endSessionsOfAccount(trx, fromId);
    }
    return { moved, rolesEnded, disabled: input.disable };
  });
}

export function handoverRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses();
  r.get('/api/accounts/:id/open-work', {
    config: { auth: 'admin' },
    schema: { operationId: 'getAccountOpenWork', tags: ['handover'], summary: 'What open work an account holds, per module', params: uuidParam, response: { 200: openWork, ...errors } },
    handler: async (request) => {
      const lang = request.headers['accept-language']?.startsWith('en') ? 'en' : 'vi';
      const items = [];
      for (const p of providers) items.push({ key: p.key, label: p.label[lang], open: await p.countOpen(ctx.db as unknown as Trx, request.params.id) });
      return { items };
    },
  });
  r.post('/api/accounts/:id/handover', {
    config: { auth: 'admin' },
    schema: { operationId: 'handOverAccountWork', tags: ['handover'], summary: 'Hand an account’s open work to another account in one step (a person leaves or changes post)', params: uuidParam, body: handoverBody, response: { 200: handoverResult, ...errors } },
    handler: (request) => handover(ctx, actorOf(request), request.headers['accept-language']?.startsWith('en') ? 'en' : 'vi', request.params.id, request.body),
  });
}
