import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { useMe } from '../auth/session.ts';
import { formatPercent } from '../work/TaskBits.tsx';
import { getMyWork, MY_WORK_PATH, myWorkKey, type MyWorkQuery } from './myWork.api.ts';
import { MY_ROLES, useDaysText } from './TaskBadges.tsx';
import './myWork.css';

const QUERY: MyWorkQuery = { dueWithin: 7 };

/** "In việc tuần này": what is due within 7 days (overdue included) on one A4 sheet; the app shell is hidden in print. */
export function PrintWeek() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const daysText = useDaysText();
  const list = useQuery({
    queryKey: [...myWorkKey(QUERY), 'print'],
    queryFn: ({ signal }) => getMyWork(QUERY, signal, 1, 500),
  });
  const today = todayInVietnam();
  const items = list.data?.items ?? [];

  return (
    <div className="mywork-print">
      <Flex gap={8} wrap className="no-print mywork-print-actions">
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(MY_WORK_PATH)}>
          {t('myWork.print.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
          disabled={!list.isSuccess}
        >
          {t('myWork.print.print')}
        </Button>
      </Flex>
      <div className="mywork-sheet">
        <h1 className="mywork-print-title">{t('myWork.print.title')}</h1>
        <p className="mywork-print-sub">
          {t('myWork.print.period', { from: today.format('DD/MM/YYYY'), to: today.add(7, 'day').format('DD/MM/YYYY') })}
          <br />
          {t('myWork.print.person', { name: me.displayName })}
        </p>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(list.error, t)} />
        ) : items.length === 0 ? (
          <p>{t('myWork.print.empty')}</p>
        ) : (
          <table className="mywork-print-table">
            <thead>
              <tr>
                <th className="num">{t('myWork.print.no')}</th>
                <th>{t('myWork.print.task')}</th>
                <th>{t('myWork.leadBody')}</th>
                <th>{t('myWork.print.roles')}</th>
                <th>{t('myWork.print.due')}</th>
                <th className="num">{t('myWork.progress')}</th>
                <th className="mywork-print-notes">{t('myWork.print.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((task, i) => (
                <tr key={task.id} className={task.timeliness === 'overdue' ? 'overdue' : undefined}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <strong>{task.title}</strong>
                    <div className="mywork-print-prog">{task.programmeTitle}</div>
                  </td>
                  <td>{task.leadBodyName}</td>
                  <td>
                    {MY_ROLES.filter((r) => task.myRoles.includes(r))
                      .map((r) => t(`myWork.role.${r}`))
                      .join(', ')}
                  </td>
                  <td>
                    {formatDate(task.dueDate)}
                    {daysText(task) ? <div className="mywork-print-days">{daysText(task)}</div> : null}
                  </td>
                  <td className="num">{formatPercent(task.progress)}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.data && list.data.total > items.length ? (
          <p className="mywork-print-foot">{t('myWork.print.more', { count: list.data.total - items.length })}</p>
        ) : null}
        <p className="mywork-print-foot">
          {t('myWork.print.printedAt', { at: formatDateTime(new Date().toISOString()) })}
        </p>
      </div>
    </div>
  );
}
