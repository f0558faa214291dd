import { today } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { Lang } from '../../i18n/messages.ts';
import { unitByCode } from '../units/index.ts';
import * as repo from './roles.repository.ts';
import { presentAssignment, presentRole } from './roles.presenter.ts';
import type { CreateAssignmentInput, UpdateAssignmentInput } from './roles.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

const endBeforeStart = () =>
  new AppError('VALIDATION_FAILED', {
    field: 'validTo',
    issues: [{ field: 'validTo', message: 'validation.endBeforeStart' }],
  });

export async function listRoles(ctx: Ctx, lang: Lang) {
  return (await repo.roles(ctx.db)).map((r) => presentRole(r, lang));
}

export async function listAssignments(ctx: Ctx, lang: Lang, accountId: string) {
  return (await repo.assignmentsOfAccount(ctx.db, accountId)).map((r) => presentAssignment(r, lang));
}

export async function addAssignment(
  ctx: Ctx,
  actor: Actor,
  lang: Lang,
  accountId: string,
  input: CreateAssignmentInput,
) {
  const date = input.validFrom ?? today(ctx);
  const id = await inTransaction(ctx.db, actor, async (trx) => {
    if (!(await repo.accountExists(trx, accountId))) throw new AppError('NOT_FOUND');
    if (!(await repo.roleExists(trx, input.role))) throw referenceRefused('role');
    const unit = await unitByCode(trx, input.unitCode, date);
    if (!unit) throw referenceRefused('unitCode');
    if (input.validFrom && input.validTo && input.validFrom >= input.validTo) throw endBeforeStart();
    if (input.bodyId) {
      const body = await repo.bodyUnit(trx, input.bodyId);
      if (!body) throw referenceRefused('bodyId');
      if (body.unit_id !== unit.unit_id)
        throw new AppError('VALIDATION_FAILED', {
          field: 'bodyId',
          issues: [{ field: 'bodyId', message: 'validation.bodyOtherUnit' }],
        });
    }
    const row = await repo.insert(trx, {
      account_id: accountId,
      role: input.role,
      unit_id: unit.unit_id,
      body_id: input.bodyId ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
    });
    return row.id;
  });
  return presentAssignment(await repo.assignment(ctx.db, id), lang);
}

export async function changeAssignment(ctx: Ctx, actor: Actor, lang: Lang, id: string, input: UpdateAssignmentInput) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const cur = await repo.forUpdate(trx, id);
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('CONFLICT');
    const from = input.validFrom !== undefined ? input.validFrom : cur.valid_from;
    const to = input.validTo !== undefined ? input.validTo : cur.valid_to;
    if (from && to && from >= to) throw endBeforeStart();
    await repo.setDates(trx, id, from, to);
  });
  return presentAssignment(await repo.assignment(ctx.db, id), lang);
}

export async function deleteAssignment(ctx: Ctx, actor: Actor, id: string, version: number) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const r = await repo.softDelete(trx, id, version);
    if (!r) throw new AppError((await repo.exists(trx, id)) ? 'CONFLICT' : 'NOT_FOUND');
  });
}
