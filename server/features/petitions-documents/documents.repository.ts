import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

export type DocumentRow = {
  id: string;
  petition_id: string;
  kind: string;
  status: 'draft' | 'signed' | 'issued' | 'cancelled';
  issuer_body_id: string;
  issuer_name: string;
  issuer_kind: string;
  issuer_layout: string;
  series: string;
  number: number | null;
  symbol: string | null;
  issued_on: string | null;
  signed_at: Date | null;
  signer_name: string | null;
  signer_title: string | null;
  note: string | null;
  forward_id: string | null;
  created_at: Date;
  version: number;
};

const columns = sql`d.id, d.petition_id, d.kind, d.status, d.issuer_body_id, b.name as issuer_name, b.kind as issuer_kind,
  coalesce(b.document_layout, k.document_layout) as issuer_layout, d.series, d.number, d.symbol, d.issued_on, d.signed_at,
  d.signer_name, d.signer_title, d.note, d.forward_id, d.created_at, d.version`;

/** The notices of a case, oldest first (cancelled ones too: the timeline names them). */
export async function documentsOf(q: Q, petitionId: string): Promise<DocumentRow[]> {
  return (
    await sql<DocumentRow>`select ${columns}
      from petition_documents d join bodies b on b.id = d.issuer_body_id join body_kinds k on k.code = b.kind
      where d.petition_id = ${petitionId}::uuid and d.deleted_at is null
      order by d.created_at, d.id`.execute(q)
  ).rows;
}

/** One notice of a case, or undefined. */
export async function documentOf(q: Q, petitionId: string, id: string): Promise<DocumentRow | undefined> {
  return (
    await sql<DocumentRow>`select ${columns}
      from petition_documents d join bodies b on b.id = d.issuer_body_id join body_kinds k on k.code = b.kind
      where d.id = ${id}::uuid and d.petition_id = ${petitionId}::uuid and d.deleted_at is null`.execute(q)
  ).rows[0];
}

/** What the petitions module's draft and signature leave to this module: the officer's words, who signed. */
export async function setDocumentText(
  trx: Trx,
  id: string,
  set: { note?: string | null; signer_name?: string; signer_title?: string | null },
) {
  await trx.updateTable('petition_documents').set(set).where('id', '=', id).execute();
}

/** The body a case names by id (the competent body of a forward), by name; undefined when missing. */
export function bodyName(q: Q, id: string) {
  return q.selectFrom('bodies').select('name').where('id', '=', id).executeTakeFirst();
}

/** Whether an account reads a body (body_readable, migration 0010); an administrator reads all. */
export async function bodyReadable(q: Q, c: { accountId: string; isAdmin: boolean; today: string }, bodyId: string) {
  const r = await sql<{ ok: boolean }>`select exists (select 1 from bodies b where b.id = ${bodyId}::uuid
      and b.deleted_at is null and (${c.isAdmin} or body_readable(${c.accountId}::uuid, ${c.today}::date, b.id))) as ok`.execute(
    q,
  );
  return r.rows[0]?.ok ?? false;
}

/** An attachment of a case with its stored file, or undefined. */
export function attachmentOf(q: Q, petitionId: string, fileId: string) {
  return q
    .selectFrom('petition_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.storage_key', 'f.filename', 'f.content_type'])
    .where('a.petition_id', '=', petitionId)
    .where('a.file_id', '=', fileId)
    .where('a.deleted_at', 'is', null)
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst();
}

export function insertIdentityView(trx: Trx, petitionId: string, accountId: string, via: string) {
  return trx
    .insertInto('petition_identity_views')
    .values({ petition_id: petitionId, account_id: accountId, via })
    .execute();
}

export type CaseTrail = {
  petition_id: string;
  forwards: { id: string; to: string; on: string; number: string | null }[];
  results: { decided_on: string | null; received_on: string; result: string }[];
  actions: { action: string; day: string; note: string | null }[];
  forwarded_from: string | null;
};

/** What the registers write of each case beside its row: its forwards (to whom, when, the forwarding slip's number
 * once issued), the competent body's results, the handling actions of its timeline and who forwarded it to us. No
 * identity: the timeline's notes are the officers' words about the handling. */
export async function trails(q: Q, petitionIds: readonly string[]): Promise<CaseTrail[]> {
  if (!petitionIds.length) return [];
  return (
    await sql<CaseTrail>`select p.id as petition_id,
        coalesce(fb.name, p.forwarded_from_name) as forwarded_from,
        coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'to', coalesce(tb.name, f.to_name), 'on', f.forwarded_on,
            'number', (select lpad(d.number::text, greatest(2, length(d.number::text)), '0') || '/' || d.symbol from petition_documents d
                        where d.forward_id = f.id and d.status = 'issued' and d.deleted_at is null
                        order by d.issued_on limit 1)) order by f.forwarded_on)
          from petition_forwards f left join bodies tb on tb.id = f.to_body_id
          where f.petition_id = p.id and f.deleted_at is null), '[]'::jsonb) as forwards,
        coalesce((select jsonb_agg(jsonb_build_object('decided_on', r.decided_on, 'received_on', r.received_on,
            'result', r.result) order by r.received_on)
          from petition_replies r where r.petition_id = p.id and r.deleted_at is null), '[]'::jsonb) as results,
        coalesce((select jsonb_agg(jsonb_build_object('action', e.action, 'day', e.day, 'note', e.note)
            order by e.created_at, e.id)
          from petition_events e where e.petition_id = p.id
            and e.action in ('guide', 'forward', 'file', 'propose', 'record_decision', 'record_reply', 'remind',
              'supervise', 'withdraw', 'suspend', 'resume', 'close', 'merge', 'split')), '[]'::jsonb) as actions
      from petitions p left join bodies fb on fb.id = p.forwarded_from_body_id
      where p.id = any (${[...petitionIds]}::uuid[])`.execute(q)
  ).rows;
}
