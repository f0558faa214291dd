import { Empty, Progress, Tag, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { FileList } from './FileList.tsx';
import { formatPercent, STATUS_COLOR } from './TaskBits.tsx';
import type { TaskDetail, TaskStatus, Update } from './work.api.ts';

/** The task's columns an edit names in its history line, with the form's labels (work.task.*). */
const EDITED_FIELDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  group_id: 'group',
  responsible_person_id: 'responsible',
  assignee_account_id: 'assignee',
  start_date: 'startDate',
  due_date: 'dueDate',
  target_value: 'targetValue',
  target_unit: 'targetUnit',
  result_value: 'targetVsResult',
  target_indicator_id: 'targetIndicator',
  target_indicator_unit_id: 'targetIndicator',
  target_indicator_period: 'targetIndicatorPeriod',
  priority: 'priority',
  weight: 'weight',
  recurrence: 'recurrence',
};

const UPDATE_COLOR: Record<Update['kind'], string> = {
  progress: 'blue',
  comment: 'gray',
  status: 'purple',
  extension_requested: 'orange',
  extension_granted: 'green',
  extension_refused: 'red',
  edit: 'gray',
};

const isStatus = (s: string | null): s is TaskStatus => s !== null && s in STATUS_COLOR;

/** The task's history, newest first: progress reports (who reported, who entered), comments, status changes with reasons, extensions. */
export function TaskHistory({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  if (detail.updates.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.history.empty')} />;
  return (
    <Timeline
      className="work-history"
      items={detail.updates.map((u) => ({
        key: u.id,
        color:
          u.kind === 'status' && u.toStatus === 'accepted'
            ? 'green'
            : u.kind === 'status' && (u.toStatus === 'returned' || u.toStatus === 'cancelled')
              ? 'red'
              : UPDATE_COLOR[u.kind],
        content: <HistoryItem update={u} />,
      }))}
    />
  );
}

function HistoryItem({ update: u }: { update: Update }) {
  const { t } = useTranslation();
  const who = u.reportedByName ?? u.enteredByName ?? t('work.history.system');
  let head: ReactNode;
  switch (u.kind) {
    case 'progress':
      head = (
        <>
          <strong>
            {u.cooperatorBodyName
              ? t('work.history.progressPart', { body: u.cooperatorBodyName })
              : t('work.history.progress')}
          </strong>{' '}
          <Progress
            percent={u.progress ?? 0}
            size="small"
            className="work-history-progress"
            format={(p) => formatPercent(p ?? 0)}
          />
          {isStatus(u.toStatus) ? (
            <span className="work-history-moved">
              {t('work.history.movedTo')} <Tag color={STATUS_COLOR[u.toStatus]}>{t(`work.status.${u.toStatus}`)}</Tag>
            </span>
          ) : null}
        </>
      );
      break;
    case 'comment':
      head = <strong>{t('work.history.comment', { name: who })}</strong>;
      break;
    case 'status':
      head = (
        <strong>
          {t('work.history.status')}{' '}
          {isStatus(u.fromStatus) ? (
            <Tag color={STATUS_COLOR[u.fromStatus]}>{t(`work.status.${u.fromStatus}`)}</Tag>
          ) : null}
          → {isStatus(u.toStatus) ? <Tag color={STATUS_COLOR[u.toStatus]}>{t(`work.status.${u.toStatus}`)}</Tag> : null}
        </strong>
      );
      break;
    case 'extension_requested':
      head = <strong>{t('work.history.extensionRequested', { date: formatDate(u.reportedOn) })}</strong>;
      break;
    case 'extension_granted':
      head = <strong>{t('work.history.extensionGranted', { date: formatDate(u.reportedOn) })}</strong>;
      break;
    case 'extension_refused':
      head = <strong>{t('work.history.extensionRefused', { date: formatDate(u.reportedOn) })}</strong>;
      break;
    default:
      head = <strong>{t('work.history.edit')}</strong>;
  }
  const reportedBy = u.reportedByName && u.enteredByName && u.reportedByName !== u.enteredByName;
  return (
    <div className="work-history-item">
      <div className="work-history-head">{head}</div>
      <div className="muted work-history-meta">
        {[
          ...(u.kind === 'progress' || (u.kind === 'status' && u.toStatus === 'reported_done')
            ? [
                t('work.history.reportedOn', { date: formatDate(u.reportedOn) }),
                reportedBy
                  ? t('work.history.reportedByEntered', { reporter: u.reportedByName, enterer: u.enteredByName })
                  : t('work.history.reportedBy', { name: who }),
              ]
            : u.kind === 'comment'
              ? []
              : [t('work.history.by', { name: u.enteredByName ?? who })]),
          formatDateTime(u.createdAt),
        ].join(' · ')}
      </div>
      {u.kind === 'edit' && u.note ? (
        <div className="work-history-note">
          <span className="muted">{t('work.history.changed')}: </span>
          {u.note
            .split(', ')
            .map((col) => (EDITED_FIELDS[col] ? t(`work.task.${EDITED_FIELDS[col]}`) : col))
            .join(', ')}
        </div>
      ) : u.note ? (
        <div className="work-pre work-history-note">
          {u.kind === 'status' &&
          u.toStatus &&
          ['returned', 'suspended', 'cancelled', 'assigned'].includes(u.toStatus) &&
          u.fromStatus !== 'draft' ? (
            <span className="muted">{t('work.history.reason')}: </span>
          ) : null}
          {u.note}
        </div>
      ) : null}
      <FileList files={u.files} />
    </div>
  );
}
