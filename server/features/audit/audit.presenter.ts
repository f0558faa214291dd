import type * as repo from './audit.repository.ts';

type EntryRow = Awaited<ReturnType<typeof repo.list>>['rows'][number];

export function presentEntry(r: EntryRow) {
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
    before: r.before ?? null,
    after: r.after ?? null,
  };
}
