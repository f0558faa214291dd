import { formatNumber, nextNumber, symbolFor } from '../../documents/counters.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './petitions.documents.repository.ts';

/**
 * The notices of a case (phase 2 fills their Word side): drafted, signed, issued. The number is taken from the
 * issuer's series only at issue, after signing (Decree 30/2020: a document is numbered when issued, not drafted), in
 * the issue's transaction from the gap-free counters; a forwarding slip in series petition_forward (PC), every other
 * notice in petition_notice (TB).
 */
export type PetitionDocumentKind =
  'receipt' | 'guidance' | 'forward' | 'filing' | 'proposal' | 'reminder' | 'citizen_reply' | 'withdrawal';

export const seriesOf = (kind: PetitionDocumentKind) => (kind === 'forward' ? 'petition_forward' : 'petition_notice');

/** A draft notice of a case; the draft shows "Số:    /TB-MTTQ" (its symbol, no number). */
export async function draftPetitionDocument(
  trx: Trx,
  input: {
    petitionId: string;
    kind: PetitionDocumentKind;
    issuerBodyId: string;
    createdBy: string | null;
    forwardId?: string;
  },
) {
  const series = seriesOf(input.kind);
  const { symbol } = await symbolFor(trx, input.issuerBodyId, series);
  return repo.insertDocument(trx, {
    petition_id: input.petitionId,
    kind: input.kind,
    issuer_body_id: input.issuerBodyId,
    series,
    symbol,
    forward_id: input.forwardId ?? null,
    created_by: input.createdBy,
  });
}

/** Records the signature of a draft (the signed file, when scanned). 409 INVALID_TRANSITION unless it is a draft. */
export async function signPetitionDocument(
  trx: Trx,
  id: string,
  input: { signedBy: string | null; at: Date; fileId?: string },
) {
  const d = await repo.findDocument(trx, id);
  if (!d) throw new AppError('NOT_FOUND');
  if (d.status !== 'draft') throw new AppError('INVALID_TRANSITION', { params: { status: d.status } });
  await repo.setDocument(trx, id, {
    status: 'signed',
    signed_by: input.signedBy,
    signed_at: input.at,
    file_id: input.fileId ?? d.file_id,
  });
}

/** Issues a signed notice on a day: takes its number (gap-free, per issuer, series and year) and returns it written
 * as after "Số:" ("05/TB-MTTQ"). 409 INVALID_TRANSITION unless it is signed. */
export async function issuePetitionDocument(trx: Trx, id: string, issuedOn: string) {
  const d = await repo.findDocument(trx, id);
  if (!d) throw new AppError('NOT_FOUND');
  if (d.status !== 'signed') throw new AppError('INVALID_TRANSITION', { params: { status: d.status } });
  const n = await nextNumber(trx, d.issuer_body_id, d.series, issuedOn);
  await repo.setDocument(trx, id, {
    status: 'issued',
    number: n.number,
    symbol: n.symbol,
    period: n.period,
    issued_on: issuedOn,
  });
  return { number: n.number, symbol: n.symbol, written: formatNumber(n.number, n.symbol) };
}
