// The notifications module as other modules and the jobs see it.
export { channelsFromEnv, type NotificationChannel } from './channels.ts';
export { runReminderSweep, type SweepResult } from './reminders.ts';
// A notification another module sends (a reporting reminder): once per account, kind and day.
export { insertOnce as sendNotificationsOnce, type NewNotification } from './notifications.repository.ts';
