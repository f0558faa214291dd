import { api } from '../../../lib/api.ts';
import type { Body, Item, Ok, Query, QueryInput } from '../../../lib/contract.ts';

export type Rule = Item<Ok<'/api/reporting/rules'>['items']>;
export type RuleInput = Body<'/api/reporting/rules', 'post'>;
export type RuleChange = Body<'/api/reporting/rules/{id}', 'patch'>;
export type RulesQuery = QueryInput<Query<'/api/reporting/rules'>>;
export type RuleOp = NonNullable<Rule['op']>;

export const RULES_KEY = ['reporting', 'rules'] as const;
export const ruleListKey = (q: RulesQuery) => [...RULES_KEY, 'list', q] as const;

export const RULE_OPS = ['<', '<=', '=', '>=', '>'] as const satisfies readonly RuleOp[];
export const RULE_KINDS = ['compare', 'history'] as const satisfies readonly Rule['kind'][];
export const SEVERITIES = ['warning', 'blocking'] as const satisfies readonly Rule['severity'][];

const path = (id: string) => `/api/reporting/rules/${encodeURIComponent(id)}`;

export function listRules(q: RulesQuery, signal?: AbortSignal): Promise<Ok<'/api/reporting/rules'>> {
  return api('/api/reporting/rules', { query: q, signal });
}

export function createRule(body: RuleInput): Promise<Rule> {
  return api('/api/reporting/rules', { method: 'POST', body });
}

export function updateRule(id: string, body: RuleChange): Promise<Rule> {
  return api(path(id), { method: 'PATCH', body });
}

export function deleteRule(id: string, version: number): Promise<Ok<'/api/reporting/rules/{id}', 'delete'>> {
  const body: Body<'/api/reporting/rules/{id}', 'delete'> = { version };
  return api(path(id), { method: 'DELETE', body });
}
