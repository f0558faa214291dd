// The notifications module as other modules and the jobs see it.
export { channelsFromEnv, type NotificationChannel } from './channels.ts';
export { runReminderSweep, type SweepResult } from './reminders.ts';
