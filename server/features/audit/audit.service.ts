import type { RequestContext } from '../../http/request-context.ts';
import { parsePeriod, periodLabel } from '../reporting/index.ts';
import * as repo from './audit.repository.ts';
import type { LabelParams } from './audit.labels.repository.ts';
import { presentEntry } from './audit.presenter.ts';
import type { AuditQuery } from './audit.schemas.ts';

/** Administrators read the whole log, each record named as people call it; scope by unit arrives with unit-owned
 * records. */
export async function listEntries(r: RequestContext<null>, q: AuditQuery) {
  const [rows, total] = await Promise.all([
    repo.listPage(r.app.db, q, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
    repo.countEntries(r.app.db, q),
  ]);
  return { total, items: rows.map((row) => presentEntry({ ...row, label: withPeriodName(row.label) }, r.lang)) };
}

/** A reporting period named as reports write it ("Tháng 11/2021"), from the id the label values hold. */
function withPeriodName(params: LabelParams | null): LabelParams | null {
  if (!params || typeof params.period_id !== 'string') return params;
  const { period_id: periodId, ...rest } = params;
  const period = parsePeriod(periodId);
  return { ...rest, period: period ? periodLabel(period) : periodId };
}
