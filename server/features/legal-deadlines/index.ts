// The legal-deadlines module as other modules see it: deadlines computed inside the caller's own transaction.
export { addWorkingDays, computeDeadline, isWorkingDay, type DeadlineResult } from './legal-deadlines.service.ts';
export type { DayKind } from './legal-deadlines.rules.ts';
