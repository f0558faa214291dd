import dayjs from 'dayjs';
import crypto from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { today as todayOf } from '../../clock.ts';
import { nextNumber } from '../../documents/counters.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { invalid } from '../../http/errors.ts';
import { assertReferences, referenceRefused, type ReferenceCheck } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import { successorsOf } from '../units/index.ts';
import { startDeadline } from './petitions.deadlines.ts';
import * as repo from './petitions.repository.ts';
import { defaultRegister, representativesProblem, RULES } from './petitions.rules.ts';
import type { PetitionCaller, PetitionRequest } from './petitions.scope.ts';
import type { CreatePetitionInput } from './petitions.schemas.ts';
import { petitionDetail } from './petitions.read.service.ts';

/** The register's series in the document counters (migration 0021). */
export const REGISTER_SERIES = { reception: 'petition_reception', letters: 'petition_letters' } as const;

// 32 letters and digits without 0/O/1/I: read aloud or typed from a receipt without mistakes.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A citizen's tracking code: 12 random characters (60 bits) as XXXX-XXXX-XXXX — unguessable, and unrelated to the
 * register number (which would tell how many cases a body has). */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

const dayBefore = (day: string) => dayjs(day).subtract(1, 'day').format('YYYY-MM-DD');

/**
 * An address's unit by its code as the petitioner gave it, and where it stands on `day`: a unit that ended (Phường
 * Trà Cổ, 1/7/2025) is mapped to its successor through the unit links (its continuation first, then a whole merger,
 * then the first part). Throws referenceRefused(field) for an unknown code.
 */
export async function addressUnit(q: Trx, code: string, day: string, field: string) {
  const u = await repo.unitForAddress(q, code, day);
  if (!u) throw referenceRefused(field);
  if (!u.valid_to || u.valid_to > day) return { given: u.unit_id, mapped: u.unit_id };
  const next = await successorsOf(q, u.unit_id, dayBefore(u.valid_to));
  const rank = (t: string) => (t === 'same' ? 0 : t === 'full' ? 1 : 2);
  const best = [...next].sort((a, b) => rank(a.type) - rank(b.type))[0];
  return { given: u.unit_id, mapped: best?.id ?? u.unit_id };
}

/** The input checks a schema cannot make: who signed (anonymous or named), representatives (Luật TCD Đ.29), the
 * forwarding body only for a forwarded letter, and a receipt day not in the future. */
function checkIntake(input: CreatePetitionInput, today: string) {
  if (input.receivedOn > today) throw invalid('receivedOn', 'validation.notInFuture');
  if (input.anonymous && input.petitioners.length) throw invalid('petitioners', 'validation.petitionAnonymousNamed');
  if (!input.anonymous && !input.petitioners.length) throw invalid('petitioners', 'validation.petitionNoPetitioner');
  const reps = input.petitioners.filter((p) => p.isRepresentative).length;
  const problem = representativesProblem(input.petitioners.length, reps);
  if (problem) throw invalid('petitioners', problem);
  if ((input.forwardedFromBodyId || input.forwardedFromName) && input.channel !== 'forwarded_by_body')
    throw invalid('forwardedFromBodyId', 'validation.petitionNotForwarded');
}

type Row = Awaited<ReturnType<typeof repo.insertPetition>>;

/** Writes a new case with its petitioners (their address units resolved), in the given state. */
async function insertCase(
  trx: Trx,
  c: PetitionCaller | null,
  input: CreatePetitionInput,
  extra: {
    state: 'received' | 'registered';
    register: 'reception' | 'letters';
    number: number | null;
    addressUnit: { given: string; mapped: string } | null;
  },
): Promise<Row> {
  const row = await repo.insertPetition(trx, {
    receiving_body_id: input.receivingBodyId,
    register: extra.register,
    register_body_id: extra.number === null ? null : input.receivingBodyId,
    year: Number(input.receivedOn.slice(0, 4)),
    number: extra.number,
    received_on: input.receivedOn,
    channel: input.channel,
    forwarded_from_body_id: input.forwardedFromBodyId ?? null,
    forwarded_from_name: input.forwardedFromName ?? null,
    kind: input.kind ?? null,
    summary: input.summary,
    content: input.content,
    content_fold: fold(`${input.summary} ${input.content}`),
    anonymous: input.anonymous,
    signatory_count: input.signatoryCount ?? Math.max(input.petitioners.length, input.anonymous ? 0 : 1),
    address_unit_given_id: extra.addressUnit?.given ?? null,
    address_unit_id: extra.addressUnit?.mapped ?? null,
    project_id: input.projectId ?? null,
    state: extra.state,
    tracking_code: newTrackingCode(),
    created_by: c?.accountId ?? null,
  });
  const petitioners = [];
  for (const [i, p] of input.petitioners.entries()) {
    const unit = p.unitCode ? await addressUnit(trx, p.unitCode, input.receivedOn, `petitioners.${i}.unitCode`) : null;
    petitioners.push({
      petition_id: row.id,
      full_name: p.fullName,
      name_fold: fold(p.fullName),
      id_number: p.idNumber ?? null,
      phone: p.phone ?? null,
      address: p.address ?? null,
      address_fold: p.address ? fold(p.address) : '',
      unit_id: unit?.mapped ?? null,
      is_representative: p.isRepresentative,
      sort: i,
    });
  }
  await repo.insertPetitioners(trx, petitioners);
  return row;
}

