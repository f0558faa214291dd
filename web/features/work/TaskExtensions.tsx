import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { DecideForm, ExtensionRequestForm } from './ExtensionForms.tsx';
import type { Extension, TaskDetail, TaskStatus } from './work.api.ts';

const EXTENDABLE = new Set<TaskStatus>(['assigned', 'in_progress', 'reported_done', 'returned', 'suspended']);

/** Deadline extensions: the requests with their decisions; "Đề nghị gia hạn" for those who report or manage; grant or refuse for managers. */
export function ExtensionsSection({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<{ ext: Extension; decision: 'granted' | 'refused' } | null>(null);
  const task = detail.task;
  const open = detail.extensions.find((e) => e.decision === null);
  const mayRequest = (detail.permissions.report || detail.permissions.manage) && EXTENDABLE.has(task.status) && !open;
  if (detail.extensions.length === 0 && !mayRequest) return null;
  return (
    <section className="work-panel" aria-labelledby="work-ext-title">
      <Typography.Title level={4} id="work-ext-title" className="work-panel-title">
        {t('work.extensions.title')}
      </Typography.Title>
      {detail.extensions.length > 0 ? (
        <ul className="work-ext-list">
          {detail.extensions.map((e) => (
            <li key={e.id} className="work-ext-item">
              <Flex justify="space-between" gap={8} wrap>
                <strong>{t('work.extensions.to', { date: formatDate(e.requestedDueDate) })}</strong>
                {e.decision === null ? (
                  <Tag color="orange">{t('work.extensions.pending')}</Tag>
                ) : (
                  <Tag color={e.decision === 'granted' ? 'green' : 'red'}>{t(`work.extensions.${e.decision}`)}</Tag>
                )}
              </Flex>
              <div className="muted">
                {e.previousDueDate ? `${t('work.extensions.from', { date: formatDate(e.previousDueDate) })} · ` : ''}
                {t('work.extensions.requestedBy', {
                  name: e.requestedByName ?? '—',
                  at: formatDateTime(e.requestedAt),
                })}
              </div>
              <div className="work-pre">{e.reason}</div>
              {e.decision ? (
                <div className="muted">
                  {t('work.extensions.decidedBy', { name: e.decidedByName ?? '—', at: formatDateTime(e.decidedAt) })}
                  {e.decisionNote ? `: ${e.decisionNote}` : ''}
                </div>
              ) : detail.permissions.manage ? (
                <Flex gap={8} wrap className="work-ext-decide">
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined aria-hidden />}
                    onClick={() => setDeciding({ ext: e, decision: 'granted' })}
                  >
                    {t('work.extensions.grant')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined aria-hidden />}
                    onClick={() => setDeciding({ ext: e, decision: 'refused' })}
                  >
                    {t('work.extensions.refuse')}
                  </Button>
                </Flex>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {mayRequest ? <ExtensionRequestForm detail={detail} /> : null}
      <Modal
        open={deciding !== null}
        title={
          deciding
            ? t(deciding.decision === 'granted' ? 'work.extensions.grantTitle' : 'work.extensions.refuseTitle', {
                date: formatDate(deciding.ext.requestedDueDate),
              })
            : ''
        }
        onCancel={() => setDeciding(null)}
        footer={null}
        destroyOnHidden
      >
        {deciding ? (
          <DecideForm
            detail={detail}
            ext={deciding.ext}
            decision={deciding.decision}
            onClose={() => setDeciding(null)}
          />
        ) : null}
      </Modal>
    </section>
  );
}
