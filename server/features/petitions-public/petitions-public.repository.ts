import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';

type Q = Database | Trx;

// Everything the public side reads of the petitions tables is here, column by column: the petitioners table is never
// read, nor a case's summary, content, notes or officers — what is not selected cannot leak.

/** The secret of the public form (migration 0022): made by the first server that asks, shared by all. */
export async function formSecret(db: Database, fresh: Buffer): Promise<Buffer> {
  await sql`insert into public_form_keys (id, secret) values (1, ${fresh}) on conflict (id) do nothing`.execute(db);
  return (await sql<{ secret: Buffer }>`select secret from public_form_keys where id = 1`.execute(db)).rows[0]!.secret;
}

/** Counts one more submission of `day` for each key, each only while under its cap; the keys whose cap is reached
 * (nothing counted for any key then: the caller's transaction is rolled back). */
export async function countSubmission(trx: Trx, day: string, keys: readonly { hash: Buffer; cap: number }[]) {
  const full: number[] = [];
  for (const [i, k] of keys.entries()) {
    const r = await sql<{ count: number }>`insert into public_petition_counts (day, key_hash, count)
        values (${day}::date, ${k.hash}, 1)
        on conflict (day, key_hash) do update set count = public_petition_counts.count + 1
          where public_petition_counts.count < ${k.cap}
        returning count`.execute(trx);
    if (!r.rows.length) full.push(i);
  }
  return full;
}

/** Takes back one submission counted for each key (its intake then failed). */
export async function uncountSubmission(trx: Trx, day: string, hashes: readonly Buffer[]) {
  for (const h of hashes)
    await sql`update public_petition_counts set count = count - 1
      where day = ${day}::date and key_hash = ${h} and count > 0`.execute(trx);
}

/** The counts are kept only for `today` and the day before it (the primary key starts with the day). */
export async function dropOldCounts(trx: Trx, today: string) {
  await sql`delete from public_petition_counts where day < ${today}::date - 1`.execute(trx);
}

/** Records that a stored file was uploaded on the form of `nonce` at `at` (the app's clock: the job ages it by it). */
export async function insertUpload(trx: Trx, fileId: string, nonce: string, at: Date) {
  await sql`insert into public_uploads (file_id, form_nonce, uploaded_at)
    values (${fileId}::uuid, ${nonce}, ${at})`.execute(trx);
}

/** How many files the form of `nonce` has uploaded; concurrent uploads of one form wait for each other here (a
 * transaction lock on the nonce), so that its cap holds. */
