import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { AppContext } from '../../context.ts';
import type { Env } from '../../env.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import * as repo from './channels.repository.ts';

/** Who a channel delivers to. */
export type ChannelAccount = {
  id: string;
  displayName: string;
  /** the linked person's full name when there is one */
  personName: string | null;
  email: string | null;
  phone: string | null;
  locale: Lang;
  /** the account's notification settings (defaults when never saved) */
  settings: { email: boolean; dailyDigest: boolean };
};

/** What a channel delivers: rows of the notifications table. */
export type ChannelNotification = {
  id: string;
  kind: string;
  taskId: string | null;
  day: string;
  title: string;
  body: string | null;
  link: string | null;
};

/**
 * A way notifications reach people besides the app. In-app delivery is the `notifications` table itself (the bell
 * reads it), so every notification exists there first; a channel then sends the rows it has not sent yet.
 *
 * To add a channel (SMS, Zalo OA): implement this type — `accepts` says whether the account can and wants to
 * receive it (a phone number, a Zalo id, a setting), `send` sends one batch per account and throws if it could not
 * (the batch stays pending and is retried by the next run) — give it a column recording delivery (`sentColumn`,
 * a migration adding e.g. `notifications.sms_at`) and add it to `channelsFromEnv`. `deliver` does the rest: it
 * claims each account's pending rows with `for update skip locked` (two servers never send the same row), calls
 * `send`, and marks them sent in the same transaction.
 */
export type NotificationChannel = {
  key: string;
  /** the notifications column recording delivery by this channel */
  sentColumn: repo.SentColumn;
  accepts: (account: ChannelAccount) => boolean;
  send: (account: ChannelAccount, notifications: readonly ChannelNotification[]) => Promise<void>;
};

/** What the e-mail channel needs of a transport: nodemailer's `sendMail` (SMTP, or jsonTransport in tests). */
export type Mailer = { sendMail: (message: Mail.Options) => Promise<unknown> };

const SUMMED_UP = new Set(['due_soon', 'overdue', 'to_accept', 'digest']);

/** E-mail: one plain-text message per account and run, listing its new notifications with links into the app. */
export function emailChannel(mailer: Mailer, opts: { from: string; publicUrl?: string }): NotificationChannel {
  return {
    key: 'email',
    sentColumn: 'emailed_at',
    accepts: (a) => Boolean(a.email) && a.settings.email,
    send: async (account, all) => {
      if (!account.email || all.length === 0) return;
      // An account that asked for the daily digest gets it instead of the reminders it sums up.
      const digest = all.find((x) => x.kind === 'digest');
      const notifications = digest ? [digest, ...all.filter((x) => !SUMMED_UP.has(x.kind))] : all;
      const lang = account.locale;
      const n = notifications.length;
      const subject =
        n === 1
          ? notifications[0]!.title
          : translate(lang, `notify.emailSubject_${n === 1 ? 'one' : 'other'}`, { count: n });
      const blocks = notifications.map((x) => {
        const lines = [`- ${x.title}`];
        if (x.body) lines.push(...x.body.split('\n').map((l) => `  ${l}`));
        if (x.link) lines.push(`  ${opts.publicUrl ? opts.publicUrl + x.link : x.link}`);
        return lines.join('\n');
      });
      const text = [
        translate(lang, 'notify.emailGreeting', { name: account.personName ?? account.displayName }),
        '',
        ...blocks,
        '',
        '--',
        translate(lang, 'notify.emailFooter'),
      ].join('\n');
      await mailer.sendMail({
        from: opts.from,
        to: { name: account.displayName, address: account.email },
        subject,
        text: text.normalize('NFC'),
      });
    },
  };
}

/** The channels this server sends through: e-mail when KHOI_SMTP_URL is set. */
export function channelsFromEnv(env: Env): NotificationChannel[] {
  if (!env.KHOI_SMTP_URL || !env.KHOI_MAIL_FROM) return [];
  return [
    emailChannel(nodemailer.createTransport(env.KHOI_SMTP_URL), {
      from: env.KHOI_MAIL_FROM,
      publicUrl: env.KHOI_PUBLIC_URL,
    }),
  ];
}

export type DeliveryResult = {
  channel: string;
  accounts: number;
  notifications: number;
  failed: { accountId: string; error: string }[];
};

/**
 * Sends the notifications of `day` not yet sent by each channel, one transaction per account: the rows are claimed
 * with `for update skip locked`, sent, and marked sent before commit, so a concurrent run skips them and a failed
 * send leaves them pending for the next run. Never throws for one account's failure; the result lists them.
 */
export async function deliver(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  channels: readonly NotificationChannel[],
  day: string,
  actor: Actor,
): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  for (const channel of channels) {
    const result: DeliveryResult = { channel: channel.key, accounts: 0, notifications: 0, failed: [] };
    results.push(result);
    const col = channel.sentColumn;
    const accounts = await repo.accountsWithPending(ctx.db, day, col);
    for (const a of accounts) {
      const account: ChannelAccount = {
        id: a.id,
        displayName: a.display_name,
        personName: a.full_name,
        email: a.email,
        phone: a.phone,
        locale: a.locale,
        settings: { email: a.wants_email ?? true, dailyDigest: a.daily_digest ?? false },
      };
      if (!channel.accepts(account)) continue;
      try {
        const sent = await inTransaction(ctx.db, actor, async (trx) => {
          const rows = await repo.claimPending(trx, a.id, day, col);
          if (rows.length === 0) return 0;
          await channel.send(
            account,
            rows.map((r) => ({
              id: r.id,
              kind: r.kind,
              taskId: r.task_id,
              day: r.day,
              title: r.title,
              body: r.body,
              link: r.link,
            })),
          );
          await repo.markSent(
            trx,
            rows.map((r) => r.id),
            col,
            ctx.clock.now(),
          );
          return rows.length;
        });
        if (sent > 0) {
          result.accounts++;
          result.notifications += sent;
        }
      } catch (err) {
        result.failed.push({ accountId: a.id, error: (err as Error).message });
      }
    }
  }
  return results;
}
