import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { monthNumber } from './periods.ts';
import { settleMonths } from './totals.write.repository.ts';

/** Months still open before the current one: a month's reports come in during the next (the 15th-to-14th window)
 * and late ones are approved in the month after, so approvals under one province in them may run at once. On 8/6,
 * April, May and June are open; March and before are settled. */
export const OPEN_MONTHS = 2;

/**
 * The daily job's part: settles the totals of the months before the OPEN_MONTHS before `day`'s (their stripes above
 * the communes folded into one row; later approvals of them add there). Returns the rows folded.
 */
export async function settleTotals(
  ctx: Pick<AppContext, 'db'>,
  day: string,
  actor: Actor = { accountId: null, label: 'job:totals' },
): Promise<number> {
  const [year, month] = day.split('-').map(Number);
  return inTransaction(ctx.db, actor, (trx) => settleMonths(trx, monthNumber(year!, month!) - OPEN_MONTHS));
}
