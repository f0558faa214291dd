// The work module as other modules and the jobs see it: the caller's scope over programmes and tasks, task
// creation (with its checks), the roll-up of progress, and the task shapes other answers embed.
export { myWork } from './my-work.service.ts';
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
