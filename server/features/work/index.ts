// The work module as other modules and the jobs see it: the caller's scope over programmes and tasks, task
// creation (with its checks), the roll-up of progress, and the task shapes other answers embed.
export { myWork } from './my-work.service.ts';
// A body's programme of a year counted by task group (the review reports of reporting quote it).
export { programmeSummary, type ProgrammeSummary } from './programme.summary.service.ts';
export {
  countTasks,
  daysBetween,
  daysOverdue,
  rollupProgress,
  timelinessOf,
  waitingDays,
  type Counts,
} from './rollup.ts';
export { createTask, insertTask } from './task.create.service.ts';
export { createDueOccurrences } from './task.recurrence.service.ts';
export { tasksQuery, unitNameOf, type TaskRow } from './tasks.repository.ts';
export { version, versionBody } from '../../http/schemas.ts';
export { taskDetail as taskDetailSchema } from './task.detail.schemas.ts';
export { createTask as createTaskBody, longText, taskItem, taskStatus } from './task.schemas.ts';
export {
  assertProgrammeReadable,
  bodyReadable,
  callerOf,
  canReadProgramme,
  holdsOverBody,
  type WorkCaller,
  type WorkReading,
  type WorkRequest,
} from './work.scope.ts';
export { taskVisible } from './work.scope.repository.ts';
// A task naming a reporting indicator takes its result from reporting, which hands its reader in at start-up.
export {
  provideReportedFigures,
  reportedOf,
  type TaskReported,
  type ReportedAsk,
  type ReportedFigure,
  type ReportedFiguresSource,
} from './task.reported.ts';
