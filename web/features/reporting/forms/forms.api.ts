import { api } from '../../../lib/api.ts';
import type { Body, Item, Ok } from '../../../lib/contract.ts';
import { formsKey } from '../reporting.api.ts';

export type FormSummary = Item<Ok<'/api/reporting/forms'>['items']>;
export type ReportForm = Ok<'/api/reporting/forms/{id}'>;
export type FormVersion = Item<ReportForm['versions']>;
export type PeriodType = ReportForm['periodType'];
export type FormInput = Body<'/api/reporting/forms', 'post'>;
export type VersionInput = FormInput['firstVersion'];
export type FormPeriod = Item<Ok<'/api/reporting/forms/{id}/periods'>['items']>;

export const FORMS_KEY = formsKey;
export const formsListKey = [...FORMS_KEY, 'list'] as const;
export const formKey = (id: string) => [...FORMS_KEY, 'detail', id] as const;
export const formPeriodsKey = (id: string) => [...FORMS_KEY, 'periods', id] as const;

export const PERIOD_TYPES = [
  'month',
  'quarter',
  'half',
  'nine_months',
  'year',
  'ad_hoc',
] as const satisfies readonly PeriodType[];

const path = (id: string) => `/api/reporting/forms/${encodeURIComponent(id)}`;

export function listReportForms(signal?: AbortSignal): Promise<Ok<'/api/reporting/forms'>> {
  return api('/api/reporting/forms', { signal });
}

export function getReportForm(id: string, signal?: AbortSignal): Promise<ReportForm> {
  return api(path(id), { signal });
}

export function createReportForm(body: FormInput): Promise<ReportForm> {
  return api('/api/reporting/forms', { method: 'POST', body });
}

export function renameReportForm(id: string, body: Body<'/api/reporting/forms/{id}', 'patch'>): Promise<ReportForm> {
  return api(path(id), { method: 'PATCH', body });
}

export function addFormVersion(
  id: string,
  body: Body<'/api/reporting/forms/{id}/versions', 'post'>,
): Promise<ReportForm> {
  return api(`${path(id)}/versions`, { method: 'POST', body });
}

export function updateFormVersion(
  id: string,
  versionId: string,
  body: Body<'/api/reporting/forms/{id}/versions/{versionId}', 'patch'>,
): Promise<ReportForm> {
  return api(`${path(id)}/versions/${encodeURIComponent(versionId)}`, { method: 'PATCH', body });
}

export function upcomingPeriods(id: string, signal?: AbortSignal): Promise<Ok<'/api/reporting/forms/{id}/periods'>> {
  return api(`${path(id)}/periods`, { query: { count: 6 }, signal });
}

export type UnitKind = Item<Ok<'/api/units/kinds'>>;
export const UNIT_KINDS_KEY = ['units', 'kinds'] as const;

export function listUnitKinds(signal?: AbortSignal): Promise<Ok<'/api/units/kinds'>> {
  return api('/api/units/kinds', { signal });
}

export type ReopenInput = Body<'/api/reporting/forms/{id}/periods/{periodId}/reopen', 'post'>;

/** Opens a locked period again until a day: for every reporter (administrators) or a unit's (its reviewers). */
export function reopenPeriod(
  id: string,
  periodId: string,
  body: ReopenInput,
): Promise<Ok<'/api/reporting/forms/{id}/periods/{periodId}/reopen', 'post'>> {
  return api(`${path(id)}/periods/${encodeURIComponent(periodId)}/reopen`, { method: 'POST', body });
}
