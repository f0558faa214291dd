import type { RequestContext } from '../../http/request-context.ts';
import * as repo from './audit.repository.ts';
import { presentEntry } from './audit.presenter.ts';
import type { AuditQuery } from './audit.schemas.ts';

/** Administrators read the whole log, each record named as people call it; scope by unit arrives with unit-owned
 * records. */
export async function listEntries(r: RequestContext<null>, q: AuditQuery) {
  const [rows, total] = await Promise.all([
    repo.listPage(r.app.db, q, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
    repo.countEntries(r.app.db, q),
  ]);
  return { total, items: rows.map((row) => presentEntry(row, r.lang)) };
}
