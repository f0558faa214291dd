import { api } from '../../lib/api.ts';
import type { Body, Covers, Item, Ok, Query, QueryInput, Route } from '../../lib/contract.ts';

export type PetitionItem = Item<Ok<'/api/petitions'>['items']>;
export type PetitionDetail = Ok<'/api/petitions/{id}'>;
export type PetitionQuery = QueryInput<Query<'/api/petitions'>>;
export type NewPetition = Body<'/api/petitions', 'post'>;
export type NewPetitioner = Item<NonNullable<NewPetition['petitioners']>>;
export type DuplicateAsk = Body<'/api/petitions/duplicates', 'post'>;
export type DuplicateHint = Item<Ok<'/api/petitions/duplicates', 'post'>['items']>;
export type PetitionState = PetitionItem['state'];
export type PetitionKind = NonNullable<PetitionItem['kind']>;
export type Channel = PetitionItem['channel'];
export type Register = PetitionItem['register'];
export type Competence = NonNullable<PetitionDetail['competence']>;
export type PetitionAction = Item<PetitionDetail['actions']>;
export type Deadline = Item<PetitionDetail['deadlines']>;
export type TimelineEvent = Item<PetitionDetail['events']>;

/** The states in the order a case goes through them (the list's filter, the guide's table). */
export const STATES = [
  'received',
  'registered',
  'classified',
  'guided',
  'forwarded',
  'awaiting_result',
  'result_received',
  'filed',
  'proposed_for_handling',
  'suspended',
  'withdrawn',
  'closed',
  'merged',
  'split',
] as const;
const _states: Covers<typeof STATES, PetitionState> = true;

export const KINDS = ['complaint', 'denunciation', 'proposal', 'mixed'] as const;
const _kinds: Covers<typeof KINDS, PetitionKind> = true;

export const CHANNELS = [
  'in_person',
  'post',
  'suggestion_box',
  'forwarded_by_body',
  'online_form',
  'hotline',
  'voter_meeting',
] as const;
const _channels: Covers<typeof CHANNELS, Channel> = true;

export const REGISTERS = ['reception', 'letters'] as const;
const _registers: Covers<typeof REGISTERS, Register> = true;

export const COMPETENCES = ['state_admin', 'elected', 'courts_procuracy', 'party', 'front'] as const;
const _competences: Covers<typeof COMPETENCES, Competence> = true;

/** The actions in the order their buttons stand (the way forward first, the side exits last). */
export const ACTIONS = [
  'register',
  'classify',
  'forward',
  'guide',
  'file',
  'propose',
  'split',
  'merge',
  'record_decision',
  'record_reply',
  'publish_reply',
  'remind',
  'supervise',
  'close',
  'resume',
  'suspend',
  'withdraw',
] as const;
const _actions: Covers<typeof ACTIONS, PetitionAction> = true;

export const STATE_COLOR: Record<PetitionState, string> = {
  received: 'blue',
  registered: 'blue',
  classified: 'geekblue',
  guided: 'cyan',
  forwarded: 'purple',
  awaiting_result: 'gold',
  result_received: 'green',
  filed: 'default',
  proposed_for_handling: 'magenta',
  suspended: 'orange',
  withdrawn: 'default',
  closed: 'green',
  merged: 'default',
  split: 'default',
};

/** States a case no longer leaves: a duplicate cannot be merged into one of them. */
export const ENDED: readonly PetitionState[] = ['closed', 'merged', 'split'];

/** The register a channel is written in when the officer does not say (petitions.rules.ts defaultRegister): a
 * person who came, called or spoke at a voter meeting is a reception; everything written is a letter. */
export function defaultRegister(channel: Channel): Register {
  return channel === 'in_person' || channel === 'hotline' || channel === 'voter_meeting' ? 'reception' : 'letters';
}

export const PETITIONS_PATH = '/don-thu';
/** The intake page (the list's `:id` is never this word: ids are UUIDs). */
export const INTAKE_PATH = `${PETITIONS_PATH}/tiep-nhan`;
export const petitionPath = (id: string) => `${PETITIONS_PATH}/${encodeURIComponent(id)}`;

export const PETITIONS_KEY = ['petitions'] as const;
export const petitionsKey = (q: PetitionQuery) => [...PETITIONS_KEY, 'list', q] as const;
export const petitionKey = (id: string) => [...PETITIONS_KEY, 'detail', id] as const;
export const duplicatesKey = (ask: DuplicateAsk | string) => [...PETITIONS_KEY, 'duplicates', ask] as const;

const url = (id: string) => `/api/petitions/${encodeURIComponent(id)}`;

export function listPetitions(query: PetitionQuery, signal?: AbortSignal): Promise<Ok<'/api/petitions'>> {
  return api('/api/petitions', { query, signal });
}
export function getPetition(id: string, signal?: AbortSignal): Promise<PetitionDetail> {
  return api(url(id), { signal });
}
export function createPetition(body: NewPetition): Promise<PetitionDetail> {
  return api('/api/petitions', { method: 'POST', body });
}
/** Possible duplicates of what is being typed (nothing is saved). */
export function checkDuplicates(body: DuplicateAsk, signal?: AbortSignal): Promise<DuplicateHint[]> {
  return api<Ok<'/api/petitions/duplicates', 'post'>>('/api/petitions/duplicates', {
    method: 'POST',
    body,
    signal,
  }).then((a) => a.items);
}
/** Possible duplicates of a saved case (to merge it). */
export function duplicatesOf(id: string, signal?: AbortSignal): Promise<DuplicateHint[]> {
  return api<Ok<'/api/petitions/{id}/duplicates'>>(`${url(id)}/duplicates`, { signal }).then((a) => a.items);
}
export function setOfficers(id: string, body: Body<'/api/petitions/{id}/officers', 'put'>): Promise<PetitionDetail> {
  return api(`${url(id)}/officers`, { method: 'PUT', body });
}
export type PetitionChanges = Body<'/api/petitions/{id}', 'patch'>;
/** Edits what was taken in (summary, content, key project, place); the fields left out stay as they are. */
export function updatePetition(id: string, body: PetitionChanges): Promise<PetitionDetail> {
  return api(url(id), { method: 'PATCH', body });
}

/** The address of each action (petitions.routes.ts). */
export const ACTION_PATH = {
  register: 'register',
  classify: 'classify',
  split: 'split',
  merge: 'merge',
  guide: 'guide',
  forward: 'forward',
  file: 'file',
  propose: 'propose',
  record_decision: 'decision',
  record_reply: 'reply',
  publish_reply: 'publish',
  remind: 'remind',
  supervise: 'supervise',
  withdraw: 'withdraw',
  suspend: 'suspend',
  resume: 'resume',
  close: 'close',
} as const satisfies Record<PetitionAction, string>;
type ActionPath = (typeof ACTION_PATH)[PetitionAction];
type ActionRoute<P extends ActionPath> = Extract<`/api/petitions/{id}/${P}`, Route<'post'>>;
export type ActionBody<A extends PetitionAction> = Body<ActionRoute<(typeof ACTION_PATH)[A]>, 'post'>;

/** Takes one action of the state machine; answers the case's new detail. */
export function takeAction<A extends PetitionAction>(
  id: string,
  action: A,
  body: ActionBody<A>,
): Promise<PetitionDetail> {
  return api(`${url(id)}/${ACTION_PATH[action]}`, { method: 'POST', body });
}
