import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import type { PetitionCaller } from './petitions.scope.ts';

type Q = Database | Trx;

/** Whether the caller reads the case `<alias>.id` (petition_readable, migration 0021); an administrator reads all. */
export function readableSql(c: PetitionCaller, alias = 'p'): RawBuilder<SqlBool> {
  if (c.isAdmin) return sql<SqlBool>`true`;
  return sql<SqlBool>`petition_readable(${c.accountId}::uuid, ${c.today}::date, ${sql.ref(`${alias}.id`)})`;
}

/** Whether the caller reads the petitioners' identities of the case (petition_identity_visible): the receiving
 * body's leaders and assigned officers only — an administrator's flag gives nothing here. */
export function identitySql(c: PetitionCaller, alias = 'p'): RawBuilder<boolean> {
  return sql<boolean>`petition_identity_visible(${c.accountId}::uuid, ${c.today}::date, ${sql.ref(`${alias}.id`)})`;
}

/** Whether the caller acts on the case: petitions.receive over its receiving body (holds_over, migration 0010). */
function actsSql(c: PetitionCaller, body: string): RawBuilder<boolean> {
  if (c.isAdmin) return sql<boolean>`true`;
  return sql<boolean>`holds_over(${c.accountId}::uuid, ${c.today}::date, 'petitions.receive', ${sql.ref(`${body}.unit_id`)}, ${sql.ref(`${body}.id`)})`;
}

/** A body the caller may receive petitions for (petitions.receive over it, the body in force today), or undefined. */
export async function receivingBody(q: Q, c: PetitionCaller, bodyId: string) {
  return (
    await sql<{ id: string; unit_id: string; name: string }>`select b.id, b.unit_id, b.name from bodies b
      where b.id = ${bodyId}::uuid and b.deleted_at is null
        and (b.valid_from is null or b.valid_from <= ${c.today}::date) and (b.valid_to is null or ${c.today}::date < b.valid_to)
        and ${actsSql(c, 'b')}`.execute(q)
  ).rows[0];
}

export type PetitionFull = {
  id: string;
  receiving_body_id: string;
  register: 'reception' | 'letters';
  year: number;
  number: number | null;
  received_on: string;
  channel: string;
  forwarded_from_body_id: string | null;
  forwarded_from_name: string | null;
  kind: string | null;
  parent_id: string | null;
  summary: string;
  content: string;
  eligible: boolean | null;
  eligibility_reason: string | null;
  anonymous: boolean;
  competence: string | null;
  signatory_count: number;
  address_unit_given_id: string | null;
  address_unit_id: string | null;
  project_id: string | null;
  state: string;
  suspended_from: string | null;
  merged_into_id: string | null;
  content_group_id: string;
  tracking_code: string;
  public: boolean;
  closed_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  body_name: string;
  body_unit_id: string;
  address_unit_name: string | null;
  project_name: string | null;
  readable: boolean;
  acts: boolean;
  identities: boolean;
};

const petitionColumns = sql`p.id, p.receiving_body_id, p.register, p.year, p.number, p.received_on, p.channel,
  p.forwarded_from_body_id, p.forwarded_from_name, p.kind, p.parent_id, p.summary, p.content, p.eligible,
  p.eligibility_reason, p.anonymous, p.competence, p.signatory_count, p.address_unit_given_id, p.address_unit_id,
  p.project_id, p.state, p.suspended_from, p.merged_into_id, p.content_group_id, p.tracking_code, p.public, p.closed_on,
  p.version, p.created_at, p.updated_at, b.name as body_name, b.unit_id as body_unit_id,
  (select u.name from unit_tree u where u.unit_id = p.address_unit_id order by u.valid_to desc nulls first limit 1) as address_unit_name,
  (select kp.name from key_projects kp where kp.id = p.project_id) as project_name`;

/** One case with the caller's rights over it (read, act, identities), locked for the command when `lock`; undefined
 * when missing or deleted. */
export async function findPetition(q: Q, c: PetitionCaller, id: string, opts: { lock?: boolean } = {}) {
  return (
    await sql<PetitionFull>`select ${petitionColumns},
        ${readableSql(c)} as readable, ${actsSql(c, 'b')} as acts, ${identitySql(c)} as identities
      from petitions p join bodies b on b.id = p.receiving_body_id
      where p.id = ${id}::uuid and p.deleted_at is null
      ${opts.lock ? sql`for update of p` : sql``}`.execute(q)
  ).rows[0];
}

export type PetitionerRow = {
  id: string;
  petition_id: string;
  full_name: string;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  unit_id: string | null;
  is_representative: boolean;
  sort: number;
};

export async function petitionersOf(q: Q, petitionIds: readonly string[]): Promise<PetitionerRow[]> {
  if (!petitionIds.length) return [];
  return q
    .selectFrom('petitioners')
    .select(['id', 'petition_id', 'full_name', 'id_number', 'phone', 'address', 'unit_id', 'is_representative', 'sort'])
    .where('petition_id', 'in', petitionIds)
    .where('deleted_at', 'is', null)
    .orderBy('petition_id')
    .orderBy('sort')
    .execute();
}