export async function lockedUploadCount(trx: Trx, nonce: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${'public-upload:' + nonce}, 0))`.execute(trx);
  const r = await sql<{ n: number }>`select count(*)::int as n from public_uploads where form_nonce = ${nonce}`.execute(
    trx,
  );
  return r.rows[0]!.n;
}

/** Of `fileIds`, those uploaded on the form of `nonce` that no petition holds yet. */
export async function freeUploads(q: Q, nonce: string, fileIds: readonly string[]): Promise<Set<string>> {
  if (!fileIds.length) return new Set();
  const r = await sql<{ file_id: string }>`select u.file_id from public_uploads u
      join files f on f.id = u.file_id and f.deleted_at is null
    where u.form_nonce = ${nonce} and u.file_id = any(${fileIds}::uuid[])
      and not exists (select 1 from petition_attachments a where a.file_id = u.file_id and a.deleted_at is null)`.execute(
    q,
  );
  return new Set(r.rows.map((x) => x.file_id));
}

/** Forgets the uploads older than `before`: the files no petition took are marked deleted, and their storage keys
 * returned (the caller removes the bytes once this commits). */
export async function dropStaleUploads(trx: Trx, before: Date): Promise<string[]> {
  const r = await sql<{ storage_key: string }>`with stale as (
      delete from public_uploads where uploaded_at < ${before} returning file_id
    )
    update files f set deleted_at = now()
    from stale
    where f.id = stale.file_id and f.deleted_at is null
      and not exists (select 1 from petition_attachments a where a.file_id = f.id)
    returning f.storage_key`.execute(trx);
  return r.rows.map((x) => x.storage_key);
}

export type ReceivingBodyRow = { id: string; name: string; level: number };

const receivingBodies = (day: string) => sql`from bodies b
  join unit_tree u on u.unit_id = b.unit_id and ${inForce('u', day)}
  where b.kind = 'front' and b.deleted_at is null and ${inForce('b', day)} and u.level in (1, 3)`;

/** The bodies a citizen may address a petition to: the Front committees of provinces and of communes/wards in force
 * on the day. */
export async function listReceivingBodies(q: Q, day: string): Promise<ReceivingBodyRow[]> {
  return (
    await sql<ReceivingBodyRow>`select b.id, b.name, u.level ${receivingBodies(day)}
      order by u.level, b.name collate "vi-x-icu" limit 2000`.execute(q)
  ).rows;
}

/** Whether `id` is one of those bodies. */
export async function isReceivingBody(q: Q, id: string, day: string): Promise<boolean> {
  return (
    (await sql<{ id: string }>`select b.id ${receivingBodies(day)} and b.id = ${id}::uuid`.execute(q)).rows.length > 0
  );
}

export type UnitHit = { id: string; name: string; path: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Communes, wards and villages in force on the day whose folded name holds `folded`, with their ancestors' names
 * ("Khu 3, Phường Móng Cái 1, Tỉnh Quảng Ninh"); names starting with the words first. */
export async function searchUnits(q: Q, folded: string, day: string, limit: number): Promise<UnitHit[]> {
  return (
    await sql<UnitHit>`select t.unit_id as id, t.name,
        (select string_agg(a.name, ', ' order by a.level desc) from unit_tree a
          where a.path @> t.path and ${inForce('a', day)}) as path
      from unit_tree t
      where ${inForce('t', day)} and t.level >= 3 and t.name_fold like ${'%' + escapeLike(folded) + '%'}
      order by (t.name_fold like ${escapeLike(folded) + '%'} or t.name_fold like ${'% ' + escapeLike(folded) + '%'}) desc,
        t.level, t.name collate "vi-x-icu"
      limit ${limit}`.execute(q)
  ).rows;
}

/** A unit's code on the day (the intake names an address by code), or undefined for a unit not in force. */
export async function unitCodeOn(q: Q, unitId: string, day: string): Promise<string | null | undefined> {
  const r = await sql<{ code: string | null }>`select code from unit_tree t
    where t.unit_id = ${unitId}::uuid and ${inForce('t', day)} limit 1`.execute(q);
  return r.rows.length ? r.rows[0]!.code : undefined;
}

export type TrackedCase = {
  id: string;
  state: string;
  received_on: string;
  closed_on: string | null;
  merged_into_id: string | null;
  body_name: string;
  reply_due_on: string | null;
  updated_on: string | null;
};

/** A case by its tracking code (or by id, following a merge), with only what the public page may show. */
export async function trackedCase(q: Q, by: { code: string } | { id: string }): Promise<TrackedCase | undefined> {
  const where = 'code' in by ? sql`p.tracking_code = ${by.code}` : sql`p.id = ${by.id}::uuid`;
  return (
    await sql<TrackedCase>`select p.id, p.state, p.received_on::text, p.closed_on::text, p.merged_into_id,
        b.name as body_name,
        (select d.due_on::text from petition_deadlines d
          where d.petition_id = p.id and d.rule = 'petition.reply_citizen' and d.deleted_at is null limit 1) as reply_due_on,
        (select max(e.day)::text from petition_events e where e.petition_id = p.id) as updated_on
      from petitions p join bodies b on b.id = p.receiving_body_id
      where ${where} and p.deleted_at is null`.execute(q)
  ).rows[0];
}

/** The parts of a split letter: their states. */
export async function partStates(q: Q, parentId: string) {
  return (
    await sql<{ id: string; state: string }>`select id, state from petitions
      where parent_id = ${parentId}::uuid and deleted_at is null order by created_at`.execute(q)
  ).rows;
}

/** Where the cases were forwarded: the body's name (a body of Khối or a named outside body) and the day. */
export async function forwardsOf(q: Q, petitionIds: readonly string[]) {
  if (!petitionIds.length) return [];
  return (
    await sql<{ to_name: string; forwarded_on: string }>`select coalesce(b.name, f.to_name) as to_name,
        f.forwarded_on::text
      from petition_forwards f left join bodies b on b.id = f.to_body_id
      where f.petition_id = any(${petitionIds}::uuid[]) and f.deleted_at is null
      order by f.forwarded_on, f.created_at`.execute(q)
  ).rows;
}

/** The replies the office PUBLISHED (never the result as recorded, nor an unpublished reply). */
export async function publishedReplies(q: Q, petitionIds: readonly string[]) {
  if (!petitionIds.length) return [];
  return (
    await sql<{ received_on: string; published_text: string }>`select r.received_on::text, r.published_text
      from petition_replies r
      where r.petition_id = any(${petitionIds}::uuid[]) and r.deleted_at is null and r.published
        and r.published_text is not null
      order by r.received_on, r.created_at`.execute(q)
  ).rows;
}
