import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { inTransaction } from '../../db/tx.ts';
import { rebuildTree } from '../units/index.ts';
import { parsePeriod, periodDays } from './periods.ts';
import { addToTotals, rebuildTotals, settleMonths } from './totals.write.repository.ts';

/**
 * Test data for totals, written straight into the tables (the submission lifecycle has its own tests): a small unit
 * tree with dated versions and links, indicators, a form, and submissions with their values, approved or not, added
 * into the totals the way an approval adds them.
 */

const actor = { accountId: null, label: 'test' };
const LEVEL: Record<string, number> = { province: 1, rural_district: 2, commune: 3, ward: 3, village: 4 };

export type UnitSpec = {
  /** the same id twice: a second version of one unit */
  id?: string;
  code: string;
  name?: string;
  kind: 'province' | 'rural_district' | 'commune' | 'ward' | 'village';
  parentId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
};

/** A unit (or another version of one); call `rebuildUnitTree` once the versions are in. */
export async function addUnit(db: Database, u: UnitSpec): Promise<string> {
  const id =
    u.id ??
    (await db.insertInto('units').values({ level: LEVEL[u.kind]! }).returning('id').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('unit_versions')
    .values({
      unit_id: id,
      code: u.code,
      name: u.name ?? u.code,
      kind: u.kind,
      parent_id: u.parentId ?? null,
      valid_from: u.validFrom ?? null,
      valid_to: u.validTo ?? null,
      source: 'test',
    })
    .execute();
  return id;
}

export async function addLink(db: Database, from: string, to: string, type: 'full' | 'partial', date: string) {
  await db
    .insertInto('unit_links')
    .values({ from_unit_id: from, to_unit_id: to, type, link_date: date, source: 'test' })
    .execute();
}

export async function rebuildUnitTree(db: Database): Promise<void> {
  await inTransaction(db, actor, (trx) => rebuildTree(trx));
}

export type IndicatorSpec = {
  code: string;
  tree?: 'sum' | 'average' | 'max' | 'none';
  time?: 'sum' | 'average' | 'max' | 'last' | 'none';
  valueType?: 'integer' | 'decimal' | 'percentage' | 'money';
  kind?: 'entered' | 'coverage' | 'computed';
  formula?: string;
  coverage?: { sourceId: string; min: number; level: number };
  inputs?: string[];
};

export async function addIndicator(db: Database, s: IndicatorSpec): Promise<string> {
  const id = (
    await db
      .insertInto('indicators')
      .values({
        code: s.code,
        name: `Chỉ tiêu ${s.code}`,
        measure: 'hồ sơ',
        value_type: s.valueType ?? 'integer',
        tree_aggregation: s.tree ?? 'sum',
        time_aggregation: s.time ?? 'sum',
        kind: s.kind ?? 'entered',
        formula: s.formula ?? null,
        coverage_source_id: s.coverage?.sourceId ?? null,
        coverage_min: s.coverage?.min ?? null,
        coverage_level: s.coverage?.level ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const input of s.inputs ?? [])
    await db.insertInto('indicator_inputs').values({ indicator_id: id, input_id: input }).execute();
  return id;
}

export type FormSpec = {
  code: string;
  periodType?: 'month' | 'quarter' | 'year';
  indicators: string[];
  unitKinds?: string[];
  bodyKinds?: string[];
  submitter?: 'unit' | 'body';
  windowDay?: number | null;
  dueDays?: number;
  validFrom?: string | null;
};

export async function addForm(db: Database, f: FormSpec): Promise<{ formId: string; versionId: string }> {
  const formId = (
    await db
      .insertInto('report_forms')
      .values({ code: f.code, name: `Mẫu ${f.code}`, period_type: f.periodType ?? 'month' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const versionId = (
    await db
      .insertInto('report_form_versions')
      .values({
        form_id: formId,
        valid_from: f.validFrom ?? null,
        submitter: f.submitter ?? 'unit',
        unit_kinds: f.unitKinds ?? ['village', 'commune', 'ward'],
        body_kinds: f.bodyKinds ?? [],
        window_day: f.windowDay === undefined ? null : f.windowDay,
        due_days: f.dueDays ?? 5,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  let position = 0;
  for (const indicatorId of f.indicators)
    await db
      .insertInto('report_form_indicators')
      .values({ form_version_id: versionId, indicator_id: indicatorId, position: position++ })
      .execute();
  return { formId, versionId };
}

export type SubmissionSpec = {
  form: { formId: string; versionId: string };
  periodId: string;
  unitId: string;
  bodyId?: string | null;
  values: { indicatorId: string; category?: string; num: number | null; counted?: boolean }[];
  status?: 'draft' | 'submitted' | 'approved' | 'returned';
  windowDay?: number | null;
  submittedAt?: string;
};

/** A submission with its values; when approved, its counted values are added into the totals as approval does. */
export async function addSubmission(db: Database, s: SubmissionSpec): Promise<string> {
  const p = parsePeriod(s.periodId)!;
  const days = periodDays(p, s.windowDay ?? null);
  const status = s.status ?? 'approved';
  return inTransaction(db, actor, async (trx) => {
    const id = (
      await trx
        .insertInto('report_submissions')
        .values({
          form_id: s.form.formId,
          form_version_id: s.form.versionId,
          period_id: p.id,
          first_month: p.firstMonth,
          last_month: p.lastMonth,
          period_start: days.start,
          period_end: days.end,
          unit_id: s.unitId,
          body_id: s.bodyId ?? null,
          status,
          submitted_at: status === 'draft' ? null : (s.submittedAt ?? days.end),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    if (s.values.length > 0)
      await trx
        .insertInto('report_values')
        .values(
          s.values.map((v) => ({
            submission_id: id,
            indicator_id: v.indicatorId,
            category: v.category ?? '',
            num: v.num === null ? null : String(v.num),
            first_month: p.firstMonth,
            last_month: p.lastMonth,
            unit_id: s.unitId,
            body_id: s.bodyId ?? null,
            counted: v.counted ?? true,
          })),
        )
        .execute();
    if (status === 'approved') await addToTotals(trx, id, 1);
    return id;
  });
}

/** Settles the months before `month` (a month number), as the daily job does. */
export async function settle(db: Database, month: number): Promise<number> {
  return inTransaction(db, actor, (trx) => settleMonths(trx, month));
}

/** Unsettles every month and builds the totals again (tests only: the mark never moves back in use). */
export async function unsettle(db: Database): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    await sql`update report_totals_settled set month = 0`.execute(trx);
    await rebuildTotals(trx);
  });
}

/** Approves a submission (its totals added) or reopens an approved one (its totals taken out), as SUB does. */
export async function setApproved(db: Database, submissionId: string, approved: boolean): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    if (!approved) await addToTotals(trx, submissionId, -1);
    await trx
      .updateTable('report_submissions')
      .set({ status: approved ? 'approved' : 'returned' })
      .where('id', '=', submissionId)
      .execute();
    if (approved) await addToTotals(trx, submissionId, 1);
  });
}

type TotalRow = { key: string; sum: string; count: number; max: string | null };

/** The totals as they are, and as a rebuild from the values makes them (the rebuild rolled back). */
export async function totalsAndFresh(db: Database): Promise<{ kept: TotalRow[]; fresh: TotalRow[] }> {
  const read = async (q: Database | Parameters<Parameters<typeof inTransaction>[2]>[0]) =>
    (
      await sql<TotalRow>`
        select concat_ws('|', indicator_id, node_kind, node_id, first_month, last_month, category) as key,
               sum(sum)::text as sum, sum(count)::int as count, max(max)::text as max
          from report_totals group by 1 order by 1`.execute(q)
    ).rows.map((r) => ({ ...r, sum: String(Number(r.sum)), max: r.max === null ? null : String(Number(r.max)) }));
  const kept = await read(db);
  let fresh: TotalRow[] = [];
  await db
    .transaction()
    .execute(async (trx) => {
      await rebuildTotals(trx);
      fresh = await read(trx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return { kept, fresh };
}

class Rollback extends Error {}

/**
 * A province P with two districts until the reform of 1/7/2025 (D1: communes C1, C2; D2: commune C3) and none
 * after it (the communes under P). On 1/7/2025 C1 goes on (`same`), ward W is formed from all of C2 (`full`) and
 * part of C3 (`partial`), C3 ends. Villages: V1, V2 in C1; V3 in C3 until the reform, in W after it.
 */
export async function reformTree(db: Database) {
  const R = '2025-07-01';
  const P = await addUnit(db, { code: 'P', name: 'Tỉnh P', kind: 'province' });
  const D1 = await addUnit(db, { code: 'D1', name: 'Huyện D1', kind: 'rural_district', parentId: P, validTo: R });
  const D2 = await addUnit(db, { code: 'D2', name: 'Huyện D2', kind: 'rural_district', parentId: P, validTo: R });
  const C1 = await addUnit(db, { code: 'C1', name: 'Xã C1', kind: 'commune', parentId: D1, validTo: R });
  await addUnit(db, { id: C1, code: 'C1', name: 'Xã C1', kind: 'commune', parentId: P, validFrom: R });
  const C2 = await addUnit(db, { code: 'C2', name: 'Xã C2', kind: 'commune', parentId: D1, validTo: R });
  const C3 = await addUnit(db, { code: 'C3', name: 'Xã C3', kind: 'commune', parentId: D2, validTo: R });
  const W = await addUnit(db, { code: 'W', name: 'Phường W', kind: 'ward', parentId: P, validFrom: R });
  const V1 = await addUnit(db, { code: 'C1-1', name: 'Thôn 1', kind: 'village', parentId: C1 });
  const V2 = await addUnit(db, { code: 'C1-2', name: 'Thôn 2', kind: 'village', parentId: C1 });
  const V3 = await addUnit(db, { code: 'C3-1', name: 'Thôn 3', kind: 'village', parentId: C3, validTo: R });
  await addUnit(db, { id: V3, code: 'W-1', name: 'Thôn 3', kind: 'village', parentId: W, validFrom: R });
  await addLink(db, C2, W, 'full', R);
  await addLink(db, C3, W, 'partial', R);
  await addLink(db, C3, C1, 'partial', R);
  await rebuildUnitTree(db);
  return { P, D1, D2, C1, C2, C3, W, V1, V2, V3 };
}

/** A signed-in account holding a role on a unit (narrowed to a body when given), from today on. */
export async function sessionWithRole(
  t: { app: import('fastify').FastifyInstance; ctx: import('../../context.ts').AppContext },
  role: string,
  unitId: string,
  bodyId: string | null = null,
) {
  const { buildAccount, PASSWORD } = await import('../../../test/factories.ts');
  const { signIn } = await import('../../../test/app.ts');
  const a = await buildAccount(t.ctx);
  await t.ctx.db
    .insertInto('role_assignments')
    .values({ account_id: a.id, role, unit_id: unitId, body_id: bodyId })
    .execute();
  return signIn(t.app, a.username, PASSWORD);
}
