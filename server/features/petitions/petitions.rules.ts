/**
 * The states of a petition and the only transitions between them (legal-and-domain-notes §1.4, for a Front or bloc
 * office inbox: receive → register → classify → guide / forward once / file for a year / propose for handling, then
 * for a forwarded case follow-up until the competent body's result). Every endpoint asks `nextState`; nothing else
 * moves a case (petitions.rules.test.ts walks every pair through the API).
 *
 * - received: taken in by the public form, not yet numbered (an officer registers it).
 * - registered: numbered in a register (an officer's intake registers at once).
 * - classified: kind, eligibility, competence set (may be classified again until acted on).
 * - guided: the citizen was told where to go (outside the Front's competence, Luật TCD Đ.26).
 * - forwarded: sent once to the competent body; no word yet.
 * - awaiting_result: the competent body decided (the decision date is known): its written result is owed within
 *   07 days (Luật KN Đ.66).
 * - result_received: its written result is in (may be published to the citizen).
 * - filed: kept without action for one year (TT07 Đ.28).
 * - proposed_for_handling: within the Front's own competence, proposed for acceptance (Mẫu 01).
 * - withdrawn (rút đơn), suspended (tạm đình chỉ, from 2026, resumes to where it was), closed.
 * - merged: a duplicate folded into another case; split: a mixed letter divided into its parts (each a case).
 */
