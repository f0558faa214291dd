import { api } from '../../lib/api.ts';
import type { Position } from '../bodies/bodies.api.ts';

export type { Position } from '../bodies/bodies.api.ts';

export type Gender = 'male' | 'female';

/** A person (cán bộ) with the positions in force on the date asked; no personal data. */
export type Person = {
  id: string;
  fullName: string;
  gender: Gender | null;
  positions: Position[];
  hasAccount: boolean;
  version: number;
  deleted: boolean;
  /** The photo's address; absent from servers older than photos. */
  photoUrl?: string | null;
};

export type Personal = { birthDate: string | null; phone: string | null; email: string | null; address: string | null; notes: string | null };

export type PersonDetail = {
  person: Person;
  /** Only for administrators and the person themselves; each view is logged. */
  personal: Personal | null;
  history: Position[];
  account: { id: string; username: string; disabled: boolean } | null;
};

export type PeopleQuery = { q: string; body: string | null; asOf: string; page: number; pageSize: number };

export type PersonInput = { fullName: string; gender: Gender | null; birthDate: string | null; phone: string | null; email: string | null; address: string | null; notes: string | null };

export type PositionInput = { title: string; validFrom: string | null; validTo: string | null; acting: boolean; concurrent: boolean };

export const PEOPLE_KEY = ['people'] as const;
export const peopleListKey = (query: PeopleQuery) => [...PEOPLE_KEY, 'list', query] as const;
export const personKey = (id: string, asOf: string) => [...PEOPLE_KEY, 'detail', id, asOf] as const;

const path = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export function listPeople(query: PeopleQuery, signal?: AbortSignal): Promise<{ items: Person[]; total: number }> {
  return api('/api/people', { query, signal });
}

export function getPerson(id: string, asOf: string, signal?: AbortSignal): Promise<PersonDetail> {
  return api(path(id), { query: { asOf }, signal });
}

export function createPerson(body: Partial<PersonInput> & { fullName: string }): Promise<Person> {
  return api('/api/people', { method: 'POST', body });
}

export function updatePerson(id: string, body: Partial<PersonInput> & { version: number }): Promise<Person> {
  return api(path(id), { method: 'PATCH', body });
}

export function setPersonDeleted(id: string, version: number, deleted: boolean): Promise<Person> {
  return api(`${path(id)}/${deleted ? 'delete' : 'restore'}`, { method: 'POST', body: { version } });
}

export function addPosition(personId: string, body: PositionInput & { bodyId: string }): Promise<Position> {
  return api(`${path(personId)}/positions`, { method: 'POST', body });
}

export function updatePosition(id: string, body: Partial<PositionInput> & { version: number }): Promise<Position> {
  return api(`/api/positions/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deletePosition(id: string, version: number): Promise<{ ok: true }> {
  return api(`/api/positions/${encodeURIComponent(id)}/delete`, { method: 'POST', body: { version } });
}

/** Sets a person's photo (JPEG, PNG or WebP, at most 2 MB): administrators and the person themself. */
export function uploadPersonPhoto(id: string, file: File): Promise<{ photoUrl: string | null }> {
  const form = new FormData();
  form.append('file', file);
  return api(`${path(id)}/photo`, { method: 'POST', form });
}

export function deletePersonPhoto(id: string): Promise<{ ok: true } | { photoUrl: null }> {
  return api(`${path(id)}/photo/delete`, { method: 'POST' });
}
