import { api } from '../../lib/api.ts';
import type { Body, Item, Ok, Query } from '../../lib/contract.ts';

/** A notification to the signed-in account (a task assigned, due soon, overdue, returned, a comment…). */
export type Notification = Item<NotificationPage['items']>;

export type NotificationPage = Ok<'/api/notifications'>;

/** What PUT /api/notification-settings takes; `version` is absent while the defaults were never saved. */
export type SettingsInput = Body<'/api/notification-settings', 'put'>;

/** The settings, with where e-mail would go and whether this server sends e-mail at all. */
export type NotificationSettings = Ok<'/api/notification-settings'>;

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const notificationsKey = (unreadOnly: boolean) => [...NOTIFICATIONS_KEY, 'list', unreadOnly] as const;
export const SETTINGS_KEY = [...NOTIFICATIONS_KEY, 'settings'] as const;

export function listNotifications(unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationPage> {
  const query: Query<'/api/notifications'> = { unread: unreadOnly ? 'true' : undefined, pageSize: 30 };
  return api('/api/notifications', { query, signal });
}

export function markRead(id: string): Promise<Ok<'/api/notifications/{id}/read', 'post'>> {
  return api(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllRead(): Promise<Ok<'/api/notifications/read-all', 'post'>> {
  return api('/api/notifications/read-all', { method: 'POST' });
}

export function getSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return api('/api/notification-settings', { signal });
}

export function saveSettings(body: SettingsInput): Promise<Ok<'/api/notification-settings', 'put'>> {
  return api('/api/notification-settings', { method: 'PUT', body });
}
