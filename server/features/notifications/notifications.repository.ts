import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { Lang } from '../../i18n/messages.ts';

type Q = Database | Trx;

/** Statuses a reminder is about: the lead body's work still open, or reported done and waiting for acceptance. */
export const OPEN_STATUSES = ['assigned', 'in_progress', 'returned'] as const;

/** The default of notification_settings.due_soon_days (migration 0007). */
export const DEFAULT_DUE_SOON_DAYS = 3;

/** One task that concerns one account on a day. */
export type ConcernRow = {
  account_id: string;
  task_id: string;
  kind: 'due_soon' | 'overdue' | 'to_accept';
  roles: ('assignee' | 'responsible' | 'cooperate' | 'accept')[];
  due_date: string;
  status: string;
  reported_done_on: string | null;
  task_title: string;
  lead_body_name: string;
  programme_title: string;
  locale: Lang;
  daily_digest: boolean;
};

/**
 * The tasks that concern each account on `today`, and how: open tasks (assigned, in progress, returned) reach
 * their assignee account and the accounts of the responsible person and of the cooperating bodies' persons;
 * tasks reported done reach, instead, the accounts holding 'work.accept' over the programme's owner body (SQL
 * holds_over) — except who reported the work done, who may not accept it. Only tasks overdue or due within the
 * horizon: `horizonDays` when given, else each account's due_soon_days (default 3). Disabled accounts get nothing.
 * Ordered by account, kind, task: the order in which the sweep takes its unique-key locks.
 */
export async function concerns(
  q: Q,
  today: string,
  opts: { horizonDays?: number; accountId?: string } = {},
): Promise<ConcernRow[]> {
  const horizon = opts.horizonDays ?? null;
  // The widest horizon a setting allows (0–30), so the candidate tasks can be narrowed before the people are.
  const maxDays = Math.max(horizon ?? 0, 30);
  const onlyAccount = (ref: string) => (opts.accountId ? sql`and ${sql.ref(ref)} = ${opts.accountId}::uuid` : sql``);
  const r = await sql<ConcernRow>`
    with cand as (
      select t.id, t.status, t.due_date, t.reported_done_on, t.title, t.assignee_account_id, t.responsible_person_id, t.lead_body_id, p.body_id as owner_body_id, p.title as programme_title
      from tasks t join programmes p on p.id = t.programme_id
      where t.deleted_at is null and p.deleted_at is null and t.due_date is not null
        and t.status in ('assigned', 'in_progress', 'returned', 'reported_done')
        and t.due_date <= ${today}::date + ${maxDays}::int
    ),
    acceptors as (
      select distinct ra.account_id from role_assignments ra join roles r on r.code = ra.role
      where ra.deleted_at is null and 'work.accept' = any (r.permissions) ${onlyAccount('ra.account_id')}
    ),
    inv (task_id, account_id, role) as (
      select c.id, c.assignee_account_id, 'assignee' from cand c
        where c.status <> 'reported_done' and c.assignee_account_id is not null ${onlyAccount('c.assignee_account_id')}
      union all
      select c.id, a.id, 'responsible' from cand c join accounts a on a.person_id = c.responsible_person_id
        where c.status <> 'reported_done' ${onlyAccount('a.id')}
      union all
      select c.id, a.id, 'cooperate' from cand c
        join task_cooperators tc on tc.task_id = c.id and tc.deleted_at is null
        join accounts a on a.person_id = tc.person_id
        where c.status <> 'reported_done' ${onlyAccount('a.id')}
      union all
      select c.id, a.id, 'accept' from cand c
        join bodies ob on ob.id = c.owner_body_id
        cross join acceptors ac
        join accounts a on a.id = ac.account_id
        where c.status = 'reported_done' and holds_over(a.id, ${today}::date, 'work.accept', ob.unit_id, ob.id)
          and not exists (
            select 1 from (select u.entered_by, u.reported_by_person_id from task_updates u where u.task_id = c.id and u.to_status = 'reported_done' order by u.created_at desc limit 1) last
            where last.entered_by = a.id or (a.person_id is not null and last.reported_by_person_id = a.person_id))
    )
    select i.account_id, i.task_id,
      (case when c.status = 'reported_done' then 'to_accept' when c.due_date < ${today}::date then 'overdue' else 'due_soon' end) as kind,
      array_agg(distinct i.role order by i.role) as roles,
      c.due_date, c.status, c.reported_done_on, c.title as task_title, lb.name as lead_body_name, c.programme_title,
      a.locale, coalesce(ns.daily_digest, false) as daily_digest
    from inv i
    join cand c on c.id = i.task_id
    join bodies lb on lb.id = c.lead_body_id
    join accounts a on a.id = i.account_id and a.disabled_at is null and a.deleted_at is null
    left join notification_settings ns on ns.account_id = a.id
    where c.due_date < ${today}::date or c.due_date <= ${today}::date + coalesce(${horizon}::int, ns.due_soon_days::int, ${DEFAULT_DUE_SOON_DAYS}::int)
    group by i.account_id, i.task_id, c.status, c.due_date, c.reported_done_on, c.title, lb.name, c.programme_title, a.locale, ns.daily_digest
    order by i.account_id, kind, i.task_id`.execute(q);
  return r.rows;
}

