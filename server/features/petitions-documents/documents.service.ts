import type { z } from 'zod';
import { localDate } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { placeName } from '../../documents/admin-docx.ts';
import { numberLine, isDocumentLayout, type Issuer } from '../../documents/layouts.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import {
  draftPetitionDocument,
  findPetition,
  insertEvent,
  issuePetitionDocument,
  petitionDetail,
  signPetitionDocument,
  type PetitionRequest,
} from '../petitions/index.ts';
import { issuingBody, type IssuerRow } from '../reporting/index.ts';
import { noticeDocument } from './documents.docx.ts';
import * as repo from './documents.repository.ts';
import type * as s from './documents.schemas.ts';
import { noticeText, TO_CITIZEN, type DocumentKind, type NoticeCase } from './documents.texts.ts';

type DocumentOut = z.infer<typeof s.documentOut>;

/** The case, read with the caller's rights (404 when it does not read it; 403 when it must act and may not). */
async function readCase(r: PetitionRequest, q: PetitionRequest['app']['db'], id: string, act: boolean, lock = false) {
  const p = await findPetition(q, r.caller, id, { lock });
  if (!p || !p.readable) throw new AppError('NOT_FOUND');
  if (act && !p.acts) throw new AppError('FORBIDDEN');
  return p;
}

/** The issuer of a document from its body's row (reporting's issuingBody): the layout its body or kind keeps. */
export function bodyIssuer(body: IssuerRow, symbol: string): Issuer {
  const names = {
    symbol,
    name: body.name,
    kind: body.kind,
    superiorName: body.superior_name,
    unitName: body.unit_name,
    parentUnitName: body.parent_unit_name,
  };
  return { ...names, layout: isDocumentLayout(body.layout) ? body.layout : 'decree30' };
}

const issuerOf = (d: repo.DocumentRow, symbol: string): Issuer => ({
  layout: isDocumentLayout(d.issuer_layout) ? d.issuer_layout : 'decree30',
  kind: d.issuer_kind,
  name: d.issuer_name,
  unitName: null,
  superiorName: null,
  parentUnitName: null,
  symbol,
});

function present(petitionId: string, d: repo.DocumentRow): DocumentOut {
  return {
    id: d.id,
    kind: d.kind as DocumentKind,
    status: d.status,
    number: d.number,
    // as the issuer's layout writes it after "Số" ("05/TB-MTTQ", the Front's standing board "05/TB-MTTQ-BTT")
    written:
      d.number !== null && d.symbol ? numberLine(issuerOf(d, d.symbol), d.number).replace(/^Số:?\s*/u, '') : null,
    symbol: d.symbol,
    issuedOn: d.issued_on,
    signedAt: d.signed_at ? new Date(d.signed_at).toISOString() : null,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    note: d.note,
    issuer: { id: d.issuer_body_id, name: d.issuer_name },
    createdAt: new Date(d.created_at).toISOString(),
    version: d.version,
    url: `/api/petitions/${petitionId}/documents/${d.id}/docx`,
  };
}

/** The notices of a case the caller reads (no identity in the list). */
export async function listDocuments(r: PetitionRequest, id: string) {
  await readCase(r, r.app.db, id, false);
  return { items: (await repo.documentsOf(r.app.db, id)).map((d) => present(id, d)) };
}

/** The step of the timeline a notice is about (its note is the officer's words for it). */
const STEP_OF: Partial<Record<DocumentKind, string>> = {
  guidance: 'guide',
  filing: 'file',
  proposal: 'propose',
  withdrawal: 'withdraw',
};
/** States from which the competent body may still be chased. */
const CHASED_STATES = ['forwarded', 'awaiting_result'];

/**
 * Drafts a notice of a case (no number: Decree 30/2020 numbers a document when it is issued). A notice applies only
 * where its step was taken — a receipt once the case is in a register, a forwarding slip for its forward, a guidance,
 * filing, proposal or withdrawal notice after that step, a reminder while the forwarded case awaits its result, a
 * reply to the citizen once registered — else 409 INVALID_TRANSITION; a notice to the citizen of an unsigned letter
 * has nobody to go to (400). On the case's timeline.
 */
