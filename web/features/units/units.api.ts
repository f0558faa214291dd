import { api } from '../../lib/api.ts';

/** A unit (province, district, commune or village) as in force on a date. */
export type UnitItem = {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  kindName: string;
  /** 1 province, 2 district, 3 commune, 4 village. */
  level: number;
  /** First day of this version; null: in force since before the first catalogue. */
  validFrom: string | null;
  /** First day it is no longer in force; null: still in force. */
  validTo: string | null;
  version: number;
  hasChildren?: boolean;
};

export type SearchHit = UnitItem & { ancestors: string };

export type UnitVersion = {
  id: string;
  validFrom: string | null;
  validTo: string | null;
  code: string | null;
  name: string;
  kind: string;
  kindName: string;
  parentCode: string | null;
  parentName: string | null;
  source: string;
  version: number;
};

export type UnitLink = { direction: 'from' | 'to'; id: string; code: string | null; name: string; type: 'full' | 'partial'; date: string };

export type UnitDetail = { unit: UnitItem; ancestors: UnitItem[]; history: UnitVersion[]; links: UnitLink[] };

export type PendingItem = {
  id: string;
  unitId: string;
  reason: 'unlinked_ending' | 'village_placement';
  date: string;
  code: string | null;
  name: string;
  level: number;
  parentName: string | null;
};

export const VILLAGE_KINDS = ['village', 'quarter', 'residential_group', 'neighbourhood', 'hamlet', 'southern_hamlet'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

export type VillageResult = { unit: UnitItem; version: number };

export type ImportRow = { row: number; status: 'added' | 'changed' | 'unchanged' | 'refused'; code: string | null; name: string | null; message: string | null };
export type ImportResult = { rows: ImportRow[]; added: number; changed: number; unchanged: number; refused: number; encoding: string };

/** Every units query starts with this key, so one invalidation refreshes the tree, the card, search and pending. */
export const UNITS_KEY = ['units'] as const;
export const childrenKey = (asOf: string, parent: string | null) => [...UNITS_KEY, 'children', asOf, parent ?? ''] as const;
export const detailKey = (asOf: string, code: string) => [...UNITS_KEY, 'detail', asOf, code] as const;
export const searchKey = (asOf: string, q: string) => [...UNITS_KEY, 'search', asOf, q] as const;
export const PENDING_KEY = [...UNITS_KEY, 'pending'] as const;

/** The last day a unit is in force (its `validTo` is the first day it no longer is). */
export function lastDay(validTo: string): string {
  const d = new Date(validTo + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function listChildren(asOf: string, parent: string | null, signal?: AbortSignal): Promise<UnitItem[]> {
  return api('/api/units', { query: { asOf, parent }, signal });
}

export function searchUnits(asOf: string, q: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return api('/api/units/search', { query: { asOf, q, limit: 30 }, signal });
}

export function getUnit(code: string, asOf: string, signal?: AbortSignal): Promise<UnitDetail> {
  return api(`/api/units/${encodeURIComponent(code)}`, { query: { asOf }, signal });
}

export function listPending(): Promise<PendingItem[]> {
  return api('/api/units/pending');
}

export function linkPending(id: string, body: { toCode: string; type: 'full' | 'partial' }): Promise<{ ok: true }> {
  return api(`/api/units/pending/${encodeURIComponent(id)}/link`, { method: 'POST', body });
}

export function addVillage(body: { parentCode: string; name: string; kind: VillageKind; validFrom: string }): Promise<VillageResult> {
  return api('/api/villages', { method: 'POST', body });
}

export function renameVillage(id: string, body: { name: string; kind?: VillageKind; date: string; version: number }): Promise<VillageResult> {
  return api(`/api/villages/${encodeURIComponent(id)}/rename`, { method: 'POST', body });
}

export function moveVillage(id: string, body: { parentCode: string; date: string; version: number }): Promise<VillageResult> {
  return api(`/api/villages/${encodeURIComponent(id)}/move`, { method: 'POST', body });
}

export function mergeVillage(id: string, body: { intoId: string; date: string; version: number }): Promise<VillageResult> {
  return api(`/api/villages/${encodeURIComponent(id)}/merge`, { method: 'POST', body });
}

export function closeVillage(id: string, body: { date: string; version: number }): Promise<{ ok: true }> {
  return api(`/api/villages/${encodeURIComponent(id)}/close`, { method: 'POST', body });
}

export function importVillages(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('/api/villages/import', { method: 'POST', form });
}
