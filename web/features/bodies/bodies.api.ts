import { api } from '../../lib/api.ts';

/** A body (Ủy ban MTTQ, Hội LHPN, Cơ quan Khối, Ban Dân vận…) on a unit, as in force on a date. */
export type Body = {
  id: string;
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
  kind: string;
  kindName: string;
  /** False for bodies outside the bloc (cấp ủy, Ban Dân vận, HĐND, UBND). */
  inBloc: boolean;
  name: string;
  shortName: string | null;
  /** The body above it in its line. */
  parentId: string | null;
  parentName: string | null;
  /** First day in force; null: since before records began. */
  validFrom: string | null;
  /** First day no longer in force; null: still in force. */
  validTo: string | null;
  version: number;
  deleted: boolean;
};

export type BodyKind = { code: string; name: string; shortName: string | null; inBloc: boolean };

export type BodyLink = { id: string; name: string; date: string };

export type BodyDetail = { body: Body; line: Body[]; children: Body[]; predecessors: BodyLink[]; successors: BodyLink[] };

export type BodyQuery = {
  unit?: string | null;
  asOf: string;
  kind?: string | null;
  q?: string | null;
  includeEnded?: boolean;
  includeDeleted?: boolean;
  /** Only the bodies a task of this body's programmes may name, as lead or cooperating body. */
  namedBy?: string | null;
  rule?: 'lead' | 'near';
};

/** Someone's position in a body. */
export type Position = {
  id: string;
  personId: string;
  personName: string;
  bodyId: string;
  bodyName: string;
  unitName: string | null;
  title: string;
  validFrom: string | null;
  validTo: string | null;
  /** Quyền: acting for someone. */
  acting: boolean;
  /** Kiêm nhiệm: held besides a main position. */
  concurrent: boolean;
  version: number;
};

/** Every bodies query starts with this key, so one invalidation refreshes the list, the card and the pickers. */
export const BODIES_KEY = ['bodies'] as const;
export const KINDS_KEY = [...BODIES_KEY, 'kinds'] as const;
export const listKey = (query: BodyQuery) => [...BODIES_KEY, 'list', query] as const;
export const bodyDetailKey = (id: string, asOf: string) => [...BODIES_KEY, 'detail', id, asOf] as const;
export const holdersKey = (id: string, asOf: string) => [...BODIES_KEY, 'holders', id, asOf] as const;

const path = (id: string) => `/api/bodies/${encodeURIComponent(id)}`;

export function listBodies(query: BodyQuery, signal?: AbortSignal): Promise<Body[]> {
  return api('/api/bodies', {
    query: {
      unit: query.unit,
      asOf: query.asOf,
      kind: query.kind,
      q: query.q,
      includeEnded: query.includeEnded ? 'true' : undefined,
      includeDeleted: query.includeDeleted ? 'true' : undefined,
      namedBy: query.namedBy,
      rule: query.namedBy ? query.rule : undefined,
    },
    signal,
  });
}

export function listKinds(): Promise<BodyKind[]> {
  return api('/api/bodies/kinds');
}

export function createKind(body: { code: string; nameVi: string; nameEn: string; shortVi?: string; inBloc: boolean }): Promise<BodyKind> {
  return api('/api/bodies/kinds', { method: 'POST', body });
}

export function getBody(id: string, asOf: string, signal?: AbortSignal): Promise<BodyDetail> {
  return api(path(id), { query: { asOf }, signal });
}

export function listHolders(id: string, asOf: string, signal?: AbortSignal): Promise<Position[]> {
  return api(`${path(id)}/positions`, { query: { asOf }, signal });
}

export function createBody(body: { unitCode: string; kind: string; name: string; shortName?: string; parentId?: string | null; validFrom?: string }): Promise<Body> {
  return api('/api/bodies', { method: 'POST', body });
}

export function updateBody(id: string, body: { version: number; name?: string; shortName?: string | null; parentId?: string | null }): Promise<Body> {
  return api(path(id), { method: 'PATCH', body });
}

export function endBody(id: string, body: { version: number; date: string; successorIds: string[] }): Promise<Body> {
  return api(`${path(id)}/end`, { method: 'POST', body });
}

export function setBodyDeleted(id: string, version: number, deleted: boolean): Promise<Body> {
  return api(`${path(id)}/${deleted ? 'delete' : 'restore'}`, { method: 'POST', body: { version } });
}