export const PETITION_STATES = [
  'received',
  'registered',
  'classified',
  'guided',
  'forwarded',
  'awaiting_result',
  'result_received',
  'filed',
  'proposed_for_handling',
  'withdrawn',
  'suspended',
  'closed',
  'merged',
  'split',
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

/** The actions that move (or keep) a case's state; each is one endpoint. */
export const PETITION_ACTIONS = [
  'register',
  'classify',
  'split',
  'merge',
  'guide',
  'forward',
  'file',
  'propose',
  'record_decision',
  'record_reply',
  'publish_reply',
  'remind',
  'supervise',
  'withdraw',
  'suspend',
  'resume',
  'close',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

/** Where each action may start, and where it leads ('same': the case keeps its state; 'resume': back to the state
 * it was suspended from). */
const TABLE: Record<PetitionAction, { from: readonly PetitionState[]; to: PetitionState | 'same' | 'resume' }> = {
  register: { from: ['received'], to: 'registered' },
  classify: { from: ['registered', 'classified'], to: 'classified' },
  split: { from: ['classified'], to: 'split' },
  merge: { from: ['received', 'registered', 'classified'], to: 'merged' },
  guide: { from: ['classified'], to: 'guided' },
  forward: { from: ['classified'], to: 'forwarded' },
  file: { from: ['classified'], to: 'filed' },
  propose: { from: ['classified'], to: 'proposed_for_handling' },
  record_decision: { from: ['forwarded', 'awaiting_result'], to: 'awaiting_result' },
  record_reply: { from: ['forwarded', 'awaiting_result', 'proposed_for_handling'], to: 'result_received' },
  publish_reply: { from: ['result_received'], to: 'same' },
  remind: { from: ['forwarded', 'awaiting_result'], to: 'same' },
  supervise: { from: ['forwarded', 'awaiting_result', 'result_received'], to: 'same' },
  withdraw: {
    from: [
      'received',
      'registered',
      'classified',
      'forwarded',
      'awaiting_result',
      'proposed_for_handling',
      'suspended',
    ],
    to: 'withdrawn',
  },
  suspend: { from: ['forwarded', 'awaiting_result', 'proposed_for_handling'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'resume' },
  close: { from: ['guided', 'result_received', 'filed', 'proposed_for_handling', 'withdrawn'], to: 'closed' },
};

/** The states a suspended case may resume to: those `suspend` starts from. */
const RESUMABLE = TABLE.suspend.from;

/** The state an action leads to from `state`, or null when it may not be taken there. `suspendedFrom` is the state a
 * suspended case was in. */
export function nextState(
  state: PetitionState,
  action: PetitionAction,
  suspendedFrom: string | null = null,
): PetitionState | null {
  const rule = TABLE[action];
  if (!rule.from.includes(state)) return null;
  if (rule.to === 'same') return state;
  if (rule.to === 'resume')
    return RESUMABLE.includes(suspendedFrom as PetitionState) ? (suspendedFrom as PetitionState) : null;
  return rule.to;
}

/** The actions open on a case in `state` (what the web offers). */
export function actionsFrom(state: PetitionState, suspendedFrom: string | null = null): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => nextState(state, a, suspendedFrom) !== null);
}

/** States with no way out: the case is over (its number and history stay). */
export const FINAL_STATES: readonly PetitionState[] = ['closed', 'merged', 'split'];
/** States of a case still being handled (counts of open cases, the reform's pass-over, reminders). */
export const OPEN_STATES: readonly PetitionState[] = PETITION_STATES.filter(
  (s) => !FINAL_STATES.includes(s) && s !== 'withdrawn',
);

export type PetitionKind = 'complaint' | 'denunciation' | 'proposal' | 'mixed';
export type Channel =
  'in_person' | 'post' | 'suggestion_box' | 'forwarded_by_body' | 'online_form' | 'hotline' | 'voter_meeting';

/** The register a channel is written in when the officer does not say: a person who came (or called, or spoke at a
 * voter meeting) is a reception; everything written is a letter. */
export function defaultRegister(channel: Channel): 'reception' | 'letters' {
  return channel === 'in_person' || channel === 'hotline' || channel === 'voter_meeting' ? 'reception' : 'letters';
}

/**
 * Representatives (Luật Tiếp công dân Đ.29): when 5 to 10 people come about one matter they choose 1 or 2
 * representatives; more than 10 may choose more, at most 5. Fewer than 5 need none. Returns the i18n key of the
 * refusal, or null.
 */
export function representativesProblem(count: number, representatives: number): string | null {
  if (count < 5) return null;
  const max = count <= 10 ? 2 : 5;
  if (representatives < 1) return 'validation.petitionRepresentativesMissing';
  if (representatives > max) return 'validation.petitionRepresentativesTooMany';
  return null;
}

/** A denunciation that is anonymous is not handled as a denunciation, only as information (Luật Tố cáo Đ.25): it
 * cannot be eligible. */
export function eligibilityProblem(input: {
  kind: PetitionKind;
  anonymous: boolean;
  eligible: boolean;
}): string | null {
  if (input.kind === 'denunciation' && input.anonymous && input.eligible)
    return 'validation.petitionAnonymousDenunciation';
  return null;
}

/** The deadline rules (legal-deadlines) a step starts, by kind and competence. */
export const RULES = {
  replyCitizen: 'petition.reply_citizen',
  denunciationTransfer: 'denunciation.transfer',
  frontResult: 'complaint.front_result',
  proposalFollowUp: 'proposal.follow_up',
  filedKeep: 'petition.filed_keep',
} as const;

/** Whether a classified case must be transferred within 05 working days (Luật Tố cáo Đ.24): a denunciation outside
 * the Front's own competence. */
export function needsTransfer(kind: PetitionKind | null, competence: string | null, eligible: boolean): boolean {
  return kind === 'denunciation' && eligible && competence !== null && competence !== 'front';
}

/** Which deadlines an action meets (the step they wait for is done): the citizen is told what happened (Luật TCD
 * Đ.28 k.1) by a guidance, a forward, a filing or a proposal; a transfer by the forward; a follow-up and the
 * competent body's result by its reply; a filed letter's year by the closing. */
export function deadlinesMetBy(action: PetitionAction): string[] {
  switch (action) {
    case 'guide':
    case 'file':
    case 'propose':
      return [RULES.replyCitizen];
    case 'forward':
      return [RULES.replyCitizen, RULES.denunciationTransfer];
    case 'record_reply':
      return [RULES.frontResult, RULES.proposalFollowUp];
    case 'close':
      return [RULES.filedKeep];
    default:
      return [];
  }
}

/** Deadlines that lapse when a case ends without their step (withdrawn, merged, split): cancelled, not missed. */
export function deadlinesEndedBy(action: PetitionAction): boolean {
  return action === 'withdraw' || action === 'merge' || action === 'split';
}
