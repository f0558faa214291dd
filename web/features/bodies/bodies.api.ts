import { api } from '../../lib/api.ts';
import type { Body as BodyOf, Item, Ok, Query, QueryInput } from '../../lib/contract.ts';

/** A body (Ủy ban MTTQ, Hội LHPN, Cơ quan Khối, Ban Dân vận…) on a unit, as in force on a date. */
export type Body = BodyDetail['body'];

export type BodyKind = Item<Ok<'/api/bodies/kinds'>>;

export type BodyDetail = Ok<'/api/bodies/{id}'>;

export type BodyLink = Item<BodyDetail['predecessors']>;

/** The filters of the bodies list; the flags are booleans here and `'true'` on the wire. */
export type BodyQuery = QueryInput<Omit<Query<'/api/bodies'>, 'asOf' | 'includeEnded' | 'includeDeleted'>> & {
  asOf: string;
  includeEnded?: boolean;
  includeDeleted?: boolean;
};

/** Someone's position in a body. */
export type Position = Item<Ok<'/api/bodies/{id}/positions'>>;

/** Every bodies query starts with this key, so one invalidation refreshes the list, the card and the pickers. */
export const BODIES_KEY = ['bodies'] as const;
export const KINDS_KEY = [...BODIES_KEY, 'kinds'] as const;
export const listKey = (query: BodyQuery) => [...BODIES_KEY, 'list', query] as const;
export const bodyDetailKey = (id: string, asOf: string) => [...BODIES_KEY, 'detail', id, asOf] as const;
export const holdersKey = (id: string, asOf: string) => [...BODIES_KEY, 'holders', id, asOf] as const;

const path = (id: string) => `/api/bodies/${encodeURIComponent(id)}`;

export function listBodies(query: BodyQuery, signal?: AbortSignal): Promise<Ok<'/api/bodies'>> {
  const sent: QueryInput<Query<'/api/bodies'>> = {
    unit: query.unit,
    asOf: query.asOf,
    kind: query.kind,
    q: query.q,
    includeEnded: query.includeEnded ? 'true' : undefined,
    includeDeleted: query.includeDeleted ? 'true' : undefined,
    namedBy: query.namedBy,
    rule: query.namedBy ? query.rule : undefined,
  };
  return api('/api/bodies', { query: sent, signal });
}

export function listKinds(): Promise<Ok<'/api/bodies/kinds'>> {
  return api('/api/bodies/kinds');
}

export function createKind(body: BodyOf<'/api/bodies/kinds', 'post'>): Promise<Ok<'/api/bodies/kinds', 'post'>> {
  return api('/api/bodies/kinds', { method: 'POST', body });
}

export function getBody(id: string, asOf: string, signal?: AbortSignal): Promise<BodyDetail> {
  return api(path(id), { query: { asOf }, signal });
}

export function listHolders(id: string, asOf: string, signal?: AbortSignal): Promise<Ok<'/api/bodies/{id}/positions'>> {
  return api(`${path(id)}/positions`, { query: { asOf }, signal });
}

export function createBody(body: BodyOf<'/api/bodies', 'post'>): Promise<Ok<'/api/bodies', 'post'>> {
  return api('/api/bodies', { method: 'POST', body });
}

export function updateBody(
  id: string,
  body: BodyOf<'/api/bodies/{id}', 'patch'>,
): Promise<Ok<'/api/bodies/{id}', 'patch'>> {
  return api(path(id), { method: 'PATCH', body });
}

export function endBody(
  id: string,
  body: BodyOf<'/api/bodies/{id}/end', 'post'>,
): Promise<Ok<'/api/bodies/{id}/end', 'post'>> {
  return api(`${path(id)}/end`, { method: 'POST', body });
}

export function setBodyDeleted(
  id: string,
  version: number,
  deleted: boolean,
): Promise<Ok<'/api/bodies/{id}/delete' | '/api/bodies/{id}/restore', 'post'>> {
  const body: BodyOf<'/api/bodies/{id}/delete' | '/api/bodies/{id}/restore', 'post'> = { version };
  return api(`${path(id)}/${deleted ? 'delete' : 'restore'}`, { method: 'POST', body });
}
