import { z } from 'zod';
import { version as versionField } from '../../http/schemas.ts';
import { taskItem } from '../work/index.ts';

/** Kinds written by the reminder sweep; other features may add their own (a task assigned, returned, …). */
export const REMINDER_KINDS = ['due_soon', 'overdue', 'to_accept', 'digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const notificationItem = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('due_soon, overdue, to_accept, digest, …'),
    taskId: z.uuid().nullable(),
    day: z.string().describe('The day (Asia/Ho_Chi_Minh) the notification is for'),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().describe('Where it leads in the web app, e.g. /nhiem-vu/<task id>'),
    readAt: z.string().nullable(),
    emailedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('Notification');
export type NotificationItem = z.infer<typeof notificationItem>;

export const listQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('Only unread notifications'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const notificationPage = z.object({
  items: z.array(notificationItem).describe('Newest first'),
  total: z.number().int().describe('Notifications matching the filter'),
  unread: z.number().int().describe('Unread notifications of the caller (whatever the filter)'),
});

export const readAllResult = z.object({ updated: z.number().int().describe('Notifications marked read') });

export const settings = z
  .object({
    dueSoonDays: z
      .number()
      .int()
      .describe('Due-soon reminders start this many days before the due date (0: on the day)'),
    dailyDigest: z.boolean().describe('One digest notification each morning listing what is due and overdue'),
    email: z
      .boolean()
      .describe('Also send notifications by e-mail (when the server has SMTP and the account an address)'),
    version: z.number().int().optional().describe('Absent while the defaults were never saved'),
    emailAddress: z.string().nullable().describe('The account’s e-mail address, where e-mail goes'),
    emailAvailable: z.boolean().describe('Whether this server sends e-mail (SMTP configured)'),
  })
  .describe('Notification settings');

export const settingsInput = z.strictObject({
  version: versionField
    .optional()
    .describe('The version read; omit when the settings were never saved. A stale one is 409 CONFLICT'),
  dueSoonDays: z.number().int().min(0).max(30),
  dailyDigest: z.boolean(),
  email: z.boolean(),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export const digestQuery = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(7)
    .describe('Tasks due within this many days from today (overdue ones always)'),
});

export const digestResult = z.object({
  text: z
    .string()
    .describe('A ready-to-paste plain-text message (Zalo, SMS): one numbered line per task, overdue first'),
  until: z.string().describe('The last day covered (YYYY-MM-DD)'),
  items: z.array(taskItem),
});