export function insertPetition(trx: Trx, values: Insertable<DB['petitions']>) {
  return trx
    .insertInto('petitions')
    .values(values)
    .returning(['id', 'content_group_id', 'tracking_code'])
    .executeTakeFirstOrThrow();
}

export async function insertPetitioners(trx: Trx, rows: Insertable<DB['petitioners']>[]) {
  if (rows.length) await trx.insertInto('petitioners').values(rows).execute();
}

export async function setOfficers(trx: Trx, petitionId: string, accountIds: readonly string[]) {
  await trx
    .updateTable('petition_officers')
    .set({ deleted_at: new Date() })
    .where('petition_id', '=', petitionId)
    .where('deleted_at', 'is', null)
    .where('account_id', 'not in', accountIds.length ? accountIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  if (!accountIds.length) return;
  const present = await trx
    .selectFrom('petition_officers')
    .select('account_id')
    .where('petition_id', '=', petitionId)
    .where('deleted_at', 'is', null)
    .execute();
  const have = new Set(present.map((p) => p.account_id));
  const add = [...new Set(accountIds)].filter((a) => !have.has(a));
  if (add.length)
    await trx
      .insertInto('petition_officers')
      .values(add.map((account_id) => ({ petition_id: petitionId, account_id })))
      .execute();
}

export function officersOf(q: Q, petitionIds: readonly string[]) {
  if (!petitionIds.length) return Promise.resolve([]);
  return q
    .selectFrom('petition_officers as o')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .select(['o.petition_id', 'a.id', 'a.display_name'])
    .where('o.petition_id', 'in', petitionIds)
    .where('o.deleted_at', 'is', null)
    .orderBy('a.display_name')
    .execute();
}

/** An uploaded file the account made and no petition holds yet, or undefined. */
export function findOwnFreeFile(q: Q, fileId: string, accountId: string | null) {
  return q
    .selectFrom('files as f')
    .select(['f.id'])
    .where('f.id', '=', fileId)
    .where('f.deleted_at', 'is', null)
    .where((eb) => (accountId ? eb('f.created_by', '=', accountId) : eb.val(true)))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('petition_attachments as a')
            .select('a.id')
            .whereRef('a.file_id', '=', 'f.id')
            .where('a.deleted_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
}

export async function insertAttachments(trx: Trx, petitionId: string, fileIds: readonly string[]) {
  if (fileIds.length)
    await trx
      .insertInto('petition_attachments')
      .values(fileIds.map((file_id) => ({ petition_id: petitionId, file_id })))
      .execute();
}

export function attachmentsOf(q: Q, petitionId: string) {
  return q
    .selectFrom('petition_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.filename', 'f.content_type', 'f.size_bytes', 'a.created_at'])
    .where('a.petition_id', '=', petitionId)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.created_at')
    .execute();
}

export function insertEvent(trx: Trx, values: Insertable<DB['petition_events']>) {
  return trx.insertInto('petition_events').values(values).execute();
}

export function eventsOf(q: Q, petitionId: string) {
  return q
    .selectFrom('petition_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .select(['e.id', 'e.day', 'e.action', 'e.from_state', 'e.to_state', 'e.note', 'e.created_at', 'a.display_name'])
    .where('e.petition_id', '=', petitionId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

/** Moves the case (state and the given columns) if its version is still `version`; undefined otherwise. */
export function updatePetition(
  trx: Trx,
  id: string,
  version: number,
  set: Partial<Omit<Insertable<DB['petitions']>, 'id' | 'version'>>,
) {
  return trx
    .updateTable('petitions')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export function insertForward(trx: Trx, values: Insertable<DB['petition_forwards']>) {
  return trx.insertInto('petition_forwards').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The live forward of a content group (the earlier forward of the same content), with its case. */
export function forwardOfGroup(q: Q, groupId: string) {
  return q
    .selectFrom('petition_forwards as f')
    .innerJoin('petitions as p', 'p.id', 'f.petition_id')
    .leftJoin('bodies as tb', 'tb.id', 'f.to_body_id')
    .select(['f.id', 'f.petition_id', 'f.forwarded_on', 'f.to_name', 'tb.name as to_body_name', 'p.year', 'p.number'])
    .where('f.content_group_id', '=', groupId)
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst();
}

export function forwardsOf(q: Q, petitionId: string) {
  return q
    .selectFrom('petition_forwards as f')
    .leftJoin('bodies as tb', 'tb.id', 'f.to_body_id')
    .select([
      'f.id',
      'f.to_body_id',
      'tb.name as to_body_name',
      'f.to_name',
      'f.forwarded_on',
      'f.note',
      'f.created_at',
    ])
    .where('f.petition_id', '=', petitionId)
    .where('f.deleted_at', 'is', null)
    .orderBy('f.created_at')
    .execute();
}

export function insertDeadline(trx: Trx, values: Insertable<DB['petition_deadlines']>) {
  return trx
    .insertInto('petition_deadlines')
    .values(values)
    .onConflict((oc) => oc.columns(['petition_id', 'rule']).where('deleted_at', 'is', null).doNothing())
    .execute();
}

export function deadlinesOf(q: Q, petitionIds: readonly string[]) {
  if (!petitionIds.length) return Promise.resolve([]);
  return q
    .selectFrom('petition_deadlines')
    .select([
      'id',
      'petition_id',
      'rule',
      'rule_version',
      'start_on',
      'due_on',
      'day_kind',
      'days',
      'basis',
      'variants',
      'provisional',
      'status',
      'done_on',
    ])
    .where('petition_id', 'in', petitionIds)
    .where('deleted_at', 'is', null)
    .orderBy('due_on')
    .execute();
}

/** Marks the open deadlines of `rules` done on `day`: met when on or before their due date, else missed. */
export async function meetDeadlines(trx: Trx, petitionId: string, rules: readonly string[], day: string) {
  if (!rules.length) return;
  await sql`update petition_deadlines
      set status = case when due_on >= ${day}::date then 'met' else 'missed' end, done_on = ${day}::date,
          updated_at = now(), version = version + 1
      where petition_id = ${petitionId}::uuid and rule = any (${rules}::text[]) and status = 'open' and deleted_at is null`.execute(
    trx,
  );
}

/** Cancels the open deadlines (of `rules`, or all) of a case that ended without their step (withdrawn, merged,
 * split) or no longer owes it (classified again). */
export async function cancelDeadlines(trx: Trx, petitionId: string, day: string, rules?: readonly string[]) {
  let q = trx
    .updateTable('petition_deadlines')
    .set((eb) => ({ status: 'cancelled', done_on: day, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('petition_id', '=', petitionId)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null);
  if (rules) q = q.where('rule', 'in', [...rules]);
  await q.execute();
}

/** The case's latest reply not yet published, if any. */
export function latestUnpublishedReply(trx: Trx, petitionId: string) {
  return trx
    .selectFrom('petition_replies')
    .select('id')
    .where('petition_id', '=', petitionId)
    .where('published', '=', false)
    .where('deleted_at', 'is', null)
    .orderBy('received_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function publishReply(trx: Trx, replyId: string, text: string) {
  await trx
    .updateTable('petition_replies')
    .set((eb) => ({ published: true, published_text: text, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', replyId)
    .execute();
}

export function insertReply(trx: Trx, values: Insertable<DB['petition_replies']>) {
  return trx.insertInto('petition_replies').values(values).returning('id').executeTakeFirstOrThrow();
}

export function repliesOf(q: Q, petitionIds: readonly string[]) {
  if (!petitionIds.length) return Promise.resolve([]);
  return q
    .selectFrom('petition_replies')
    .select([
      'id',
      'petition_id',
      'forward_id',
      'decided_on',
      'received_on',
      'result',
      'published',
      'published_text',
      'created_at',
    ])
    .where('petition_id', 'in', petitionIds)
    .where('deleted_at', 'is', null)
    .orderBy('received_on')
    .execute();
}

export function insertCaseLink(trx: Trx, values: Insertable<DB['case_links']>) {
  return trx.insertInto('case_links').values(values).returning('id').executeTakeFirstOrThrow();
}

export function linksOf(q: Q, petitionId: string) {
  return q
    .selectFrom('case_links')
    .select(['id', 'kind', 'target_id', 'note', 'created_at'])
    .where('petition_id', '=', petitionId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export function partsOf(q: Q, parentId: string) {
  return q
    .selectFrom('petitions')
    .select(['id', 'kind', 'summary', 'state'])
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export function insertIdentityView(trx: Trx, petitionIds: readonly string[], accountId: string, via: string) {
  return trx
    .insertInto('petition_identity_views')
    .values(petitionIds.map((petition_id) => ({ petition_id, account_id: accountId, via })))
    .execute();
}

/** Units by code (the address of a petitioner): the version in force on the day, else the latest version that had
 * the code (an ended unit, mapped to its successor by the service). */
export async function unitForAddress(q: Q, code: string, day: string) {
  return (
    await sql<{ unit_id: string; valid_to: string | null; name: string }>`select unit_id, valid_to, name from unit_tree
      where code = ${code}
      order by ((valid_from is null or valid_from <= ${day}::date) and (valid_to is null or ${day}::date < valid_to)) desc,
        valid_to desc nulls first
      limit 1`.execute(q)
  ).rows[0];
}

/** Whether a key project may be named by a case of the owner unit: its unit, or a unit it crosses, lies under the
 * roots of a write about that unit (reference_roots, migration 0017: the owner's subtree narrowed to the caller's). */
export async function projectNamable(q: Q, c: PetitionCaller, ownerUnit: string, projectId: string) {
  const acc = c.isAdmin ? null : c.accountId;
  const r = await sql<{ ok: boolean }>`select exists (
      select 1 from key_projects kp, lateral (select reference_roots(${acc}::uuid, ${c.today}::date, ${ownerUnit}::uuid) as roots) r
      where kp.id = ${projectId}::uuid and kp.deleted_at is null
        and (unit_under(kp.unit_id, r.roots)
          or exists (select 1 from key_project_units ku where ku.project_id = kp.id and unit_under(ku.unit_id, r.roots)))) as ok`.execute(
    q,
  );
  return r.rows[0]?.ok ?? false;
}
