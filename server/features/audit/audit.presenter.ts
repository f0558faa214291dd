import { translate, type Lang } from '../../i18n/messages.ts';
import type * as repo from './audit.repository.ts';
import type { LabelParams } from './audit.labels.repository.ts';

type EntryRow = Awaited<ReturnType<typeof repo.listPage>>[number];

/** What people call the entry's record, written from its label values in the answer's language; a value the log
 * could not find shows as a dash. */
export function recordLabel(table: string | null, params: LabelParams | null, lang: Lang): string | null {
  if (!table || !params) return null;
  const key = `auditRecord.${table}`;
  const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const values = Object.fromEntries(Object.entries(params).map(([name, v]) => [name, text(v)]));
  const label = translate(lang, key, values);
  return label === key ? null : label;
}

export function presentEntry(r: EntryRow, lang: Lang) {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor:
      r.actor_account_id && r.username
        ? { id: r.actor_account_id, username: r.username, displayName: r.display_name! }
        : null,
    actorLabel: r.actor_label,
    ip: r.ip,
    requestId: r.request_id,
    action: r.action,
    table: r.table_name,
    recordId: r.record_id,
    recordLabel: recordLabel(r.table_name, r.label, lang),
    before: r.before ?? null,
    after: r.after ?? null,
  };
}
