import { api } from '../../lib/api.ts';

/** A notification to the signed-in account (a task assigned, due soon, overdue, returned, a comment…). */
export type Notification = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  /** Where it leads in the app (e.g. /nhiem-vu/…); null: nowhere. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
  taskId: string | null;
  /** The day (Asia/Ho_Chi_Minh) it is for. */
  day?: string;
  emailedAt?: string | null;
};

export type NotificationPage = { items: Notification[]; total: number; unread: number };

/** What PUT /api/notification-settings takes; `version` is absent while the defaults were never saved. */
export type SettingsInput = {
  /** How many days before a due date "due soon" reminders start (0: on the day). */
  dueSoonDays: number;
  /** A morning digest of what is due. */
  dailyDigest: boolean;
  /** Also by e-mail. */
  email: boolean;
  version?: number;
};

export type NotificationSettings = SettingsInput & {
  /** The account's e-mail address, where e-mail goes. */
  emailAddress?: string | null;
  /** Whether this server sends e-mail at all (SMTP configured). */
  emailAvailable?: boolean;
};

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const notificationsKey = (unreadOnly: boolean) => [...NOTIFICATIONS_KEY, 'list', unreadOnly] as const;
export const SETTINGS_KEY = [...NOTIFICATIONS_KEY, 'settings'] as const;

export function listNotifications(unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationPage> {
  return api('/api/notifications', { query: { unread: unreadOnly ? 'true' : undefined, pageSize: 30 }, signal });
}

export function markRead(id: string): Promise<unknown> {
  return api(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllRead(): Promise<unknown> {
  return api('/api/notifications/read-all', { method: 'POST' });
}

export function getSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return api('/api/notification-settings', { signal });
}

export function saveSettings(body: SettingsInput): Promise<NotificationSettings> {
  return api('/api/notification-settings', { method: 'PUT', body });
}