export type NewNotification = {
  account_id: string;
  kind: string;
  task_id: string | null;
  day: string;
  title: string;
  body: string | null;
  link: string | null;
};

/** Inserts notifications in the given order, skipping any whose once-key (account, kind, task, day) exists.
 * Returns those inserted. */
export async function insertOnce(trx: Trx, rows: readonly NewNotification[]): Promise<{ id: string; kind: string }[]> {
  const ids: { id: string; kind: string }[] = [];
  // In chunks well under PostgreSQL's 65,535 parameters, keeping the order (the order of lock taking).
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const inserted = await trx
      .insertInto('notifications')
      .values(chunk.map((r) => ({ ...r })))
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'kind'])
      .execute();
    ids.push(...inserted);
  }
  return ids;
}

/** A page of an account's notifications, newest first. */
export async function listFor(q: Q, accountId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  let base = q.selectFrom('notifications').where('account_id', '=', accountId);
  if (opts.unreadOnly) base = base.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    q
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n, unread: unread.n };
}

export type NotificationRow = Awaited<ReturnType<typeof listFor>>['rows'][number];

/** Marks one of the account's notifications read (kept as first read); undefined when it is not the account's. */
export async function markRead(
  trx: Trx,
  accountId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> {
  return trx
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, ${at})` })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(trx: Trx, accountId: string, at: Date): Promise<number> {
  const r = await trx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function settingsOf(q: Q, accountId: string) {
  return q
    .selectFrom('accounts as a')
    .leftJoin('notification_settings as ns', 'ns.account_id', 'a.id')
    .select(['a.id', 'a.email as email_address', 'ns.due_soon_days', 'ns.daily_digest', 'ns.email', 'ns.version'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}

/** Inserts the account's settings when none are stored; false when a row appeared meanwhile. */
export async function insertSettings(
  trx: Trx,
  accountId: string,
  v: { due_soon_days: number; daily_digest: boolean; email: boolean },
): Promise<boolean> {
  const r = await trx
    .insertInto('notification_settings')
    .values({ account_id: accountId, ...v })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .returning('account_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Updates the settings if they are still at `version`; false otherwise. */
export async function updateSettings(
  trx: Trx,
  accountId: string,
  version: number,
  v: { due_soon_days: number; daily_digest: boolean; email: boolean },
  at: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('notification_settings')
    .set({ ...v, updated_at: at })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('account_id', '=', accountId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The account's display name and its person's full name (when linked), for the digest's greeting. */
export function accountNames(q: Q, accountId: string) {
  return q
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.display_name', 'p.full_name'])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
}
