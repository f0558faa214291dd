import { Drawer, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { TaskForm } from './TaskForm.tsx';
import type { TaskFormTarget } from './taskFormValues.ts';
import type { TaskDetail } from './work.api.ts';

type Props = { target: TaskFormTarget | null; onClose: () => void; onSaved?: (detail: TaskDetail) => void };

/** "Thêm nhiệm vụ" / "Thêm nhiệm vụ con" / "Sửa nhiệm vụ": a drawer on the right (the whole screen on a phone). */
export function TaskFormDrawer({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const title = target?.task
    ? t('work.taskForm.editTitle', { number: target.task.task.number })
    : target?.parent
      ? t('work.taskForm.subtaskTitle', { number: target.parent.number })
      : t('work.taskForm.createTitle');
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      placement="right"
      size={wide ? 760 : '100%'}
      destroyOnHidden
      className="work-task-drawer"
    >
      {target ? <TaskForm target={target} title={title} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}
