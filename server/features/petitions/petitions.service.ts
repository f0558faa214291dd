import type { z } from 'zod';
import { nextNumber } from '../../documents/counters.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { databaseRefusal, AppError, invalid } from '../../http/errors.ts';
import { assertReferences, referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import { startDeadline } from './petitions.deadlines.ts';
import { addressUnit, newTrackingCode, REGISTER_SERIES } from './petitions.intake.service.ts';
import { registerNumber } from './petitions.presenter.ts';
import { petitionDetail } from './petitions.read.service.ts';
import * as repo from './petitions.repository.ts';
import {
  deadlinesEndedBy,
  deadlinesMetBy,
  eligibilityProblem,
  FINAL_STATES,
  needsTransfer,
  nextState,
  RULES,
  type PetitionAction,
  type PetitionKind,
  type PetitionState,
} from './petitions.rules.ts';
import type { PetitionRequest } from './petitions.scope.ts';
import type * as s from './petitions.schemas.ts';

type Case = NonNullable<Awaited<ReturnType<typeof repo.findPetition>>>;
/** What an action writes besides the state: columns of the case, the timeline's note and details. */
type Step = {
  set?: Parameters<typeof repo.updatePetition>[3];
  note?: string | null;
  details?: Record<string, unknown>;
};

/** The day an action was done: today by default, never in the future nor before the case was received. */
function actionDay(p: Case, on: string | undefined, today: string, field = 'on'): string {
  const day = on ?? today;
  if (day > today) throw invalid(field, 'validation.notInFuture');
  if (day < p.received_on) throw invalid(field, 'validation.petitionBeforeReceived');
  return day;
}

/**
 * Runs one action on a case in one transaction: the case is locked and read with the caller's rights (404 when it
 * does not read it, 403 when it may not act, 409 CONFLICT on a stale version, 409 INVALID_TRANSITION when the state
 * machine refuses the action from the case's state — petitions.rules.ts is the only judge), then `step` writes what
 * the action writes, the state moves, the timeline records it, and the deadlines it meets or ends are closed.
 */
async function act(
  r: PetitionRequest,
  id: string,
  action: PetitionAction,
  version: number,
  step: (trx: Trx, p: Case, to: PetitionState) => Promise<Step & { day: string }>,
) {
  const c = r.caller;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const p = await repo.findPetition(trx, c, id, { lock: true });
    if (!p || !p.readable) throw new AppError('NOT_FOUND');
    if (!p.acts) throw new AppError('FORBIDDEN');
    if (p.version !== version) throw new AppError('CONFLICT');
    const to = nextState(p.state as PetitionState, action, p.suspended_from);
    if (!to) throw new AppError('INVALID_TRANSITION', { params: { status: p.state } });
    const done = await step(trx, p, to);
    const moved = await repo.updatePetition(trx, id, version, { state: to, ...done.set });
    if (!moved) throw new AppError('CONFLICT');
    await repo.insertEvent(trx, {
      petition_id: id,
      day: done.day,
      action,
      from_state: p.state,
      to_state: to,
      account_id: c.accountId,
      note: done.note ?? null,
      details: done.details ? JSON.stringify(done.details) : null,
    });
    await repo.meetDeadlines(trx, id, deadlinesMetBy(action), done.day);
    if (deadlinesEndedBy(action) || to === 'closed') await repo.cancelDeadlines(trx, id, done.day);
  });
  return petitionDetail(r, id);
}

/** Numbers a case the public form received, in the letters register of its body and the year it was received. */
export function registerPetition(r: PetitionRequest, id: string, input: { version: number }) {
  return act(r, id, 'register', input.version, async (trx, p) => {
    const { number } = await nextNumber(trx, p.receiving_body_id, REGISTER_SERIES[p.register], p.received_on);
    await startDeadline(trx, id, RULES.replyCitizen, p.received_on);
    // a case from the public form has no officer yet: who registers it handles it
    if (!r.caller.isAdmin && !(await repo.officersOf(trx, [id])).length)
      await repo.setOfficers(trx, id, [r.caller.accountId]);
    return { day: r.caller.today, set: { number, register_body_id: p.receiving_body_id }, details: { number } };
  });
}