export async function draftDocument(r: PetitionRequest, id: string, input: z.infer<typeof s.draftBody>) {
  const c = r.caller;
  const docId = await inTransaction(r.app.db, r.actor, async (trx) => {
    const p = await readCase(r, trx, id, true, true);
    const [trail] = await repo.trails(trx, [id]);
    const did = (action: string) => trail?.actions.some((a) => a.action === action) ?? false;
    const forward = trail?.forwards.at(-1);
    const step = STEP_OF[input.kind];
    const applies =
      input.kind === 'receipt' || input.kind === 'citizen_reply'
        ? p.number !== null
        : input.kind === 'forward'
          ? Boolean(forward)
          : input.kind === 'reminder'
            ? Boolean(forward) && CHASED_STATES.includes(p.state)
            : did(step!);
    if (!applies) throw new AppError('INVALID_TRANSITION', { params: { status: p.state } });
    if (TO_CITIZEN.has(input.kind) && p.anonymous) throw invalid('kind', 'validation.petitionNoticeNoRecipient');
    const d = await draftPetitionDocument(trx, {
      petitionId: id,
      kind: input.kind,
      issuerBodyId: p.receiving_body_id,
      createdBy: c.accountId,
      forwardId: input.kind === 'forward' || input.kind === 'reminder' ? forward?.id : undefined,
    });
    if (input.note) await repo.setDocumentText(trx, d.id, { note: input.note });
    await insertEvent(trx, {
      petition_id: id,
      day: c.today,
      action: 'document_draft',
      from_state: p.state,
      to_state: p.state,
      account_id: c.accountId,
      note: null,
      details: JSON.stringify({ documentId: d.id, kind: input.kind }),
    });
    return d.id;
  });
  return present(id, (await repo.documentOf(r.app.db, id, docId))!);
}

/** Locks the case and reads the notice for a change: 404 missing, 409 CONFLICT on a stale version. */
async function forChange(
  r: PetitionRequest,
  trx: Parameters<typeof repo.documentOf>[0],
  id: string,
  docId: string,
  version: number,
) {
  const p = await readCase(r, trx, id, true, true);
  const d = await repo.documentOf(trx, id, docId);
  if (!d) throw new AppError('NOT_FOUND');
  if (d.version !== version) throw new AppError('CONFLICT');
  return { p, d };
}

/** Records who signed a draft, and when (not in the future). 409 INVALID_TRANSITION unless it is a draft. */
export async function signDocument(r: PetitionRequest, id: string, docId: string, input: z.infer<typeof s.signBody>) {
  const c = r.caller;
  const day = input.signedOn ?? c.today;
  if (day > c.today) throw invalid('signedOn', 'validation.notInFuture');
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const { p, d } = await forChange(r, trx, id, docId, input.version);
    // a past day is recorded at noon in Hà Nội (its date stays that day whatever the server's zone)
    const at = input.signedOn && input.signedOn !== c.today ? new Date(`${day}T05:00:00Z`) : r.app.clock.now();
    await signPetitionDocument(trx, docId, { signedBy: c.accountId, at });
    await repo.setDocumentText(trx, docId, { signer_name: input.signerName, signer_title: input.signerTitle ?? null });
    await insertEvent(trx, {
      petition_id: id,
      day,
      action: 'document_sign',
      from_state: p.state,
      to_state: p.state,
      account_id: c.accountId,
      note: null,
      details: JSON.stringify({ documentId: docId, kind: d.kind, signer: input.signerName }),
    });
  });
  return present(id, (await repo.documentOf(r.app.db, id, docId))!);
}

/** Issues a signed notice: its number is taken now, from the issuer's gap-free counter of the series and year of the
 * issue day (petitions' issuePetitionDocument, in this transaction: a refused issue gives its number back). 409
 * INVALID_TRANSITION unless it is signed. */
export async function issueDocument(r: PetitionRequest, id: string, docId: string, input: z.infer<typeof s.issueBody>) {
  const c = r.caller;
  const day = input.issuedOn ?? c.today;
  if (day > c.today) throw invalid('issuedOn', 'validation.notInFuture');
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const { p, d } = await forChange(r, trx, id, docId, input.version);
    if (d.signed_at && day < localDate(new Date(d.signed_at)))
      throw invalid('issuedOn', 'validation.petitionIssuedBeforeSigned');
    const n = await issuePetitionDocument(trx, docId, day);
    await insertEvent(trx, {
      petition_id: id,
      day,
      action: 'document_issue',
      from_state: p.state,
      to_state: p.state,
      account_id: c.accountId,
      note: null,
      details: JSON.stringify({ documentId: docId, kind: d.kind, number: n.written }),
    });
  });
  return present(id, (await repo.documentOf(r.app.db, id, docId))!);
}