/**
 * An officer's intake: the case is registered at once — numbered in its register (the reception register for a
 * person who came, the letters register for a letter, unless said) for the receiving body and the year received,
 * from the gap-free counters — with its petitioners, attachments, assigned officers (the caller by default) and the
 * deadline to tell the citizen what happened (Luật TCD Đ.28 k.1).
 */
export async function createPetition(r: PetitionRequest, input: CreatePetitionInput) {
  const c = r.caller;
  checkIntake(input, c.today);
  const register = input.register ?? defaultRegister(input.channel);
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    const body = await repo.receivingBody(trx, c, input.receivingBodyId);
    if (!body) throw referenceRefused('receivingBodyId');
    const checks: ReferenceCheck[] = [
      ...(input.forwardedFromBodyId
        ? [{ field: 'forwardedFromBodyId', rule: 'near' as const, id: input.forwardedFromBodyId }]
        : []),
      ...input.officerIds.map((id, i) => ({ field: `officerIds.${i}`, rule: 'account' as const, id })),
    ];
    await assertReferences(trx, c, body.unit_id, checks);
    if (input.projectId && !(await repo.projectNamable(trx, c, body.unit_id, input.projectId)))
      throw referenceRefused('projectId');
    for (const [i, fileId] of input.fileIds.entries())
      if (!(await repo.findOwnFreeFile(trx, fileId, c.isAdmin ? null : c.accountId)))
        throw referenceRefused(`fileIds.${i}`);
    const address = input.addressUnitCode
      ? await addressUnit(trx, input.addressUnitCode, input.receivedOn, 'addressUnitCode')
      : null;
    const { number } = await nextNumber(trx, body.id, REGISTER_SERIES[register], input.receivedOn);
    const row = await insertCase(trx, c, input, { state: 'registered', register, number, addressUnit: address });
    const officers = input.officerIds.length ? input.officerIds : c.isAdmin ? [] : [c.accountId];
    await repo.setOfficers(trx, row.id, officers);
    await repo.insertAttachments(trx, row.id, input.fileIds);
    await repo.insertEvent(trx, {
      petition_id: row.id,
      day: c.today,
      action: 'register',
      from_state: null,
      to_state: 'registered',
      account_id: c.accountId,
      note: null,
      details: JSON.stringify({ channel: input.channel, register, number }),
    });
    await startDeadline(trx, row.id, RULES.replyCitizen, input.receivedOn);
    return row.id;
  });
  return petitionDetail(r, id);
}

/** What the public form sends (phase 2's citizen page): no account, one petitioner or none when anonymous. */
export type PublicPetitionInput = {
  receivingBodyId: string;
  kind?: 'complaint' | 'denunciation' | 'proposal' | 'mixed';
  summary: string;
  content: string;
  anonymous: boolean;
  addressUnitCode?: string;
  petitioners: CreatePetitionInput['petitioners'];
  /** files the public form stored for this submission (its caller checked they are the form's own and free) */
  fileIds?: readonly string[];
};

/** Who writes a public submission, in the audit trail. */
export const PUBLIC_ACTOR: Actor = { accountId: null, label: 'public' };

/**
 * The public form's intake: the case is only `received` (an officer registers it, giving its number), by channel
 * online_form, dated today, with the citizen's tracking code returned once. The receiving body must be in force.
 * The abuse limit is the caller's (the public route's) concern.
 */
export async function submitPublicPetition(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  input: PublicPetitionInput,
  actor: Actor = PUBLIC_ACTOR,
): Promise<{ trackingCode: string; receivedOn: string }> {
  const day = todayOf(ctx);
  const full: CreatePetitionInput = {
    ...input,
    receivedOn: day,
    channel: 'online_form',
    petitioners: input.petitioners,
    officerIds: [],
    fileIds: [...(input.fileIds ?? [])],
  };
  checkIntake(full, day);
  return inTransaction(ctx.db, actor, async (trx) => {
    const body = await repo.receivingBody(trx, { accountId: '', isAdmin: true, today: day }, input.receivingBodyId);
    if (!body) throw referenceRefused('receivingBodyId');
    const address = input.addressUnitCode
      ? await addressUnit(trx, input.addressUnitCode, day, 'addressUnitCode')
      : null;
    const row = await insertCase(trx, null, full, {
      state: 'received',
      register: 'letters',
      number: null,
      addressUnit: address,
    });
    await repo.insertAttachments(trx, row.id, full.fileIds);
    await repo.insertEvent(trx, {
      petition_id: row.id,
      day,
      action: 'receive',
      from_state: null,
      to_state: 'received',
      account_id: null,
      note: null,
      details: JSON.stringify({ channel: 'online_form' }),
    });
    await startDeadline(trx, row.id, RULES.replyCitizen, day);
    return { trackingCode: row.tracking_code, receivedOn: day };
  });
}
