import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Empty, Flex, Grid, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../ui/errors.ts';
import { canReport, ProgressForm } from '../work/ProgressForm.tsx';
import { getTask, taskKey, type Task } from '../work/work.api.ts';
import { taskPath } from '../work/work.paths.ts';

type Props = { task: Task | null; onClose: () => void };

/** "Báo cáo tiến độ" from a card: a drawer from the bottom on a phone, from the right on a computer, holding the
 * task page's progress form. */
export function ProgressDrawer({ task, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 520 : '92%'}
      title={t('work.progress.title')}
      destroyOnHidden
      className="mywork-drawer"
    >
      {task ? <ProgressLoader task={task} onClose={onClose} /> : null}
    </Drawer>
  );
}

function ProgressLoader({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: taskKey(task.id), queryFn: ({ signal }) => getTask(task.id, signal) });
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (detail.isError) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(detail.error, t)} />;
  if (!canReport(detail.data))
    return (
      <Flex vertical gap={12}>
        <Typography.Text strong>{task.title}</Typography.Text>
        <Alert type="info" showIcon title={t('myWork.report.notAllowed')} />
        <Link to={taskPath(task.id)}>{t('myWork.openTask')}</Link>
      </Flex>
    );
  return (
    <>
      <Typography.Paragraph strong className="mywork-report-task">
        {task.title}
      </Typography.Paragraph>
      <ProgressForm detail={detail.data} onDone={onClose} onCancel={onClose} />
    </>
  );
}