/** Kind, eligibility with its reason, competence and signatories. An anonymous denunciation is information only
 * (Luật Tố cáo Đ.25): not eligible. A denunciation outside the Front's competence must be transferred within 05
 * working days of its receipt (Đ.24): that deadline starts here. */
export function classifyPetition(r: PetitionRequest, id: string, input: z.infer<typeof s.classifyBody>) {
  return act(r, id, 'classify', input.version, async (trx, p) => {
    const anonymous = input.anonymous ?? p.anonymous;
    const problem = eligibilityProblem({ kind: input.kind, anonymous, eligible: input.eligible });
    if (problem) throw invalid('eligible', problem);
    if (!input.eligible && !input.eligibilityReason) throw invalid('eligibilityReason', 'validation.required');
    // Only an eligible denunciation is handled as one: an anonymous letter is information, owed no transfer.
    if (needsTransfer(input.kind, input.competence, input.eligible))
      await startDeadline(trx, id, RULES.denunciationTransfer, p.received_on);
    else await repo.cancelDeadlines(trx, id, r.caller.today, [RULES.denunciationTransfer]);
    return {
      day: r.caller.today,
      set: {
        kind: input.kind,
        eligible: input.eligible,
        eligibility_reason: input.eligibilityReason ?? null,
        anonymous,
        competence: input.competence,
        ...(input.signatoryCount !== undefined ? { signatory_count: input.signatoryCount } : {}),
        ...(input.summary ? { summary: input.summary, content_fold: fold(`${input.summary} ${p.content}`) } : {}),
      },
      details: { kind: input.kind, eligible: input.eligible, competence: input.competence },
    };
  });
}

/** Splits a mixed letter into its parts (Luật TCD Đ.25 k.3): each part a case of its own kind, with its own path,
 * the letter's petitioners and officers, its own content group and tracking code, registered under the letter's
 * number. The letter itself ends as `split`. */
export function splitPetition(r: PetitionRequest, id: string, input: z.infer<typeof s.splitBody>) {
  return act(r, id, 'split', input.version, async (trx, p) => {
    if (p.kind !== 'mixed') throw invalid('parts', 'validation.petitionSplitNotMixed');
    const [petitioners, officers] = await Promise.all([repo.petitionersOf(trx, [id]), repo.officersOf(trx, [id])]);
    const parts: string[] = [];
    for (const part of input.parts) {
      const content = part.content ?? p.content;
      const row = await repo.insertPetition(trx, {
        receiving_body_id: p.receiving_body_id,
        register: p.register,
        year: p.year,
        received_on: p.received_on,
        channel: p.channel,
        forwarded_from_body_id: p.forwarded_from_body_id,
        forwarded_from_name: p.forwarded_from_name,
        kind: part.kind,
        parent_id: id,
        summary: part.summary,
        content,
        content_fold: fold(`${part.summary} ${content}`),
        anonymous: p.anonymous,
        signatory_count: p.signatory_count,
        address_unit_given_id: p.address_unit_given_id,
        address_unit_id: p.address_unit_id,
        project_id: p.project_id,
        state: 'registered',
        tracking_code: newTrackingCode(),
        created_by: r.caller.accountId,
      });
      await repo.insertPetitioners(
        trx,
        petitioners.map((x) => ({
          petition_id: row.id,
          full_name: x.full_name,
          name_fold: fold(x.full_name),
          id_number: x.id_number,
          phone: x.phone,
          address: x.address,
          address_fold: x.address ? fold(x.address) : '',
          unit_id: x.unit_id,
          is_representative: x.is_representative,
          sort: x.sort,
        })),
      );
      await repo.setOfficers(
        trx,
        row.id,
        officers.map((o) => o.id),
      );
      await repo.insertEvent(trx, {
        petition_id: row.id,
        day: r.caller.today,
        action: 'split_from',
        from_state: null,
        to_state: 'registered',
        account_id: r.caller.accountId,
        note: null,
        details: JSON.stringify({ parentId: id }),
      });
      await startDeadline(trx, row.id, RULES.replyCitizen, p.received_on);
      parts.push(row.id);
    }
    return { day: r.caller.today, details: { parts } };
  });
}

