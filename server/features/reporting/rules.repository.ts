import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

export type RuleRow = {
  id: string;
  form_id: string | null;
  indicator_id: string;
  kind: string;
  op: string | null;
  other_indicator_id: string | null;
  constant: string | null;
  factor: string | null;
  severity: string;
  message: string | null;
  version: number;
};

const columns = [
  'id',
  'form_id',
  'indicator_id',
  'kind',
  'op',
  'other_indicator_id',
  'constant',
  'factor',
  'severity',
  'message',
  'version',
] as const;

/** Live rules, of a form (with those of every form) and/or of an indicator. */
export async function listRules(q: Q, f: { formId?: string; indicatorId?: string }): Promise<RuleRow[]> {
  let query = q.selectFrom('report_rules').select(columns).where('deleted_at', 'is', null);
  if (f.formId) query = query.where((eb) => eb.or([eb('form_id', '=', f.formId!), eb('form_id', 'is', null)]));
  if (f.indicatorId) query = query.where('indicator_id', '=', f.indicatorId);
  return query.orderBy('created_at').execute();
}

export async function findRule(q: Q, id: string): Promise<RuleRow | undefined> {
  return q
    .selectFrom('report_rules')
    .select(columns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function lockRule(trx: Trx, id: string): Promise<RuleRow | undefined> {
  return trx
    .selectFrom('report_rules')
    .select(columns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export type RuleValues = {
  form_id: string | null;
  indicator_id: string;
  kind: string;
  op: string | null;
  other_indicator_id: string | null;
  constant: number | null;
  factor: number | null;
  severity: string;
  message: string | null;
};

export async function insertRule(trx: Trx, v: RuleValues): Promise<string> {
  return (await trx.insertInto('report_rules').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRule(trx: Trx, id: string, v: RuleValues): Promise<void> {
  await trx
    .updateTable('report_rules')
    .set((eb) => ({ ...v, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function softDeleteRule(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('report_rules')
    .set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