type Detail = Awaited<ReturnType<typeof petitionDetail>>;

/** What a notice says of the case, from its detail as the caller may see it (the identity guard already applied). */
function noticeCase(p: Detail, kind: DocumentKind, d: repo.DocumentRow, trail: repo.CaseTrail | undefined): NoticeCase {
  const forwards = trail?.forwards ?? [];
  const forward = forwards.find((f) => f.id === d.forward_id) ?? forwards.at(-1) ?? null;
  const step = STEP_OF[kind];
  const stepEvent = step ? p.events.filter((e) => e.action === step).at(-1) : undefined;
  const decision = p.events.filter((e) => e.action === 'record_decision').at(-1);
  const chased = p.deadlines.find(
    (x) => x.status === 'open' && x.overdue && ['complaint.front_result', 'proposal.follow_up'].includes(x.rule),
  );
  const reply = p.replies.at(-1);
  return {
    kind: p.kind,
    registerNumber: p.registerNumber,
    register: p.register,
    receivedOn: p.receivedOn,
    channel: p.channel,
    summary: p.summary,
    anonymous: p.anonymous,
    eligibilityReason: p.eligibilityReason,
    signatoryCount: p.signatoryCount,
    petitioners: p.petitioners,
    trackingCode: p.trackingCode,
    attachments: p.attachments.length,
    forwardedFrom: trail?.forwarded_from ?? null,
    forward: forward ? { to: forward.to, on: forward.on, written: forward.number } : null,
    decidedOn: reply?.decidedOn ?? decision?.day ?? null,
    result: reply ? { receivedOn: reply.receivedOn, text: reply.result } : null,
    chased: chased ? { due: chased.due, basis: chased.basis } : null,
    stepNote: stepEvent?.note ?? null,
    state: p.state,
  };
}

/** A notice as a Word document, in its issuer's layout, written from the case as the caller may see it: the
 * petitioners through the identity guard, and never a denouncer's identity in a notice to the competent body. */
export async function documentDocx(r: PetitionRequest, id: string, docId: string) {
  const q = r.app.db;
  await readCase(r, q, id, false);
  const d = await repo.documentOf(q, id, docId);
  if (!d) throw new AppError('NOT_FOUND');
  const [detail, [trail], body] = await Promise.all([
    petitionDetail(r, id),
    repo.trails(q, [id]),
    issuingBody(q, d.issuer_body_id, d.issued_on ?? r.caller.today),
  ]);
  const kind = d.kind as DocumentKind;
  const notice = noticeText(kind, noticeCase(detail, kind, d, trail), d.issuer_name, d.note);
  const issuer = body ? bodyIssuer(body, d.symbol ?? '') : issuerOf(d, d.symbol ?? '');
  const data = await noticeDocument({
    issuer,
    place: placeName(body?.unit_name ?? null),
    notice,
    status: d.status,
    number: d.number,
    issuedOn: d.issued_on,
    draftYear: Number(r.caller.today.slice(0, 4)),
    signer: { name: d.signer_name, title: d.signer_title },
  });
  const written = d.number !== null ? ` số ${String(d.number).padStart(2, '0')}` : ' (dự thảo)';
  return { filename: `${notice.filename}${written}.docx`, data };
}

/**
 * An attachment of a case, for a caller who sees the case's identities only: what a petitioner hands in (the letter,
 * an identity card, land papers) names them, so attachments are personal data like their names. A case the caller
 * does not read, or an attachment it does not hold, is 404; a case it reads without the identities is 403. A view of
 * a denouncer's attachment is logged as a view of their identity.
 */
export async function attachmentFile(
  r: PetitionRequest,
  files: AppContext['files'],
  id: string,
  fileId: string,
): Promise<{ filename: string; contentType: string; data: Buffer }> {
  const p = await readCase(r, r.app.db, id, false);
  if (!p.identities) throw new AppError('FORBIDDEN');
  const a = await repo.attachmentOf(r.app.db, id, fileId);
  if (!a) throw new AppError('NOT_FOUND');
  const data = await files.get(a.storage_key);
  if (!data) throw new AppError('NOT_FOUND');
  if (p.kind === 'denunciation' || p.kind === 'mixed')
    await inTransaction(
      r.app.db,
      r.actor,
      (trx) => repo.insertIdentityView(trx, id, r.caller.accountId, 'attachment'),
      {
        leaves: 'identities',
      },
    );
  return { filename: a.filename, contentType: a.content_type, data };
}
