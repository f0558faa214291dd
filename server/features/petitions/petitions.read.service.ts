import type { z } from 'zod';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { fold } from '../../i18n/names.ts';
import { presentDetail, presentItem, registerNumber } from './petitions.presenter.ts';
import * as list from './petitions.list.repository.ts';
import * as repo from './petitions.repository.ts';
import type { PetitionCaller, PetitionRequest } from './petitions.scope.ts';
import { HIDDEN } from './petitions.scope.ts';
import type * as s from './petitions.schemas.ts';

/** Kinds whose petitioners are denouncers (a mixed letter may hold a denunciation): every view of their identity is
 * logged (Luật Tố cáo: the denouncer is protected). */
const DENOUNCER_KINDS = new Set(['denunciation', 'mixed']);

/** Logs the views of denouncers' identities the answer is about to show (in their own transaction: a read). */
async function logIdentityViews(
  r: Pick<PetitionRequest, 'app' | 'actor' | 'caller'>,
  shown: readonly { id: string; kind: string | null; identities: boolean; petitioners: number }[],
  via: string,
) {
  const ids = shown
    .filter((p) => p.identities && p.petitioners > 0 && DENOUNCER_KINDS.has(p.kind ?? ''))
    .map((p) => p.id);
  if (!ids.length) return;
  await inTransaction(r.app.db, r.actor, (trx) => repo.insertIdentityView(trx, ids, r.caller.accountId, via), {
    leaves: 'identities',
  });
}

/** One case as the caller may see it (404 when it does not read it). */
export async function petitionDetail(r: PetitionRequest, id: string): Promise<z.infer<typeof s.petitionDetail>> {
  const db = r.app.db;
  const p = await repo.findPetition(db, r.caller, id);
  if (!p || !p.readable) throw new AppError('NOT_FOUND');
  const [petitioners, officers, attachments, events, deadlines, forwards, replies, links, parts] = await Promise.all([
    repo.petitionersOf(db, [id]),
    repo.officersOf(db, [id]),
    repo.attachmentsOf(db, id),
    repo.eventsOf(db, id),
    repo.deadlinesOf(db, [id]),
    repo.forwardsOf(db, id),
    repo.repliesOf(db, [id]),
    repo.linksOf(db, id),
    repo.partsOf(db, id),
  ]);
  await logIdentityViews(r, [{ ...p, petitioners: petitioners.length }], 'detail');
  return presentDetail(
    p,
    { petitioners, officers, attachments, events, deadlines, forwards, replies, links, parts },
    r.caller.today,
  );
}

/** The cases the caller reads, filtered, newest first. A text search matches the summary and content (folded), a
 * register number ("12/2026"), and petitioners' names only on the cases whose identities the caller may see. */
export async function listPetitions(r: PetitionRequest, q: z.infer<typeof s.listQuery>) {
  const db = r.app.db;
  const number = q.q?.trim().match(/^(\d{1,6})\s*\/\s*(\d{4})$/);
  const { rows, total } = await list.listPage(db, r.caller, {
    state: q.state,
    kind: q.kind,
    register: q.register,
    year: q.year,
    overdue: q.overdue === 'true' ? true : q.overdue === 'false' ? false : undefined,
    projectId: q.projectId,
    bodyId: q.bodyId,
    number: number ? { number: Number(number[1]), year: Number(number[2]) } : undefined,
    words: number || !q.q?.trim() ? [] : fold(q.q).split(' ').filter(Boolean).slice(0, 8),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const ids = rows.map((x) => x.id);
  const [petitioners, deadlines] = await Promise.all([repo.petitionersOf(db, ids), repo.deadlinesOf(db, ids)]);
  const of = <T extends { petition_id: string }>(xs: T[], id: string) => xs.filter((x) => x.petition_id === id);
  await logIdentityViews(
    r,
    rows.map((x) => ({ ...x, petitioners: of(petitioners, x.id).length })),
    'list',
  );
  return {
    items: rows.map((x) => presentItem(x, of(petitioners, x.id), of(deadlines, x.id), r.caller.today)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type DuplicateAsk = { text: string; petitioners: { nameFold: string; addressFold: string }[]; excludeId?: string };

/** Possible duplicates among the cases the caller reads: a similar content (trigram similarity of the folded text,
 * so "Móng Cái" meets "mong cai" and a reworded letter its first version), and the same petitioner (folded name,
 * and address when given) — matched only on cases whose identities the caller may see, so that typing a name
 * cannot tell who petitioned about what. A hint names the case, never an identity the caller may not see. */
async function duplicates(
  r: PetitionRequest,
  ask: DuplicateAsk,
  sourceIdentities: boolean,
): Promise<z.infer<typeof s.duplicatesAnswer>> {
  const db = r.app.db;
  const rows = await list.duplicateCandidates(db, r.caller, {
    text: ask.text,
    petitioners: sourceIdentities ? ask.petitioners : [],
    excludeId: ask.excludeId,
  });
  const petitioners = await repo.petitionersOf(
    db,
    rows.filter((x) => x.identities).map((x) => x.id),
  );
  await logIdentityViews(
    r,
    rows.map((x) => ({ ...x, petitioners: petitioners.filter((p) => p.petition_id === x.id).length })),
    'duplicates',
  );
  return {
    items: rows.map((x) => ({
      id: x.id,
      registerNumber: registerNumber(x),
      summary: x.summary,
      state: x.state as z.infer<typeof s.petitionState>,
      receivedOn: x.received_on,
      receivingBody: { id: x.receiving_body_id, name: x.body_name },
      reasons: [
        ...(x.same_petitioner ? (['petitioner'] as const) : []),
        ...(x.similarity >= list.SIMILAR ? (['content'] as const) : []),
      ],
      similarity: Math.round(x.similarity * 100) / 100,
      petitionerNames: x.identities
        ? petitioners.filter((p) => p.petition_id === x.id).map((p) => p.full_name)
        : x.petitioner_count > 0
          ? Array.from({ length: x.petitioner_count }, () => HIDDEN)
          : [],
    })),
  };
}

/** Duplicates of what an officer is about to save (shown before saving). The caller's own words are the petitioners
 * here, so they are matched (on the cases whose identities it may see). */
export async function checkDuplicates(r: PetitionRequest, body: z.infer<typeof s.duplicatesBody>) {
  const text = fold(`${body.summary ?? ''} ${body.content ?? ''}`);
  return duplicates(
    r,
    {
      text,
      petitioners: body.petitioners
        .map((p) => ({ nameFold: fold(p.fullName), addressFold: p.address ? fold(p.address) : '' }))
        .filter((p) => p.nameFold),
    },
    true,
  );
}

/** Duplicates of a saved case (to merge). Its petitioners are matched only when the caller sees its identities. */
export async function duplicatesOf(r: PetitionRequest, id: string) {
  const p = await repo.findPetition(r.app.db, r.caller, id);
  if (!p || !p.readable) throw new AppError('NOT_FOUND');
  const petitioners = await list.petitionerFolds(r.app.db, id);
  return duplicates(r, { text: fold(`${p.summary} ${p.content}`), petitioners, excludeId: id }, p.identities);
}

/** Whether the caller sees the petitioners' identities of a case (phase 2's exports and pages ask the same guard). */
export async function identityVisible(r: { app: PetitionRequest['app']; caller: PetitionCaller }, id: string) {
  const p = await repo.findPetition(r.app.db, r.caller, id);
  return Boolean(p?.readable && p.identities);
}