/** Folds a duplicate into the case it repeats: it takes that case's content group (so the content is forwarded
 * once for both) and ends as `merged`. The target must be a case the caller acts on, not itself, not ended. */
export function mergePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.mergeBody>) {
  return act(r, id, 'merge', input.version, async (trx) => {
    if (input.intoId === id) throw invalid('intoId', 'validation.petitionMergeSelf');
    const into = await repo.findPetition(trx, r.caller, input.intoId, { lock: true });
    if (!into || !into.readable || !into.acts) throw referenceRefused('intoId');
    if (FINAL_STATES.includes(into.state as PetitionState)) throw invalid('intoId', 'validation.petitionEnded');
    return {
      day: r.caller.today,
      set: { merged_into_id: into.id, content_group_id: into.content_group_id },
      details: { intoId: into.id },
    };
  });
}

/** Guidance: the citizen is told which body to go to (Luật TCD Đ.26). */
export function guidePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'guide', input.version, (_trx, p) =>
    Promise.resolve({ day: actionDay(p, input.on, r.caller.today), note: input.note }),
  );
}

/** 409 ALREADY_FORWARDED: the content was forwarded before. The earlier forward is named (date, recipient, case
 * number) only when the caller reads the case that holds it. */
async function alreadyForwarded(r: PetitionRequest, groupId: string): Promise<AppError> {
  const earlier = await repo.forwardOfGroup(r.app.db, groupId);
  const readable = earlier ? await repo.findPetition(r.app.db, r.caller, earlier.petition_id) : undefined;
  if (!earlier || !readable?.readable) return new AppError('ALREADY_FORWARDED');
  const on = earlier.forwarded_on.split('-').reverse().join('/');
  return new AppError('ALREADY_FORWARDED', {
    field: 'forward',
    issues: [{ field: 'forward', message: 'validation.petitionForwardedBefore' }],
    params: { on, to: earlier.to_body_name ?? earlier.to_name ?? '', number: registerNumber(earlier) ?? '' },
  });
}

const isOnceViolation = (err: unknown) =>
  databaseRefusal(err) === 'ALREADY_EXISTS' &&
  (err as { constraint?: string }).constraint === 'petition_forwards_once_uq';

/**
 * Forwards the case to the competent body — once per content (TT 05/2021 Đ.14): a second forward of the same content
 * group is refused with 409 ALREADY_FORWARDED, also when two officers forward at the same moment (the unique index
 * decides; the loser's transaction rolls back). A retried request with the same Idempotency-Key gets the first
 * answer (the idempotency hook). A proposal starts its follow-up deadline from the forward.
 */
export async function forwardPetition(r: PetitionRequest, id: string, input: z.infer<typeof s.forwardBody>) {
  if (!input.toBodyId && !input.toName) throw invalid('toBodyId', 'validation.petitionForwardTo');
  let group: string | null = null;
  try {
    return await act(r, id, 'forward', input.version, async (trx, p, _to) => {
      group = p.content_group_id;
      const day = actionDay(p, input.on, r.caller.today);
      if (input.toBodyId)
        await assertReferences(trx, r.caller, p.body_unit_id, [
          { field: 'toBodyId', rule: 'near', id: input.toBodyId },
        ]);
      if (await repo.forwardOfGroup(trx, p.content_group_id)) throw await alreadyForwarded(r, p.content_group_id);
      const f = await repo.insertForward(trx, {
        petition_id: id,
        content_group_id: p.content_group_id,
        to_body_id: input.toBodyId ?? null,
        to_name: input.toName ?? null,
        forwarded_on: day,
        note: input.note ?? null,
        created_by: r.caller.accountId,
      });
      if ((p.kind as PetitionKind) === 'proposal') await startDeadline(trx, id, RULES.proposalFollowUp, day);
      return { day, note: input.note, details: { forwardId: f.id } };
    });
  } catch (err) {
    if (group && isOnceViolation(err)) throw await alreadyForwarded(r, group);
    throw err;
  }
}

