import { api } from '../../lib/api.ts';
import type { Body, Covers, Item, Ok, Query } from '../../lib/contract.ts';

/** A unit (province, district, commune or village) as in force on a date; `level` 1 province … 4 village; `validTo` the first day it no longer is. */
export type UnitItem = Item<Ok<'/api/units'>>;

export type SearchHit = Item<Ok<'/api/units/search'>>;

export type UnitDetail = Ok<'/api/units/{code}'>;

export type UnitVersion = Item<UnitDetail['history']>;

export type UnitLink = Item<UnitDetail['links']>;

/** A unit on the other side of a change (a successor or a source), `through` an abolished district's communes. */
export type UnitCounterpart = Item<UnitDetail['successors']>;

/** Where a unit read on one date stands on another: itself, or the units it became or came from. */
export type UnitAcross = Ok<'/api/units/{code}/across'>;

export type PendingItem = Item<Ok<'/api/units/pending'>>;

export type VillageKind = NonNullable<Body<'/api/villages', 'post'>['kind']>;
export const VILLAGE_KINDS = [
  'village',
  'quarter',
  'residential_group',
  'neighbourhood',
  'hamlet',
  'southern_hamlet',
] as const satisfies readonly VillageKind[];
const _allVillageKinds: Covers<typeof VILLAGE_KINDS, VillageKind> = true;

export type VillageResult = Ok<'/api/villages', 'post'>;

export type ImportResult = Ok<'/api/villages/import', 'post'>;
export type ImportRow = Item<ImportResult['rows']>;

/** Every units query starts with this key, so one invalidation refreshes the tree, the card, search and pending. */
export const UNITS_KEY = ['units'] as const;
export const childrenKey = (asOf: string, parent: string | null) =>
  [...UNITS_KEY, 'children', asOf, parent ?? ''] as const;
export const detailKey = (asOf: string, code: string) => [...UNITS_KEY, 'detail', asOf, code] as const;
export const acrossKey = (code: string, asOf: string, date: string) =>
  [...UNITS_KEY, 'across', code, asOf, date] as const;
export const searchKey = (asOf: string, q: string) => [...UNITS_KEY, 'search', asOf, q] as const;
export const PENDING_KEY = [...UNITS_KEY, 'pending'] as const;

/** The last day a unit is in force (its `validTo` is the first day it no longer is). */
export function lastDay(validTo: string): string {
  const d = new Date(validTo + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function listChildren(asOf: string, parent: string | null, signal?: AbortSignal): Promise<Ok<'/api/units'>> {
  const query: Query<'/api/units'> = { asOf, parent: parent ?? undefined };
  return api('/api/units', { query, signal });
}

export function searchUnits(asOf: string, q: string, signal?: AbortSignal): Promise<Ok<'/api/units/search'>> {
  const query: Query<'/api/units/search'> = { asOf, q, limit: 30 };
  return api('/api/units/search', { query, signal });
}

export function getUnit(code: string, asOf: string, signal?: AbortSignal): Promise<UnitDetail> {
  const query: Query<'/api/units/{code}'> = { asOf };
  return api(`/api/units/${encodeURIComponent(code)}`, { query, signal });
}

export function getUnitAcross(code: string, asOf: string, date: string, signal?: AbortSignal): Promise<UnitAcross> {
  const query: Query<'/api/units/{code}/across'> = { asOf, date };
  return api(`/api/units/${encodeURIComponent(code)}/across`, { query, signal });
}

export function listPending(): Promise<Ok<'/api/units/pending'>> {
  return api('/api/units/pending');
}

export function linkPending(
  id: string,
  body: Body<'/api/units/pending/{id}/link', 'post'>,
): Promise<Ok<'/api/units/pending/{id}/link', 'post'>> {
  return api(`/api/units/pending/${encodeURIComponent(id)}/link`, { method: 'POST', body });
}

export function addVillage(body: Body<'/api/villages', 'post'>): Promise<VillageResult> {
  return api('/api/villages', { method: 'POST', body });
}

export function renameVillage(
  id: string,
  body: Body<'/api/villages/{id}/rename', 'post'>,
): Promise<Ok<'/api/villages/{id}/rename', 'post'>> {
  return api(`/api/villages/${encodeURIComponent(id)}/rename`, { method: 'POST', body });
}

export function moveVillage(
  id: string,
  body: Body<'/api/villages/{id}/move', 'post'>,
): Promise<Ok<'/api/villages/{id}/move', 'post'>> {
  return api(`/api/villages/${encodeURIComponent(id)}/move`, { method: 'POST', body });
}

export function mergeVillage(
  id: string,
  body: Body<'/api/villages/{id}/merge', 'post'>,
): Promise<Ok<'/api/villages/{id}/merge', 'post'>> {
  return api(`/api/villages/${encodeURIComponent(id)}/merge`, { method: 'POST', body });
}

export function closeVillage(
  id: string,
  body: Body<'/api/villages/{id}/close', 'post'>,
): Promise<Ok<'/api/villages/{id}/close', 'post'>> {
  return api(`/api/villages/${encodeURIComponent(id)}/close`, { method: 'POST', body });
}

export function importVillages(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('/api/villages/import', { method: 'POST', form });
}
