import type { z } from 'zod';
import { inTransaction } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { assertReferences } from '../../http/references.ts';
import { lockProgramme, programmeOwnerUnit } from './programmes.repository.ts';
import { forProgrammeChange, programmeDetail } from './programmes.service.ts';
import * as repo from './task-groups.repository.ts';
import type * as s from './programme.schemas.ts';
import type { WorkReading, WorkRequest } from './work.scope.ts';

/** A group as its programme's page shows it. */
async function groupItem(r: WorkReading, id: string) {
  const g = await repo.programmeOfGroup(r.app.db, id);
  const d = await programmeDetail(r, g.programme_id);
  return d.groups.find((x) => x.id === id)!;
}

export async function createGroup(r: WorkRequest, programmeId: string, input: z.infer<typeof s.createGroup>) {
  await forProgrammeChange(r, programmeId);
  if (input.leadBodyId)
    await assertReferences(r.app.db, r.caller, programmeOwnerUnit(programmeId), [
      { field: 'leadBodyId', rule: 'lead', id: input.leadBodyId },
    ]);
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    await lockProgramme(trx, programmeId);
    const last = await repo.lastGroupPosition(trx, programmeId);
    const position = input.position ?? last + 1;
    if (input.position) await repo.makeRoomAt(trx, programmeId, position);
    return repo.insertGroup(trx, {
      programme_id: programmeId,
      position,
      name: input.name,
      lead_body_id: input.leadBodyId ?? null,
    });
  });
  return groupItem(r, id);
}

export async function updateGroup(r: WorkRequest, id: string, input: z.infer<typeof s.updateGroup>) {
  const g = await repo.liveGroup(r.app.db, id);
  if (!g) throw new AppError('NOT_FOUND');
  await forProgrammeChange(r, g.programme_id);
  if (input.leadBodyId)
    await assertReferences(r.app.db, r.caller, programmeOwnerUnit(g.programme_id), [
      { field: 'leadBodyId', rule: 'lead', id: input.leadBodyId },
    ]);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const set: { name?: string; lead_body_id?: string | null; position?: number } = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.leadBodyId !== undefined) set.lead_body_id = input.leadBodyId;
    if (input.position !== undefined && input.position !== g.position) {
      // Move: the groups between the old and new places shift by one.
      await repo.shiftGroupsBetween(trx, g.programme_id, id, g.position, input.position);
      set.position = input.position;
    }
    if (!(await repo.updateGroupRow(trx, id, input.version, set))) throw new AppError('CONFLICT');
  });
  return groupItem(r, id);
}

export async function deleteGroup(r: WorkRequest, id: string, version: number) {
  const g = await repo.liveGroup(r.app.db, id);
  if (!g) throw new AppError('NOT_FOUND');
  await forProgrammeChange(r, g.programme_id);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    if (await repo.groupHasTasks(trx, id)) throw invalid('id', 'validation.groupHasTasks');
    if (!(await repo.deleteGroupRow(trx, id, version))) throw new AppError('CONFLICT');
    await repo.closeGapAfter(trx, g.programme_id, g.position);
  });
  return { ok: true as const };
}
