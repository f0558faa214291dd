import dayjs from 'dayjs';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { inTransaction, recordEvent, type Actor } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../i18n/messages.ts';
import * as repo from './retention.repository.ts';
import { presentRule } from './retention.presenter.ts';
import type { RuleUpdateInput } from './retention.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
// Columns are interpolated as identifiers: only these, whatever the table says.
const ALLOWED: Record<string, { ended: string; fields: readonly string[] }> = {
  people: { ended: 'deleted_at', fields: ['birth_date', 'phone', 'email', 'address', 'notes', 'gender'] },
  accounts: { ended: 'disabled_at', fields: ['email', 'phone'] },
  audit_log: { ended: 'at', fields: ['ip'] },
};

/** Petitioners' identities end with their case, not with a column of their own: 'filed_on' (a letter filed without
 * action: the day of filing) and 'ended_on' (closed, withdrawn or merged: the day it ended) are read from the case by
 * repo.erasePetitioners. The name is required, so it becomes a marker; the other fields are emptied. */
const PETITIONER_ENDS = ['filed_on', 'ended_on'] as const;
const PETITIONER_FIELDS = ['full_name', 'name_fold', 'id_number', 'phone', 'address', 'address_fold'];

export async function listRules(ctx: Ctx, lang: Lang) {
  return (await repo.rules(ctx.db)).map((r) => presentRule(r, lang));
}

export async function updateRule(ctx: Ctx, actor: Actor, lang: Lang, kind: string, input: RuleUpdateInput) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const r = await repo.ruleForUpdate(trx, kind);
    if (!r) throw new AppError('NOT_FOUND');
    if (r.version !== input.version) throw new AppError('CONFLICT');
    await repo.setMonths(trx, kind, input.months);
  });
  return (await listRules(ctx, lang)).find((r) => r.kind === kind)!;
}

export type ErasureResult = { kind: string; records: number }[];

/** Erases the personal fields of records ended longer ago than their rule says, in one transaction per rule:
 * in the rows themselves (also soft-deleted ones) and in the audit log's before/after values of those rows; an
 * 'erase' row in the audit log says what was erased, of how many records, never the values. Idempotent. */
export async function erasePersonalData(
  ctx: Ctx,
  actor: Actor = { accountId: null, label: 'job:retention' },
): Promise<ErasureResult> {
  const today = localDate(ctx.clock.now());
  const rules = await repo.rules(ctx.db, { withPeriod: true });
  const out: ErasureResult = [];
  for (const rule of rules) {
    if (rule.table_name === 'petitioners') {
      const ended = PETITIONER_ENDS.find((e) => e === rule.ended_column);
      const fields = rule.fields.filter((f) => PETITIONER_FIELDS.includes(f));
      if (!ended || !fields.length) continue;
      const cutoff = dayjs(today).subtract(rule.months!, 'month').format('YYYY-MM-DD');
      const records = await inTransaction(ctx.db, actor, async (trx) => {
        const ids = await repo.erasePetitioners(trx, fields, ended, cutoff);
        if (ids.length) await repo.eraseAuditValues(trx, 'petitioners', ids, fields);
        return ids.length;
      });
      if (records)
        await recordEvent(ctx.db, actor, 'erase', {
          table: 'petitioners',
          details: { rule: rule.kind, records, fields, endedBefore: cutoff },
        });
      out.push({ kind: rule.kind, records });
      continue;
    }
    const allowed = ALLOWED[rule.table_name];
    if (!allowed || allowed.ended !== rule.ended_column) continue;
    const fields = rule.fields.filter((f) => allowed.fields.includes(f));
    if (!fields.length) continue;
    const cutoff = dayjs(today).subtract(rule.months!, 'month').format('YYYY-MM-DD');
    const records = await inTransaction(ctx.db, actor, async (trx) => {
      if (rule.table_name === 'audit_log') return repo.eraseSignInFields(trx, fields, rule.ended_column, cutoff);
      const ids = await repo.eraseEndedFields(trx, rule.table_name, fields, rule.ended_column, cutoff);
      // The values also leave the audit log (including the row the trigger has just written for this update).
      if (ids.length) await repo.eraseAuditValues(trx, rule.table_name, ids, fields);
      return ids.length;
    });
    if (records)
      await recordEvent(ctx.db, actor, 'erase', {
        table: rule.table_name,
        details: { rule: rule.kind, records, fields, endedBefore: cutoff },
      });
    out.push({ kind: rule.kind, records });
  }
  return out;
}
