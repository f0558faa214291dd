import type { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import * as repo from './task.commands.repository.ts';
import { insertTask } from './task.create.service.ts';
import { checkDates } from './task.rules.ts';
import { forChange, inWorkTransaction } from './task.tx.ts';
import type * as s from './task.schemas.ts';
import type { WorkRequest } from './work.scope.ts';

/** Cascade: one subtask per unit directly below the lead body's unit (communes under a district or province,
 * villages under a commune), led by the same-line body there (a body whose line reaches the lead body), else a
 * body of the same kind; units without one, or whose body already has its subtask, are reported as skipped. */
export async function cascade(r: WorkRequest, id: string, input: z.infer<typeof s.cascadeInput>) {
  const { caller: c, actor } = r;
  return inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id);
    if (!access.manage) throw new AppError('FORBIDDEN');
    if (['accepted', 'cancelled'].includes(row.status))
      throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    const due = input.dueDate ?? row.due_date;
    checkDates(row.start_date, due);
    const lead = await repo.leadBodyOf(trx, row.lead_body_id);
    let units = await repo.childUnits(trx, lead.unit_id, c.today);
    if (input.unitCodes) {
      const wanted = new Set(input.unitCodes);
      const unknown = input.unitCodes.findIndex((code) => !units.some((u) => u.code === code));
      if (unknown >= 0) throw referenceRefused(`unitCodes.${unknown}`);
      units = units.filter((u) => u.code && wanted.has(u.code));
    }
    const created: { taskId: string; unitCode: string | null; unitName: string; bodyName: string }[] = [];
    const skipped: { unitCode: string | null; unitName: string; reason: 'no_body' | 'already' }[] = [];
    for (const u of units) {
      const body = await repo.cascadeBodyOn(trx, u.unit_id, lead, c.today);
      if (!body) {
        skipped.push({ unitCode: u.code, unitName: u.name, reason: 'no_body' });
        continue;
      }
      if (await repo.subtaskLedBy(trx, id, body.id)) {
        skipped.push({ unitCode: u.code, unitName: u.name, reason: 'already' });
        continue;
      }
      const taskId = await insertTask(trx, actor, c.today, {
        programmeId: row.programme_id,
        parentId: id,
        groupId: row.group_id,
        kind: row.kind,
        title: input.title ?? row.title,
        description: row.description ?? undefined,
        leadBodyId: body.id,
        startDate: row.start_date,
        dueDate: due,
        targetUnit: row.target_unit,
        priority: row.priority,
        cooperators: [],
        assign: true,
        cascaded: true,
        refsFor: c,
      });
      created.push({ taskId, unitCode: u.code, unitName: u.name, bodyName: body.name });
    }
    if (created.length) await repo.updateTaskRow(trx, id, {});
    return { created, skipped };
  });
}
