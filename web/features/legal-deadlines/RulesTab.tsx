import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { AsOfPicker } from '../../ui/AsOfPicker.tsx';
import { errorText } from '../../ui/errors.ts';
import { useMe } from '../auth/session.ts';
import { AddVersionModal } from './AddVersionModal.tsx';
import { confirmVersion, fetchRules, rulesKey, type RuleWithVersions } from './legalDeadlines.api.ts';
import { VersionDetails } from './VersionDetails.tsx';

/** The rules as of a chosen day: each with the version applied that day first, then all its versions. */
export function RulesTab() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(() => todayInVietnam().format('YYYY-MM-DD'));
  const rules = useQuery({ queryKey: rulesKey(asOf), queryFn: ({ signal }) => fetchRules(asOf, signal) });
  return (
    <div>
      <Flex className="legal-toolbar" gap={8} align="center" wrap>
        <AsOfPicker id="legal-as-of" value={asOf} onChange={setAsOf} />
      </Flex>
      {rules.isError ? <Typography.Text type="danger">{errorText(rules.error, t)}</Typography.Text> : null}
      {rules.isLoading ? <Skeleton active /> : null}
      {rules.data && rules.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      <div className="legal-rules">
        {rules.data?.items.map((rule) => (
          <RuleCard key={rule.code} rule={rule} />
        ))}
      </div>
    </div>
  );
}

function RuleCard({ rule }: { rule: RuleWithVersions }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const current = rule.versions.find((v) => v.inForce);
  const confirm = useMutation({
    mutationFn: confirmVersion,
    onSuccess: (v) => {
      void message.success(t('legalDeadlines.confirmedVersion', { n: v.version }));
      void queryClient.invalidateQueries({ queryKey: ['legal-deadlines'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const unconfirmed = rule.versions.filter((v) => !v.confirmed);
  return (
    <Card
      size="small"
      title={
        <Flex vertical>
          <span style={{ whiteSpace: 'normal' }}>{rule.name}</span>
          <Typography.Text type="secondary" code style={{ fontWeight: 'normal' }}>
            {rule.code}
          </Typography.Text>
        </Flex>
      }
      extra={
        me.isAdmin ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('legalDeadlines.addVersion')}
          </Button>
        ) : null
      }
    >
      {rule.description ? <Typography.Paragraph type="secondary">{rule.description}</Typography.Paragraph> : null}
      {current ? (
        <VersionDetails version={current} />
      ) : (
        <Typography.Text type="secondary">{t('legalDeadlines.noneInForce')}</Typography.Text>
      )}
      {me.isAdmin && unconfirmed.length ? (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {unconfirmed.map((v) => (
            <Button
              key={v.id}
              size="small"
              type="primary"
              ghost
              loading={confirm.isPending && confirm.variables === v.id}
              onClick={() => confirm.mutate(v.id)}
            >
              {t('legalDeadlines.confirmVersion', { n: v.version })}
            </Button>
          ))}
        </Flex>
      ) : null}
      {rule.versions.length > 1 ? (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'all',
              label: t('legalDeadlines.allVersions', { count: rule.versions.length }),
              children: rule.versions.map((v) => <VersionDetails key={v.id} version={v} />),
            },
          ]}
        />
      ) : null}
      {adding ? <AddVersionModal rule={rule} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
