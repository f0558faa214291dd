import { api } from '../../lib/api.ts';
import type { Body, Item, Ok, Query, QueryInput } from '../../lib/contract.ts';

export type Dialogue = Item<Ok<'/api/dialogues'>['items']>;
export type DialogueDetail = Ok<'/api/dialogues/{id}'>;
export type DialogueQuery = QueryInput<Query<'/api/dialogues'>>;
export type NewDialogue = Body<'/api/dialogues', 'post'>;
export type DialogueChanges = Body<'/api/dialogues/{id}', 'patch'>;
export type OutcomeTask = NonNullable<Item<NewDialogue['outcomes']>['task']>;

export const DIALOGUES_PATH = '/doi-thoai';
export const dialoguePath = (id: string) => `${DIALOGUES_PATH}/${encodeURIComponent(id)}`;

export const DIALOGUES_KEY = ['dialogues'] as const;
export const dialoguesKey = (q: DialogueQuery) => [...DIALOGUES_KEY, 'list', q] as const;
export const dialogueKey = (id: string) => [...DIALOGUES_KEY, 'detail', id] as const;

const url = (id: string) => `/api/dialogues/${encodeURIComponent(id)}`;

export function listDialogues(query: DialogueQuery, signal?: AbortSignal): Promise<Ok<'/api/dialogues'>> {
  return api('/api/dialogues', { query, signal });
}
export function getDialogue(id: string, signal?: AbortSignal): Promise<DialogueDetail> {
  return api(url(id), { signal });
}
export function createDialogue(body: NewDialogue): Promise<DialogueDetail> {
  return api('/api/dialogues', { method: 'POST', body });
}
export function updateDialogue(id: string, body: DialogueChanges): Promise<DialogueDetail> {
  return api(url(id), { method: 'PATCH', body });
}
export function deleteDialogue(id: string, version: number): Promise<{ ok: true }> {
  const body: Body<'/api/dialogues/{id}/delete', 'post'> = { version };
  return api(`${url(id)}/delete`, { method: 'POST', body });
}
export function setMinutesFile(id: string, file: File): Promise<DialogueDetail> {
  const form = new FormData();
  form.append('file', file);
  return api(`${url(id)}/minutes-file`, { method: 'POST', form });
}
