import { registerOpenWorkProvider } from '../handover/index.ts';
import { countOpenTasksOf, moveOpenTasks } from './task.handover.repository.ts';

/** A handover moves the open tasks an account follows (as assignee) to the account taking over. */
export function registerWorkHandover(): void {
  registerOpenWorkProvider({
    key: 'tasks',
    label: { vi: 'Nhiệm vụ đang theo dõi', en: 'Tasks followed' },
    countOpen: countOpenTasksOf,
    moveOpen: moveOpenTasks,
  });
}
