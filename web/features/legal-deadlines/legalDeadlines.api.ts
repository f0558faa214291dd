import { api } from '../../lib/api.ts';
import type { Body, Item, Ok } from '../../lib/contract.ts';

export const LEGAL_DEADLINES_PATH = '/danh-muc/thoi-han-phap-ly';

export type RuleInForce = Item<Ok<'/api/legal-deadlines'>>;
export type RulesAnswer = Ok<'/api/legal-deadlines/rules'>;
export type RuleWithVersions = Item<RulesAnswer['items']>;
export type RuleVersion = Item<RuleWithVersions['versions']>;
export type Deadline = Ok<'/api/legal-deadlines/compute'>;
export type HolidayYear = Ok<'/api/legal-deadlines/holidays/{year}'>;
export type Adjustment = Item<HolidayYear['adjustments']>;
export type NewVersion = Body<'/api/legal-deadlines/rules/{code}/versions', 'post'>;
export type AdjustmentsBody = Body<'/api/legal-deadlines/holidays/{year}', 'put'>;

export const rulesKey = (asOf: string) => ['legal-deadlines', 'rules', asOf];
export const inForceKey = (asOf: string) => ['legal-deadlines', 'in-force', asOf];
export const yearKey = (year: number) => ['legal-deadlines', 'year', year];

export const fetchRules = (asOf: string, signal?: AbortSignal) =>
  api<RulesAnswer>('/api/legal-deadlines/rules', { query: { asOf }, signal });

export const fetchInForce = (asOf: string, signal?: AbortSignal) =>
  api<RuleInForce[]>('/api/legal-deadlines', { query: { asOf }, signal });

/** A deadline: the variants go as repeated `variant` parameters (an extension used twice is named twice). */
export function computeDeadline(rule: string, start: string, variants: readonly string[], signal?: AbortSignal) {
  const query = new URLSearchParams({ rule, start });
  for (const v of variants) query.append('variant', v);
  return api<Deadline>(`/api/legal-deadlines/compute?${query.toString()}`, { signal });
}

export const addVersion = (code: string, body: NewVersion) =>
  api<Ok<'/api/legal-deadlines/rules/{code}/versions', 'post'>>(
    `/api/legal-deadlines/rules/${encodeURIComponent(code)}/versions`,
    { method: 'POST', body },
  );

export const confirmVersion = (id: string) =>
  api<Ok<'/api/legal-deadlines/versions/{id}/confirm', 'post'>>(`/api/legal-deadlines/versions/${id}/confirm`, {
    method: 'POST',
    body: {},
  });

export const fetchYear = (year: number, signal?: AbortSignal) =>
  api<HolidayYear>(`/api/legal-deadlines/holidays/${year}`, { signal });

export const saveAdjustments = (year: number, body: AdjustmentsBody) =>
  api<HolidayYear>(`/api/legal-deadlines/holidays/${year}`, { method: 'PUT', body });

export const confirmYear = (year: number, body: Body<'/api/legal-deadlines/holidays/{year}/confirm', 'post'>) =>
  api<HolidayYear>(`/api/legal-deadlines/holidays/${year}/confirm`, { method: 'POST', body });
