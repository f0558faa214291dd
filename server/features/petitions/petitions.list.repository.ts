import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { identitySql, readableSql } from './petitions.repository.ts';
import type { PetitionCaller } from './petitions.scope.ts';

type Q = Database | Trx;

export type ListFilter = {
  state?: string;
  kind?: string;
  register?: string;
  year?: number;
  overdue?: boolean;
  projectId?: string;
  bodyId?: string;
  number?: { number: number; year: number };
  /** folded words, all of which must appear */
  words: string[];
  limit: number;
  offset: number;
};

export type ListRow = {
  id: string;
  register: 'reception' | 'letters';
  year: number;
  number: number | null;
  received_on: string;
  channel: string;
  kind: string | null;
  summary: string;
  state: string;
  receiving_body_id: string;
  body_name: string;
  project_id: string | null;
  project_name: string | null;
  parent_id: string | null;
  identities: boolean;
};

const escapeLike = (w: string) => w.replace(/[\\%_]/g, (m) => '\\' + m);

/** A page of the cases the caller reads (petition_readable), newest first, with whether it sees their identities. A
 * word matches the folded summary and content, or a petitioner's folded name on a case whose identities it sees. */
export async function listPage(q: Q, c: PetitionCaller, f: ListFilter) {
  const conds = [sql`p.deleted_at is null`, readableSql(c)];
  if (f.state) conds.push(sql`p.state = ${f.state}`);
  if (f.kind) conds.push(sql`p.kind = ${f.kind}`);
  if (f.register) conds.push(sql`p.register = ${f.register}`);
  if (f.year) conds.push(sql`p.year = ${f.year}`);
  if (f.projectId) conds.push(sql`p.project_id = ${f.projectId}::uuid`);
  if (f.bodyId) conds.push(sql`p.receiving_body_id = ${f.bodyId}::uuid`);
  if (f.number) conds.push(sql`p.number = ${f.number.number} and p.year = ${f.number.year}`);
  const overdue = sql`exists (select 1 from petition_deadlines d where d.petition_id = p.id and d.status = 'open'
    and d.deleted_at is null and d.due_on < ${c.today}::date)`;
  if (f.overdue === true) conds.push(overdue);
  if (f.overdue === false) conds.push(sql`not ${overdue}`);
  for (const w of f.words) {
    const like = `%${escapeLike(w)}%`;
    conds.push(sql`(p.content_fold like ${like} or (${identitySql(c)} and exists (
      select 1 from petitioners pe where pe.petition_id = p.id and pe.deleted_at is null and pe.name_fold like ${like})))`);
  }
  const where = sql.join(conds, sql` and `);
  const [rows, total] = await Promise.all([
    sql<ListRow>`select p.id, p.register, p.year, p.number, p.received_on, p.channel, p.kind, p.summary, p.state,
        p.receiving_body_id, b.name as body_name, p.project_id, kp.name as project_name, p.parent_id,
        ${identitySql(c)} as identities
      from petitions p join bodies b on b.id = p.receiving_body_id
      left join key_projects kp on kp.id = p.project_id
      where ${where}
      order by p.received_on desc, p.created_at desc, p.id
      limit ${f.limit} offset ${f.offset}`.execute(q),
    sql<{ n: number }>`select count(*)::int as n from petitions p where ${where}`.execute(q),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

/** The similarity (pg_trgm, 0–1) from which two contents are called similar. Vietnamese syllables are short and
 * letters about one clearance share most of them ("gia đình tôi bị thu hồi đất…"): at pg_trgm's 0.3 half of the demo's
 * unrelated letters met; from 0.5 only reworded letters and letters about the same households do. */
export const SIMILAR = 0.5;

export type DuplicateRow = {
  id: string;
  register: string;
  year: number;
  number: number | null;
  summary: string;
  state: string;
  kind: string | null;
  received_on: string;
  receiving_body_id: string;
  body_name: string;
  identities: boolean;
  similarity: number;
  same_petitioner: boolean;
  petitioner_count: number;
};

/** Up to 10 cases the caller reads (not merged or split) whose folded content is similar to `text` (SIMILAR) or — on cases whose identities it sees — with a petitioner of the same folded
 * name (and address, when one is given), most similar first. */
export async function duplicateCandidates(
  q: Q,
  c: PetitionCaller,
  ask: { text: string; petitioners: { nameFold: string; addressFold: string }[]; excludeId?: string },
): Promise<DuplicateRow[]> {
  const names = ask.petitioners.map((p) => p.nameFold);
  const addresses = ask.petitioners.map((p) => p.addressFold);
  const samePetitioner = names.length
    ? sql<boolean>`(${identitySql(c)} and exists (select 1 from petitioners pe
        join unnest(${names}::text[], ${addresses}::text[]) as a(name_fold, address_fold)
          on pe.name_fold = a.name_fold and (a.address_fold = '' or pe.address_fold = a.address_fold)
        where pe.petition_id = p.id and pe.deleted_at is null))`
    : sql<boolean>`false`;
  const text = ask.text.trim();
  // `%` picks candidates through the trigram index (at pg_trgm's own threshold), the comparison keeps the similar.
  const similar =
    text.length >= 3
      ? sql<boolean>`(p.content_fold % ${text} and similarity(p.content_fold, ${text}) >= ${SIMILAR})`
      : sql<boolean>`false`;
  const r = await sql<DuplicateRow>`select * from (
      select p.id, p.register, p.year, p.number, p.summary, p.state, p.kind, p.received_on, p.receiving_body_id,
        b.name as body_name, ${identitySql(c)} as identities,
        ${text.length >= 3 ? sql`similarity(p.content_fold, ${text})` : sql`0`}::float8 as similarity,
        ${samePetitioner} as same_petitioner,
        (select count(*)::int from petitioners pe where pe.petition_id = p.id and pe.deleted_at is null) as petitioner_count
      from petitions p join bodies b on b.id = p.receiving_body_id
      where p.deleted_at is null and p.state not in ('merged', 'split')
        and p.id <> coalesce(${ask.excludeId ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        and ${readableSql(c)} and (${similar} or ${samePetitioner})) x
    order by same_petitioner desc, similarity desc, received_on desc
    limit 10`.execute(q);
  return r.rows;
}

/** The folded names and addresses of a case's petitioners (to look for the same people elsewhere). */
export function petitionerFolds(q: Q, petitionId: string) {
  return q
    .selectFrom('petitioners')
    .select(['name_fold as nameFold', 'address_fold as addressFold'])
    .where('petition_id', '=', petitionId)
    .where('deleted_at', 'is', null)
    .execute();
}
