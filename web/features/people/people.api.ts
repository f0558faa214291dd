import { api } from '../../lib/api.ts';
import type { Body, Ok, Query, QueryInput } from '../../lib/contract.ts';

export type { Position } from '../bodies/bodies.api.ts';

/** A person (cán bộ) with the positions in force on the date asked; no personal data. */
export type Person = PersonDetail['person'];

export type Gender = NonNullable<Person['gender']>;

/** The person, their personal data (only for administrators and the person themselves; each view is logged), the history of their positions and their account. */
export type PersonDetail = Ok<'/api/people/{id}'>;

export type Personal = NonNullable<PersonDetail['personal']>;

export type PeopleQuery = QueryInput<Query<'/api/people'>>;

/** Every field of a person's form, each sent (null clears it). */
export type PersonInput = Required<Body<'/api/people', 'post'>>;

export type PositionInput = Omit<Body<'/api/people/{id}/positions', 'post'>, 'bodyId'>;

export const PEOPLE_KEY = ['people'] as const;
export const peopleListKey = (query: PeopleQuery) => [...PEOPLE_KEY, 'list', query] as const;
export const personKey = (id: string, asOf: string) => [...PEOPLE_KEY, 'detail', id, asOf] as const;

const path = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export function listPeople(query: PeopleQuery, signal?: AbortSignal): Promise<Ok<'/api/people'>> {
  return api('/api/people', { query, signal });
}

export function getPerson(id: string, asOf: string, signal?: AbortSignal): Promise<PersonDetail> {
  return api(path(id), { query: { asOf }, signal });
}

export function createPerson(body: Body<'/api/people', 'post'>): Promise<Ok<'/api/people', 'post'>> {
  return api('/api/people', { method: 'POST', body });
}

export function updatePerson(
  id: string,
  body: Body<'/api/people/{id}', 'patch'>,
): Promise<Ok<'/api/people/{id}', 'patch'>> {
  return api(path(id), { method: 'PATCH', body });
}

export function setPersonDeleted(
  id: string,
  version: number,
  deleted: boolean,
): Promise<Ok<'/api/people/{id}/delete' | '/api/people/{id}/restore', 'post'>> {
  const body: Body<'/api/people/{id}/delete' | '/api/people/{id}/restore', 'post'> = { version };
  return api(`${path(id)}/${deleted ? 'delete' : 'restore'}`, { method: 'POST', body });
}

export function addPosition(
  personId: string,
  body: Body<'/api/people/{id}/positions', 'post'>,
): Promise<Ok<'/api/people/{id}/positions', 'post'>> {
  return api(`${path(personId)}/positions`, { method: 'POST', body });
}

export function updatePosition(
  id: string,
  body: Body<'/api/positions/{id}', 'patch'>,
): Promise<Ok<'/api/positions/{id}', 'patch'>> {
  return api(`/api/positions/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deletePosition(id: string, version: number): Promise<Ok<'/api/positions/{id}/delete', 'post'>> {
  const body: Body<'/api/positions/{id}/delete', 'post'> = { version };
  return api(`/api/positions/${encodeURIComponent(id)}/delete`, { method: 'POST', body });
}

/** Sets a person's photo (JPEG, PNG or WebP, at most 2 MB): administrators and the person themself. */
export function uploadPersonPhoto(id: string, file: File): Promise<Ok<'/api/people/{id}/photo', 'post'>> {
  const form = new FormData();
  form.append('file', file);
  return api(`${path(id)}/photo`, { method: 'POST', form });
}

export function deletePersonPhoto(id: string): Promise<Ok<'/api/people/{id}/photo/delete', 'post'>> {
  return api(`${path(id)}/photo/delete`, { method: 'POST' });
}
