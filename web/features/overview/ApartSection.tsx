import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLocale } from '../../lib/i18n.ts';
import { DueDate, StatusTag, TaskProgress, usePlanText } from '../work/TaskBits.tsx';
import { programmePath, taskPath } from '../work/work.paths.ts';
import type { Overview } from './overview.api.ts';
import { countText } from './summary.ts';

type Props = { programmeId: string; apart: Overview['apart'] };

/**
 * The tasks shown apart, as the bloc reports them: key tasks registered with the Party committee and the tasks
 * commissioned by the People's Committee, each with its status, progress and, when it has a target and a result,
 * how the result stands against the plan.
 */
export function ApartSection({ programmeId, apart }: Props) {
  const { t } = useTranslation();
  const planText = usePlanText();
  const lang = currentLocale();
  return (
    <Row gutter={[16, 16]}>
      {apart.map((a) => (
        <Col key={a.kind} xs={24} xl={apart.length > 1 ? 12 : 24}>
          <Card
            className={`overview-apart overview-apart-${a.kind}`}
            title={<h2 className="card-title overview-apart-title">{a.name}</h2>}
            extra={
              <Link
                to={programmePath(programmeId, new URLSearchParams({ kind: a.kind }).toString())}
                className="overview-apart-all"
              >
                {t('overview.apart.all')}
              </Link>
            }
          >
            {a.counts.total > 0 ? (
              <Typography.Paragraph className="overview-apart-count">
                {t('overview.apart.count', {
                  done: countText(a.counts.done, lang),
                  total: countText(a.counts.total, lang),
                })}
                {a.counts.overdue > 0 ? (
                  <span className="overview-overdue">
                    {' '}
                    · {t('overview.apart.overdue', { count: a.counts.overdue })}
                  </span>
                ) : null}
              </Typography.Paragraph>
            ) : null}
            {a.tasks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noTasks')} />
            ) : (
              <ol className="overview-apart-list">
                {a.tasks.map((task) => (
                  <li key={task.id} className={task.timeliness === 'overdue' ? 'is-overdue' : undefined}>
                    <div className="overview-apart-head">
                      <Link to={taskPath(task.id)} className="overview-apart-task">
                        {task.title}
                      </Link>
                      <StatusTag status={task.status} />
                    </div>
                    <div className="overview-apart-meta">
                      <span>{task.leadBodyName}</span>
                      <span aria-hidden> · </span>
                      <DueDate task={task} showOriginal={false} />
                    </div>
                    {planText(task) ? <div className="overview-apart-plan">{planText(task)}</div> : null}
                    <TaskProgress task={task} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
