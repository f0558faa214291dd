import dayjs from 'dayjs';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../i18n/messages.ts';
import type { WorkCaller } from '../work/index.ts';
import * as repo from './notifications.repository.ts';
import type * as s from './notifications.schemas.ts';
import { digestText, sortEntries } from './notifications.text.ts';
import { myWork } from '../work/index.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'env'>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function present(r: repo.NotificationRow): s.NotificationItem {
  return {
    id: r.id,
    kind: r.kind,
    taskId: r.task_id,
    day: r.day,
    title: r.title,
    body: r.body,
    link: r.link,
    readAt: iso(r.read_at),
    emailedAt: iso(r.emailed_at),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The caller's own notifications, newest first. */
export async function listNotifications(ctx: Ctx, accountId: string, q: z.infer<typeof s.listQuery>) {
  const page = await repo.listFor(ctx.db, accountId, {
    unreadOnly: q.unread === 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: page.rows.map(present), total: page.total, unread: page.unread };
}

/** Marks one of the caller's notifications read. Throws NOT_FOUND for another account's (or no such) notification. */
export async function markRead(ctx: Ctx, actor: Actor & { accountId: string }, id: string) {
  const row = await inTransaction(ctx.db, actor, (trx) => repo.markRead(trx, actor.accountId, id, ctx.clock.now()));
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

export async function markAllRead(ctx: Ctx, actor: Actor & { accountId: string }) {
  return {
    updated: await inTransaction(ctx.db, actor, (trx) => repo.markAllRead(trx, actor.accountId, ctx.clock.now())),
  };
}

/** The caller's settings (the defaults until saved). */
export async function getSettings(ctx: Ctx, accountId: string): Promise<z.infer<typeof s.settings>> {
  const r = await repo.settingsOf(ctx.db, accountId);
  if (!r) throw new AppError('NOT_FOUND');
  return {
    dueSoonDays: r.due_soon_days ?? repo.DEFAULT_DUE_SOON_DAYS,
    dailyDigest: r.daily_digest ?? false,
    email: r.email ?? true,
    ...(r.version !== null ? { version: r.version } : {}),
    emailAddress: r.email_address,
    emailAvailable: Boolean(ctx.env.KHOI_SMTP_URL),
  };
}

/** Saves the caller's settings. The version read is required once they were saved; without it only a first save
 * is accepted. Throws CONFLICT when they changed meanwhile. */
export async function putSettings(ctx: Ctx, actor: Actor & { accountId: string }, input: s.SettingsInput) {
  const values = { due_soon_days: input.dueSoonDays, daily_digest: input.dailyDigest, email: input.email };
  await inTransaction(ctx.db, actor, async (trx) => {
    const ok =
      input.version === undefined
        ? await repo.insertSettings(trx, actor.accountId, values)
        : await repo.updateSettings(trx, actor.accountId, input.version, values, ctx.clock.now());
    if (!ok) throw new AppError('CONFLICT');
  });
  return getSettings(ctx, actor.accountId);
}

/**
 * The caller's "my work" due by today + `days` or overdue (the same list as the Việc của tôi page and its print
 * view: tasks where the caller or its body leads, cooperates, is responsible, or must accept), overdue first then
 * by due date, and the same list as a plain-text message to paste into Zalo.
 */
export async function digest(ctx: Ctx, c: WorkCaller, lang: Lang, days: number) {
  const until = dayjs(c.today).add(days, 'day').format('YYYY-MM-DD');
  const who = await repo.accountNames(ctx.db, c.accountId);
  const name = who.full_name ?? who.display_name;
  const { items } = await myWork({ app: ctx, caller: c, lang }, { dueWithin: days, page: 1, pageSize: 500 });
  const entries = sortEntries(
    items
      .filter((t) => t.dueDate)
      .map((t) => ({
        title: t.title,
        leadBodyName: t.leadBodyName,
        dueDate: t.dueDate!,
        status: t.status,
        reportedDoneOn: t.reportedDoneOn,
        item: t,
      })),
  );
  return { text: digestText(lang, name, until, entries, c.today), until, items: entries.map((e) => e.item) };
}