/** Files the letter without action, kept one year (TT07 Đ.28): the keeping deadline starts. */
export function filePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'file', input.version, async (trx, p) => {
    const day = actionDay(p, input.on, r.caller.today);
    await startDeadline(trx, id, RULES.filedKeep, day);
    return { day, note: input.note };
  });
}

/** Proposes the case for handling within the Front's own competence. */
export function proposePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'propose', input.version, (_trx, p) =>
    Promise.resolve({ day: actionDay(p, input.on, r.caller.today), note: input.note }),
  );
}

/** The competent body decided: for a complaint its written result is owed within 07 days of the decision (Luật KN
 * Đ.66) — that deadline starts on the decision's day. */
export function recordDecision(r: PetitionRequest, id: string, input: z.infer<typeof s.decisionBody>) {
  return act(r, id, 'record_decision', input.version, async (trx, p) => {
    const day = actionDay(p, input.decidedOn, r.caller.today, 'decidedOn');
    if (p.kind === 'complaint') await startDeadline(trx, id, RULES.frontResult, day);
    return { day, note: input.note, details: { decidedOn: day } };
  });
}

/** The competent body's written result is in: kept with its dates, published to the citizen's page when asked (the
 * published text, which the officer writes without personal data). Meets the result and follow-up deadlines. */
export function recordReply(r: PetitionRequest, id: string, input: z.infer<typeof s.replyBody>) {
  return act(r, id, 'record_reply', input.version, async (trx, p) => {
    const day = actionDay(p, input.receivedOn, r.caller.today, 'receivedOn');
    if (input.decidedOn && input.decidedOn > day) throw invalid('decidedOn', 'validation.petitionDecidedAfterReceived');
    if (input.publish && !input.publishedText) throw invalid('publishedText', 'validation.required');
    if (input.decidedOn && p.kind === 'complaint') await startDeadline(trx, id, RULES.frontResult, input.decidedOn);
    const forwards = await repo.forwardsOf(trx, id);
    await repo.insertReply(trx, {
      petition_id: id,
      forward_id: forwards.at(-1)?.id ?? null,
      decided_on: input.decidedOn ?? null,
      received_on: day,
      result: input.result,
      published: input.publish,
      published_text: input.publish ? (input.publishedText ?? null) : null,
      created_by: r.caller.accountId,
    });
    return { day, set: input.publish ? { public: true } : {}, details: { published: input.publish } };
  });
}

/** Publishes, later, the latest result recorded without publishing it: the citizen's page shows the text the officer
 * writes (without personal data). The case keeps its state. */
export function publishReply(r: PetitionRequest, id: string, input: z.infer<typeof s.publishReplyBody>) {
  return act(r, id, 'publish_reply', input.version, async (trx) => {
    const reply = await repo.latestUnpublishedReply(trx, id);
    if (!reply) throw invalid('publishedText', 'validation.petitionNothingToPublish');
    await repo.publishReply(trx, reply.id, input.publishedText);
    return { day: r.caller.today, set: { public: true }, details: { replyId: reply.id } };
  });
}

/** A chase of the competent body (the reminder letter is generated by the notices); the case keeps its state. */
export function remindPetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'remind', input.version, (_trx, p) =>
    Promise.resolve({ day: actionDay(p, input.on, r.caller.today), note: input.note }),
  );
}

/** Hands a stuck case to supervision: a case link of kind 'supervision' the supervision module will point at its
 * record. */
export function superviseCase(r: PetitionRequest, id: string, input: z.infer<typeof s.superviseBody>) {
  return act(r, id, 'supervise', input.version, async (trx) => {
    const link = await repo.insertCaseLink(trx, {
      petition_id: id,
      kind: 'supervision',
      target_id: null,
      note: input.note,
      created_by: r.caller.accountId,
    });
    return { day: r.caller.today, note: input.note, details: { linkId: link.id } };
  });
}

