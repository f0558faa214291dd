import { today } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { unitByCode } from '../units/index.ts';
import * as repo from './roles.repository.ts';
import { presentAssignment, presentRole } from './roles.presenter.ts';
import type { CreateAssignmentInput, UpdateAssignmentInput } from './roles.schemas.ts';

/** Roles are given and changed by administrators (the route's access): the service needs nothing of the caller
 * beyond who acts. */
export type RolesRequest = RequestContext<null>;
type RolesReading = Pick<RolesRequest, 'app' | 'lang'>;

const endBeforeStart = () =>
  new AppError('VALIDATION_FAILED', {
    field: 'validTo',
    issues: [{ field: 'validTo', message: 'validation.endBeforeStart' }],
  });

/** What an account may do today somewhere: the union of the permissions of its roles in force. */
export async function permissionsHeld(db: Database, accountId: string, day: string): Promise<string[]> {
  return repo.permissionsHeld(db, accountId, day);
}

export async function listRoles(r: RolesReading) {
  return (await repo.roles(r.app.db)).map((role) => presentRole(role, r.lang));
}

export async function listAssignments(r: RolesReading, accountId: string) {
  return (await repo.assignmentsOfAccount(r.app.db, accountId)).map((a) => presentAssignment(a, r.lang));
}

export async function addAssignment(r: RolesRequest, accountId: string, input: CreateAssignmentInput) {
  const date = input.validFrom ?? today(r.app);
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
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
  return presentAssignment(await repo.assignment(r.app.db, id), r.lang);
}

export async function changeAssignment(r: RolesRequest, id: string, input: UpdateAssignmentInput) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const cur = await repo.forUpdate(trx, id);
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('CONFLICT');
    const from = input.validFrom !== undefined ? input.validFrom : cur.valid_from;
    const to = input.validTo !== undefined ? input.validTo : cur.valid_to;
    if (from && to && from >= to) throw endBeforeStart();
    await repo.setDates(trx, id, from, to);
  });
  return presentAssignment(await repo.assignment(r.app.db, id), r.lang);
}

export async function deleteAssignment(r: RolesRequest, id: string, input: { version: number }) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const deleted = await repo.softDelete(trx, id, input.version);
    if (!deleted) throw new AppError((await repo.exists(trx, id)) ? 'CONFLICT' : 'NOT_FOUND');
  });
}
