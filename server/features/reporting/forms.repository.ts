import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';

type Q = Database | Trx;

export type FormRow = { id: string; code: string; name: string; period_type: string; version: number };
export type VersionRow = {
  id: string;
  form_id: string;
  valid_from: string | null;
  valid_to: string | null;
  submitter: string;
  unit_kinds: string[];
  body_kinds: string[];
  window_day: number | null;
  due_days: number;
  lock_days: number | null;
  sections: unknown;
  version: number;
};
export type VersionIndicatorRow = {
  form_version_id: string;
  indicator_id: string;
  code: string;
  name: string;
  measure: string | null;
  value_type: string;
  breakdown: string | null;
  required: boolean;
  position: number;
};

const formColumns = ['id', 'code', 'name', 'period_type', 'version'] as const;
const versionColumns = [
  'id',
  'form_id',
  'valid_from',
  'valid_to',
  'submitter',
  'unit_kinds',
  'body_kinds',
  'window_day',
  'due_days',
  'lock_days',
  'sections',
  'version',
] as const;

export async function listForms(q: Q): Promise<FormRow[]> {
  return q.selectFrom('report_forms').select(formColumns).where('deleted_at', 'is', null).orderBy('code').execute();
}

export async function findForm(q: Q, id: string): Promise<FormRow | undefined> {
  return q
    .selectFrom('report_forms')
    .select(formColumns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live form, locked for a change (and for adding a version: two new versions do not race). */
export async function lockForm(trx: Trx, id: string): Promise<FormRow | undefined> {
  return trx
    .selectFrom('report_forms')
    .select(formColumns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function formCodeTaken(q: Q, code: string): Promise<boolean> {
  return Boolean(
    await q
      .selectFrom('report_forms')
      .select('id')
      .where('code', '=', code)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  );
}

export async function insertForm(trx: Trx, v: { code: string; name: string; period_type: string }): Promise<string> {
  return (await trx.insertInto('report_forms').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function renameForm(trx: Trx, id: string, name: string): Promise<void> {
  await trx
    .updateTable('report_forms')
    .set((eb) => ({ name, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The live versions of some forms, the latest first. */
export async function versionsOf(q: Q, formIds: readonly string[]): Promise<VersionRow[]> {
  if (!formIds.length) return [];
  return q
    .selectFrom('report_form_versions')
    .select(versionColumns)
    .where('form_id', 'in', [...formIds])
    .where('deleted_at', 'is', null)
    .orderBy(sql`valid_from desc nulls last`)
    .execute();
}

/** The version of a form in force on a day (a period uses the one in force on its last day). */
export async function formVersionOn(q: Q, formId: string, day: string): Promise<VersionRow | undefined> {
  return q
    .selectFrom('report_form_versions as v')
    .select(versionColumns.map((c) => `v.${c}` as const))
    .where('v.form_id', '=', formId)
    .where('v.deleted_at', 'is', null)
    .where(inForce('v', day))
    .executeTakeFirst();
}

export async function lockVersion(trx: Trx, formId: string, versionId: string): Promise<VersionRow | undefined> {
  return trx
    .selectFrom('report_form_versions')
    .select(versionColumns)
    .where('id', '=', versionId)
    .where('form_id', '=', formId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** The indicators of some versions, in their order. */
export async function indicatorsOf(q: Q, versionIds: readonly string[]): Promise<VersionIndicatorRow[]> {
  if (!versionIds.length) return [];
  return q
    .selectFrom('report_form_indicators as fi')
    .innerJoin('indicators as i', 'i.id', 'fi.indicator_id')
    .select([
      'fi.form_version_id',
      'fi.indicator_id',
      'i.code',
      'i.name',
      'i.measure',
      'i.value_type',
      'i.breakdown',
      'fi.required',
      'fi.position',
    ])
    .where('fi.form_version_id', 'in', [...versionIds])
    .orderBy('fi.position')
    .execute();
}

export type VersionValues = {
  submitter: string;
  unit_kinds: string[];
  body_kinds: string[];
  window_day: number | null;
  due_days: number;
  lock_days: number | null;
  sections: { key: string; title: string }[];
};

export async function insertVersion(
  trx: Trx,
  formId: string,
  validFrom: string | null,
  v: VersionValues,
): Promise<string> {
  return (
    await trx
      .insertInto('report_form_versions')
      .values({ ...v, sections: JSON.stringify(v.sections), form_id: formId, valid_from: validFrom })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateVersion(trx: Trx, id: string, v: VersionValues): Promise<void> {
  await trx
    .updateTable('report_form_versions')
    .set((eb) => ({
      ...v,
      sections: JSON.stringify(v.sections),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Ends a version: it is no longer in force from `validTo`. */
export async function endVersion(trx: Trx, id: string, validTo: string): Promise<void> {
  await trx
    .updateTable('report_form_versions')
    .set((eb) => ({ valid_to: validTo, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function setVersionIndicators(
  trx: Trx,
  versionId: string,
  items: readonly { indicatorId: string; required: boolean }[],
): Promise<void> {
  await trx.deleteFrom('report_form_indicators').where('form_version_id', '=', versionId).execute();
  if (items.length)
    await trx
      .insertInto('report_form_indicators')
      .values(
        items.map((it, i) => ({
          form_version_id: versionId,
          indicator_id: it.indicatorId,
          required: it.required,
          position: i + 1,
        })),
      )
      .execute();
}

/** Which of these unit kinds and body kinds are not known. */
export async function unknownKinds(
  q: Q,
  unitKinds: readonly string[],
  bodyKinds: readonly string[],
): Promise<{ unit: string[]; body: string[] }> {
  const [units, bodies] = await Promise.all([
    unitKinds.length
      ? q
          .selectFrom('unit_kinds')
          .select('code')
          .where('code', 'in', [...unitKinds])
          .execute()
      : Promise.resolve([]),
    bodyKinds.length
      ? q
          .selectFrom('body_kinds')
          .select('code')
          .where('code', 'in', [...bodyKinds])
          .execute()
      : Promise.resolve([]),
  ]);
  const u = new Set(units.map((r) => r.code));
  const b = new Set(bodies.map((r) => r.code));
  return { unit: unitKinds.filter((k) => !u.has(k)), body: bodyKinds.filter((k) => !b.has(k)) };
}

export type ReopeningRow = {
  period_id: string;
  unit_id: string | null;
  unit_name: string | null;
  reason: string;
  until: string;
  reopened_by: string | null;
  created_at: Date;
};

/** The reopenings of a form's periods still in force on `day` (lasting until it or later), latest first, with the
 * unit's name of that day (else its latest) and who reopened. Serves the form page's "Kỳ báo cáo" card. */
export async function reopeningsOf(q: Q, formId: string, periodIds: readonly string[], day: string) {
  if (periodIds.length === 0) return [];
  return (
    await sql<ReopeningRow>`
      select r.period_id, r.unit_id, ut.name as unit_name, r.reason, to_char(r.until, 'YYYY-MM-DD') as until,
             a.display_name as reopened_by, r.created_at
        from report_reopenings r
        left join accounts a on a.id = r.reopened_by
        left join lateral (
          select u.name from unit_tree u where u.unit_id = r.unit_id
           order by ((u.valid_from is null or u.valid_from <= ${day}::date)
                     and (u.valid_to is null or ${day}::date < u.valid_to)) desc, u.valid_to desc nulls first
           limit 1) ut on true
       where r.form_id = ${formId}::uuid and r.period_id = any (${periodIds}::text[]) and r.until >= ${day}::date
       order by r.created_at desc`.execute(q)
  ).rows;
}
