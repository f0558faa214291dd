import type { AppContext } from '../../context.ts';
import * as repo from './audit.repository.ts';
import { presentEntry } from './audit.presenter.ts';
import type { AuditQuery } from './audit.schemas.ts';

/** Administrators read the whole log; scope by unit arrives with unit-owned records. */
export async function listEntries(ctx: Pick<AppContext, 'db'>, q: AuditQuery) {
  const { rows, total } = await repo.list(ctx.db, q, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { total, items: rows.map(presentEntry) };
}
