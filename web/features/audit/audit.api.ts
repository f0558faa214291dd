import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { TIME_ZONE } from '../../lib/format.ts';
import type { Item, Ok, Query, WithRequired } from '../../lib/contract.ts';

/** One line of the audit log. `before`/`after` are the record's stored values (never secrets). */
export type AuditEntry = Item<Ok<'/api/audit'>['items']>;

/** Who did something: an account, or a label for work done without one (cli, seed, setup…). */
export type AuditActor = NonNullable<AuditEntry['actor']>;

export type AuditQuery = WithRequired<Query<'/api/audit'>, 'page' | 'pageSize'>;

export { AUDIT_ACTIONS, AUDIT_TABLES } from './audit.kinds.ts';

export const AUDIT_KEY = ['audit'] as const;
export const auditKey = (query: AuditQuery) => [...AUDIT_KEY, query] as const;

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Ok<'/api/audit'>> {
  return api('/api/audit', { query, signal });
}

/** One field whose value an entry records: for updates only those that changed. */
export type FieldChange = { field: string; before: unknown; after: unknown };

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** An instant as dd/MM/yyyy HH:mm:ss in Asia/Ho_Chi_Minh (the log wants the seconds). */
export function formatInstant(iso: string): string {
  return dayjs(iso).tz(TIME_ZONE).format('DD/MM/YYYY HH:mm:ss');
}

const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'updated_at', 'deleted_at']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The fields an entry touches: for an update those whose value differs; for a create or delete every value. */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) return [];
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  // Bookkeeping columns (version, timestamps) go last: what a person changed comes first.
  const rank = (f: string) => (BOOKKEEPING.has(f) ? 1 : 0);
  fields.sort((a, b) => rank(a) - rank(b));
  const changes = fields.map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
  if (before && after) return changes.filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  return changes.filter((c) => (before ? c.before : c.after) !== null);
}

/** A stored value as short text; empty values show as a dash. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return INSTANT.test(value) && dayjs(value).isValid() ? formatInstant(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The first block of a UUID (enough to tell records apart on screen; the full id is in the tooltip). */
export function shortId(id: string | null): string {
  if (!id) return '';
  return id.length > 12 ? id.slice(0, 8) : id;
}
