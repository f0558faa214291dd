import { api } from '../../lib/api.ts';
import type { Body, Item, Ok, Query } from '../../lib/contract.ts';

// The reporting API (/api/reporting), its types read from the server's contract.

export type MyReport = Item<Ok<'/api/reporting/my-reports'>['items']>;
export type Period = MyReport['period'];
export type Submission = Ok<'/api/reporting/submissions/{id}'>;
export type SubmissionSummary = Item<Ok<'/api/reporting/submissions'>['items']>;
export type SubmissionStatus = Submission['status'];
export type FormVersion = Submission['formVersion'];
export type FormIndicator = Item<FormVersion['indicators']>;
export type ValueType = FormIndicator['valueType'];
export type Value = Item<Submission['values']>;
export type Check = Item<Submission['checks']>;
export type Conflict = Item<Submission['conflicts']>;
export type ValueInput = Item<Body<'/api/reporting/submissions/{id}/values', 'put'>['values']>;

export type Pivot = Ok<'/api/reporting/pivot'>;
export type PivotRow = Item<Pivot['rows']>;
export type PivotCell = Item<Item<Pivot['cells']>>;
export type PivotBreakdown = NonNullable<Pivot['breakdown']>;

export type Completeness = Ok<'/api/reporting/completeness'>;
export type CompletenessStatus = Item<Completeness['items']>['status'];

export type Indicator = Item<Ok<'/api/reporting/indicators'>['items']>;
export type FormSummary = Item<Ok<'/api/reporting/forms'>['items']>;

const BASE = '/api/reporting';
const id = (s: string) => encodeURIComponent(s);

/** Every reporting query lives under this key: a decision anywhere refreshes the lists and the figures. */
export const REPORTING_KEY = ['reporting'] as const;
export const myReportsKey = [...REPORTING_KEY, 'my-reports'] as const;
export const submissionKey = (sid: string) => [...REPORTING_KEY, 'submission', sid] as const;
export const submissionsKey = (q: SubmissionsQuery) => [...REPORTING_KEY, 'submissions', q] as const;
export const pivotKey = (q: PivotQuery) => [...REPORTING_KEY, 'pivot', q] as const;
export const completenessKey = (q: CompletenessQuery) => [...REPORTING_KEY, 'completeness', q] as const;
export const indicatorsKey = [...REPORTING_KEY, 'indicators'] as const;
export const formsKey = [...REPORTING_KEY, 'forms'] as const;

export function listMyReports(signal?: AbortSignal): Promise<Ok<'/api/reporting/my-reports'>> {
  return api(`${BASE}/my-reports`, { signal });
}

export type SubmissionsQuery = Query<'/api/reporting/submissions'>;

export function listSubmissions(q: SubmissionsQuery, signal?: AbortSignal): Promise<Ok<'/api/reporting/submissions'>> {
  return api(`${BASE}/submissions`, { query: q, signal });
}

export function createSubmission(body: Body<'/api/reporting/submissions', 'post'>): Promise<Submission> {
  return api(`${BASE}/submissions`, { method: 'POST', body });
}

export function getSubmission(sid: string, signal?: AbortSignal): Promise<Submission> {
  return api(`${BASE}/submissions/${id(sid)}`, { signal });
}

export function saveValues(
  sid: string,
  body: Body<'/api/reporting/submissions/{id}/values', 'put'>,
): Promise<Submission> {
  return api(`${BASE}/submissions/${id(sid)}/values`, { method: 'PUT', body });
}

export type Decision = 'submit' | 'approve' | 'return' | 'reopen';

/** Submit or approve (`{ version }`), return or reopen (`{ version, reason }`). */
export function decide(
  sid: string,
  decision: Decision,
  body: Body<'/api/reporting/submissions/{id}/submit', 'post'> & { reason?: string },
): Promise<Submission> {
  return api(`${BASE}/submissions/${id(sid)}/${decision}`, { method: 'POST', body });
}

export function chooseConflict(
  sid: string,
  body: Body<'/api/reporting/submissions/{id}/conflicts/choose', 'post'>,
): Promise<Submission> {
  return api(`${BASE}/submissions/${id(sid)}/conflicts/choose`, { method: 'POST', body });
}

export function listIndicators(signal?: AbortSignal): Promise<Ok<'/api/reporting/indicators'>> {
  return api(`${BASE}/indicators`, { signal });
}

export function listForms(signal?: AbortSignal): Promise<Ok<'/api/reporting/forms'>> {
  return api(`${BASE}/forms`, { signal });
}

export type PivotQuery = Query<'/api/reporting/pivot'>;

export function getPivot(q: PivotQuery, signal?: AbortSignal): Promise<Pivot> {
  return api(`${BASE}/pivot`, { query: q, signal });
}

export type CompletenessQuery = Query<'/api/reporting/completeness'>;

export function getCompleteness(q: CompletenessQuery, signal?: AbortSignal): Promise<Completeness> {
  return api(`${BASE}/completeness`, { query: q, signal });
}

export function remind(
  body: Body<'/api/reporting/completeness/remind', 'post'>,
): Promise<Ok<'/api/reporting/completeness/remind', 'post'>> {
  return api(`${BASE}/completeness/remind`, { method: 'POST', body });
}

export type FormPeriod = Item<Ok<'/api/reporting/forms/{id}/periods'>['items']>;

export function listFormPeriods(
  formId: string,
  signal?: AbortSignal,
): Promise<Ok<'/api/reporting/forms/{id}/periods'>> {
  const query: Query<'/api/reporting/forms/{id}/periods'> = { count: 12 };
  return api(`${BASE}/forms/${id(formId)}/periods`, { query, signal });
}
export const formPeriodsKey = (formId: string) => [...REPORTING_KEY, 'form-periods', formId] as const;
