import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Flex, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/errors.ts';
import { ActionTag, ActorText, AuditChanges } from './AuditParts.tsx';
import { auditKey, fieldChanges, formatInstant, listAudit, type AuditEntry } from './audit.api.ts';
import './audit.css';

type Props = { table: string; recordId: string };

const PAGE_SIZE = 10;

/** The audit entries of one record, newest first, compactly, under the record's name: when, who, what and which
 * fields changed. */
export function RecordHistory({ table, recordId }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = { table, record: recordId, page, pageSize: PAGE_SIZE };
  const history = useQuery({ queryKey: auditKey(query), queryFn: ({ signal }) => listAudit(query, signal) });
  const total = history.data?.total ?? 0;
  // The record as the log names it (its current name), so the history says whose it is.
  const label = history.data?.items.find((e) => e.recordLabel)?.recordLabel;

  return (
    <List<AuditEntry>
      className="record-history"
      size="small"
      loading={history.isFetching}
      dataSource={history.data?.items ?? []}
      header={label ? <Typography.Text className="record-history-label">{label}</Typography.Text> : undefined}
      locale={{ emptyText: history.isError ? errorText(history.error, t) : t('audit.noHistory') }}
      pagination={
        total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total, size: 'small', onChange: setPage } : false
      }
      renderItem={(e) => {
        const fields = e.action === 'update' ? fieldChanges(e).map((c) => c.field) : [];
        return (
          <List.Item className="record-history-item">
            <div>
              <Flex gap={8} wrap align="center">
                <Typography.Text className="audit-time">{formatInstant(e.at)}</Typography.Text>
                <ActionTag action={e.action} />
                <ActorText entry={e} />
              </Flex>
              {fields.length > 0 ? (
                <Space size={4} wrap className="record-history-changed">
                  <Typography.Text type="secondary">{t('audit.changedFields')}</Typography.Text>
                  <Popover content={<AuditChanges entry={e} />} trigger="click" placement="bottomLeft">
                    <Button type="link" size="small" className="body-link-button">
                      {fields.join(', ')}
                    </Button>
                  </Popover>
                </Space>
              ) : null}
            </div>
          </List.Item>
        );
      }}
    />
  );
}

/** "Lịch sử thay đổi" on a record's card, folded until opened (the log is read only then). For administrators. */
export function RecordHistorySection(props: Props) {
  const { t } = useTranslation();
  return (
    <section className="body-section record-history-section" aria-label={t('audit.history')}>
      <Collapse
        size="small"
        destroyOnHidden
        items={[{ key: 'history', label: t('audit.history'), children: <RecordHistory {...props} /> }]}
      />
    </section>
  );
}
