import { api } from '../../../lib/api.ts';
import type { Body, Item, Ok, Query, QueryInput } from '../../../lib/contract.ts';
import { indicatorsKey } from '../reporting.api.ts';

export type Indicator = Item<Ok<'/api/reporting/indicators'>['items']>;
export type IndicatorInput = Body<'/api/reporting/indicators', 'post'>;
export type IndicatorChange = Body<'/api/reporting/indicators/{id}', 'patch'>;
export type IndicatorsQuery = QueryInput<Query<'/api/reporting/indicators'>>;
export type IndicatorKind = Indicator['kind'];
export type ValueType = Indicator['valueType'];

export const INDICATORS_KEY = indicatorsKey;
export const indicatorListKey = (q: IndicatorsQuery) => [...INDICATORS_KEY, 'list', q] as const;

export const VALUE_TYPES = [
  'integer',
  'money',
  'decimal',
  'percentage',
  'boolean',
  'text',
] as const satisfies readonly ValueType[];
export const TREE_AGGREGATIONS = [
  'sum',
  'average',
  'max',
  'none',
] as const satisfies readonly Indicator['treeAggregation'][];
export const TIME_AGGREGATIONS = [
  'sum',
  'average',
  'max',
  'last',
  'none',
] as const satisfies readonly Indicator['timeAggregation'][];
export const INDICATOR_KINDS = ['entered', 'coverage', 'computed'] as const satisfies readonly IndicatorKind[];

const path = (id: string) => `/api/reporting/indicators/${encodeURIComponent(id)}`;

export function listIndicatorsBy(q: IndicatorsQuery, signal?: AbortSignal): Promise<Ok<'/api/reporting/indicators'>> {
  return api('/api/reporting/indicators', { query: q, signal });
}

export function createIndicator(body: IndicatorInput): Promise<Indicator> {
  return api('/api/reporting/indicators', { method: 'POST', body });
}

export function updateIndicator(id: string, body: IndicatorChange): Promise<Indicator> {
  return api(path(id), { method: 'PATCH', body });
}

export function deleteIndicator(id: string, version: number): Promise<Ok<'/api/reporting/indicators/{id}', 'delete'>> {
  const body: Body<'/api/reporting/indicators/{id}', 'delete'> = { version };
  return api(path(id), { method: 'DELETE', body });
}
