import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import { submissionVisible } from './reporting.scope.repository.ts';

type Q = Database | Trx;

/** At most this many reports' narratives go into one review report (the highest levels first). */
export const NARRATIVE_LIMIT = 1000;

/** Indicators whose figures a review report quotes (numbers: not text, not yes/no), in their order. */
export async function reportIndicators(q: Q) {
  return q
    .selectFrom('indicators')
    .select(['code', 'value_type', 'kind'])
    .where('deleted_at', 'is', null)
    .where('value_type', 'not in', ['text', 'boolean'])
    .orderBy('sort')
    .orderBy('code')
    .limit(200)
    .execute();
}

/** The value types and kinds of some indicators (how their figures are written). */
export async function indicatorKinds(q: Q, codes: readonly string[]) {
  if (!codes.length) return [];
  return q
    .selectFrom('indicators')
    .select(['code', 'value_type', 'kind'])
    .where('deleted_at', 'is', null)
    .where('code', 'in', [...codes])
    .execute();
}

export type IssuerRow = {
  id: string;
  unit_id: string;
  name: string;
  kind: string;
  layout: string;
  superior_name: string | null;
  unit_name: string | null;
  parent_unit_name: string | null;
};

/** An issuing body (not deleted): its layout (its own, else its kind's), the body above it on the same unit, and its
 * unit's name and the name of the unit above, as they stood on `day` (else the latest). */
export async function issuer(q: Q, bodyId: string, day: string): Promise<IssuerRow | undefined> {
  return (
    await sql<IssuerRow>`
      select b.id, b.unit_id, b.name, b.kind, coalesce(b.document_layout, k.document_layout) as layout,
             sup.name as superior_name, ut.name as unit_name, pt.name as parent_unit_name
        from bodies b
        join body_kinds k on k.code = b.kind
        left join bodies sup on sup.id = b.parent_id and sup.unit_id = b.unit_id and sup.deleted_at is null
        left join lateral (
          select u.name, u.parent_id, u.valid_from, u.valid_to from unit_tree u where u.unit_id = b.unit_id
           order by ((u.valid_from is null or u.valid_from <= ${day}::date)
                     and (u.valid_to is null or ${day}::date < u.valid_to)) desc, u.valid_to desc nulls first
           limit 1) ut on true
        left join lateral (
          select p.name from unit_tree p where p.unit_id = ut.parent_id
           order by ((p.valid_from is null or p.valid_from <= ${day}::date)
                     and (p.valid_to is null or ${day}::date < p.valid_to)) desc, p.valid_to desc nulls first
           limit 1) pt on true
       where b.id = ${bodyId}::uuid and b.deleted_at is null`.execute(q)
  ).rows[0];
}

export type NarrativeRow = {
  first_month: number;
  last_month: number;
  narrative: Record<string, string>;
  sections: { key: string; title: string }[] | null;
  unit_id: string;
  unit_name: string;
  level: number;
  body_name: string | null;
};

/**
 * The narratives of the approved reports of the subtrees of some units (each placed in the tree of its report's
 * period) for periods inside a range, those the caller reads: the units nearest the top first, then by name, a unit's
 * own report before its bodies', earlier periods first.
 */
export async function narratives(
  q: Q,
  c: ReportingCaller,
  f: { unitIds: readonly string[]; first: number; last: number },
): Promise<NarrativeRow[]> {
  if (!f.unitIds.length) return [];
  return (
    await sql<NarrativeRow>`
      select s.first_month, s.last_month, s.narrative, v.sections, u.unit_id, u.name as unit_name, u.level,
             b.name as body_name
        from report_submissions s
        join report_form_versions v on v.id = s.form_version_id
        join unit_tree u on u.unit_id = s.unit_id
         and (u.valid_from is null or u.valid_from <= s.period_end) and (u.valid_to is null or s.period_end < u.valid_to)
        left join bodies b on b.id = s.body_id
       where s.status = 'approved' and s.deleted_at is null and s.narrative <> '{}'::jsonb
         and s.first_month >= ${f.first} and s.last_month <= ${f.last}
         and exists (select 1 from unit_tree r
                      where r.unit_id = any (${[...f.unitIds]}::uuid[])
                        and (r.valid_from is null or r.valid_from <= s.period_end)
                        and (r.valid_to is null or s.period_end < r.valid_to)
                        and u.path <@ r.path)
         and ${submissionVisible(c)}
       order by u.level, u.name collate "vi-x-icu", b.name collate "vi-x-icu" nulls first, s.first_month, s.last_month
       limit ${NARRATIVE_LIMIT}`.execute(q)
  ).rows;
}
