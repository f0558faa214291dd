import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWaitingText } from '../work/TaskBits.tsx';
import type { Task, TaskRole } from '../work/work.api.ts';

/** The order and colours of "how am I involved" tags. */
export const MY_ROLES: readonly TaskRole[] = ['lead', 'responsible', 'assignee', 'cooperate', 'accept'];
const ROLE_COLOR: Record<TaskRole, string> = {
  lead: 'red',
  responsible: 'volcano',
  assignee: 'gold',
  cooperate: 'blue',
  accept: 'purple',
};

/** Chủ trì / Phụ trách / Được giao / Phối hợp / Nghiệm thu. */
export function RoleTags({ roles }: { roles: readonly TaskRole[] }) {
  const { t } = useTranslation();
  return (
    <>
      {MY_ROLES.filter((r) => roles.includes(r)).map((r) => (
        <Tag key={r} color={ROLE_COLOR[r]} className="mywork-role">
          {t(`myWork.role.${r}`)}
        </Tag>
      ))}
    </>
  );
}

/** "Quá hạn 3 ngày", "Đến hạn hôm nay", "Còn 5 ngày", "Chờ nghiệm thu 20 ngày", "Hoàn thành đúng hạn"… — the words
 * beside a due date. Work reported done by its due date waits for acceptance: it is never "quá hạn" meanwhile. */
export function useDaysText() {
  const { t } = useTranslation();
  const waiting = useWaitingText();
  return (task: Pick<Task, 'daysLeft' | 'timeliness' | 'dueDate' | 'waitingDays'>): string | null => {
    if (task.timeliness === 'on_time' || task.timeliness === 'late') return t(`myWork.days.${task.timeliness}`);
    const waited = waiting(task);
    if (waited) return waited;
    if (task.timeliness === 'cancelled' || task.daysLeft === null || !task.dueDate) return null;
    if (task.daysLeft < 0) return t('myWork.days.overdue', { count: -task.daysLeft });
    if (task.daysLeft === 0) return t('myWork.days.today');
    return t('myWork.days.left', { count: task.daysLeft });
  };
}