export function withdrawPetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'withdraw', input.version, (_trx, p) =>
    Promise.resolve({ day: actionDay(p, input.on, r.caller.today), note: input.note }),
  );
}

export function suspendPetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'suspend', input.version, (_trx, p) =>
    Promise.resolve({
      day: actionDay(p, input.on, r.caller.today),
      note: input.note,
      set: { suspended_from: p.state },
    }),
  );
}

export function resumePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'resume', input.version, (_trx, p) =>
    Promise.resolve({ day: actionDay(p, input.on, r.caller.today), note: input.note, set: { suspended_from: null } }),
  );
}

export function closePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.noteBody>) {
  return act(r, id, 'close', input.version, (_trx, p) => {
    const day = actionDay(p, input.on, r.caller.today);
    return Promise.resolve({ day, note: input.note, set: { closed_on: day } });
  });
}

/** Edits what was taken in (summary, content, the key project, the address unit); not the state. */
export async function updatePetition(r: PetitionRequest, id: string, input: z.infer<typeof s.updatePetitionBody>) {
  const c = r.caller;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const p = await repo.findPetition(trx, c, id, { lock: true });
    if (!p || !p.readable) throw new AppError('NOT_FOUND');
    if (!p.acts) throw new AppError('FORBIDDEN');
    if (p.version !== input.version) throw new AppError('CONFLICT');
    if (FINAL_STATES.includes(p.state as PetitionState))
      throw new AppError('INVALID_TRANSITION', { params: { status: p.state } });
    if (input.projectId && !(await repo.projectNamable(trx, c, p.body_unit_id, input.projectId)))
      throw referenceRefused('projectId');
    const address =
      input.addressUnitCode === undefined
        ? undefined
        : input.addressUnitCode === null
          ? null
          : await addressUnit(trx, input.addressUnitCode, p.received_on, 'addressUnitCode');
    const summary = input.summary ?? p.summary;
    const content = input.content ?? p.content;
    const done = await repo.updatePetition(trx, id, input.version, {
      summary,
      content,
      content_fold: fold(`${summary} ${content}`),
      ...(input.projectId !== undefined ? { project_id: input.projectId } : {}),
      ...(address !== undefined
        ? { address_unit_given_id: address?.given ?? null, address_unit_id: address?.mapped ?? null }
        : {}),
    });
    if (!done) throw new AppError('CONFLICT');
    await repo.insertEvent(trx, {
      petition_id: id,
      day: c.today,
      action: 'edit',
      from_state: p.state,
      to_state: p.state,
      account_id: c.accountId,
      note: null,
      details: JSON.stringify({ fields: Object.keys(input).filter((k) => k !== 'version') }),
    });
  });
  return petitionDetail(r, id);
}

/** Assigns the case's officers (accounts of the receiving body's scope; with its leaders, the only ones who read
 * the petitioners' identities). */
export async function setPetitionOfficers(r: PetitionRequest, id: string, input: z.infer<typeof s.officersBody>) {
  const c = r.caller;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const p = await repo.findPetition(trx, c, id, { lock: true });
    if (!p || !p.readable) throw new AppError('NOT_FOUND');
    if (!p.acts) throw new AppError('FORBIDDEN');
    if (p.version !== input.version) throw new AppError('CONFLICT');
    await assertReferences(
      trx,
      c,
      p.body_unit_id,
      input.officerIds.map((a, i) => ({ field: `officerIds.${i}`, rule: 'account' as const, id: a })),
    );
    await repo.setOfficers(trx, id, input.officerIds);
    const done = await repo.updatePetition(trx, id, input.version, {});
    if (!done) throw new AppError('CONFLICT');
    await repo.insertEvent(trx, {
      petition_id: id,
      day: c.today,
      action: 'assign',
      from_state: p.state,
      to_state: p.state,
      account_id: c.accountId,
      note: null,
      details: JSON.stringify({ officers: input.officerIds.length }),
    });
  });
  return petitionDetail(r, id);
}
