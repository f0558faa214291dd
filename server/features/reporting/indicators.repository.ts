import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

export type IndicatorRow = {
  id: string;
  code: string;
  name: string;
  measure: string | null;
  value_type: string;
  tree_aggregation: string;
  time_aggregation: string;
  kind: string;
  formula: string | null;
  coverage_source_id: string | null;
  coverage_source_code: string | null;
  coverage_min: string | null;
  coverage_level: number | null;
  breakdown: string | null;
  description: string | null;
  sort: number;
  version: number;
};

function selectIndicators(q: Q) {
  return q
    .selectFrom('indicators as i')
    .leftJoin('indicators as s', 's.id', 'i.coverage_source_id')
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.measure',
      'i.value_type',
      'i.tree_aggregation',
      'i.time_aggregation',
      'i.kind',
      'i.formula',
      'i.coverage_source_id',
      's.code as coverage_source_code',
      'i.coverage_min',
      'i.coverage_level',
      'i.breakdown',
      'i.description',
      'i.sort',
      'i.version',
    ])
    .where('i.deleted_at', 'is', null);
}

/** Live indicators, by sort then code; `folded` matches the code or the name without diacritics. */
export async function listIndicators(q: Q, f: { folded?: string; kind?: string }): Promise<IndicatorRow[]> {
  let query = selectIndicators(q);
  if (f.folded) {
    const like = '%' + f.folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    query = query.where(sql<SqlBool>`(i.name_fold like ${like} or lower(i.code) like ${like})`);
  }
  if (f.kind) query = query.where('i.kind', '=', f.kind);
  return query.orderBy('i.sort').orderBy('i.code').execute();
}

export async function findIndicator(q: Q, id: string): Promise<IndicatorRow | undefined> {
  return selectIndicators(q).where('i.id', '=', id).executeTakeFirst();
}

/** Live indicators by their ids or codes (one of the two). */
export async function findIndicators(q: Q, by: { ids?: readonly string[]; codes?: readonly string[] }) {
  if (!by.ids?.length && !by.codes?.length) return [];
  let query = selectIndicators(q);
  if (by.ids) query = query.where('i.id', 'in', [...by.ids]);
  if (by.codes) query = query.where('i.code', 'in', [...by.codes]);
  return query.execute();
}

/** The live indicator, locked for a change (a concurrent change waits, then sees the new version). */
export async function lockIndicator(trx: Trx, id: string) {
  return trx
    .selectFrom('indicators')
    .select(['id', 'version', 'code'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function codeTaken(q: Q, code: string, exceptId: string | null): Promise<boolean> {
  let query = q.selectFrom('indicators').select('id').where('code', '=', code).where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

export type IndicatorValues = {
  code: string;
  name: string;
  name_fold: string;
  measure: string | null;
  value_type: string;
  tree_aggregation: string;
  time_aggregation: string;
  kind: string;
  formula: string | null;
  coverage_source_id: string | null;
  coverage_min: number | null;
  coverage_level: number | null;
  breakdown: string | null;
  description: string | null;
  sort: number;
};

export async function insertIndicator(trx: Trx, v: IndicatorValues): Promise<string> {
  return (await trx.insertInto('indicators').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateIndicator(trx: Trx, id: string, v: IndicatorValues): Promise<void> {
  await trx
    .updateTable('indicators')
    .set((eb) => ({ ...v, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function softDeleteIndicator(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('indicators')
    .set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Replaces the inputs a computed indicator reads (none for the other kinds). */
export async function setInputs(trx: Trx, id: string, inputIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('indicator_inputs').where('indicator_id', '=', id).execute();
  if (inputIds.length)
    await trx
      .insertInto('indicator_inputs')
      .values(inputIds.map((input_id) => ({ indicator_id: id, input_id })))
      .execute();
}

/** The inputs of every live computed indicator (a small table: the graph the cycle check walks). */
export async function inputGraph(q: Q): Promise<{ indicator_id: string; input_id: string }[]> {
  return q
    .selectFrom('indicator_inputs as g')
    .innerJoin('indicators as i', 'i.id', 'g.indicator_id')
    .select(['g.indicator_id', 'g.input_id'])
    .where('i.deleted_at', 'is', null)
    .execute();
}

export type IndicatorUse = 'form' | 'value' | 'indicator' | 'rule' | 'target' | 'task';

/** What still names an indicator, the first found: a live form version, a value, a computed or coverage indicator,
 * a validation rule, a target or a task taking its result from it. */
export async function usedBy(q: Q, id: string): Promise<IndicatorUse | null> {
  const row = await sql<{ by: IndicatorUse | null }>`select case
      when exists (select 1 from report_form_indicators fi
        join report_form_versions v on v.id = fi.form_version_id and v.deleted_at is null
        join report_forms f on f.id = v.form_id and f.deleted_at is null
        where fi.indicator_id = ${id}::uuid) then 'form'
      when exists (select 1 from report_values where indicator_id = ${id}::uuid) then 'value'
      when exists (select 1 from indicators i where i.deleted_at is null and (i.coverage_source_id = ${id}::uuid
        or exists (select 1 from indicator_inputs g where g.indicator_id = i.id and g.input_id = ${id}::uuid))) then 'indicator'
      when exists (select 1 from report_rules r where r.deleted_at is null
        and (r.indicator_id = ${id}::uuid or r.other_indicator_id = ${id}::uuid)) then 'rule'
      when exists (select 1 from report_targets t where t.deleted_at is null and t.indicator_id = ${id}::uuid) then 'target'
      when exists (select 1 from tasks k where k.deleted_at is null and k.target_indicator_id = ${id}::uuid) then 'task'
    end as by`.execute(q);
  return row.rows[0]?.by ?? null;
}

/** Whether the account holds `reporting.manage` today in any role assignment in force. */
export async function holdsManage(q: Q, accountId: string, today: string): Promise<boolean> {
  const row = await sql<{
    ok: boolean;
  }>`select exists (select 1 from account_scope(${accountId}::uuid, ${today}::date, 'reporting.manage')) as ok`.execute(
    q,
  );
  return row.rows[0]?.ok ?? false;
}
