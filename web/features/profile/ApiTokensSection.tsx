import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { listTokens, revokeToken, TOKENS_KEY, type ApiToken } from './tokens.api.ts';

/** "Mã truy cập API": the person's own tokens for scripts and other systems. */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: listTokens });

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: (_r, token) => {
      void message.success(t('tokens.revoked', { name: token.name }));
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const confirmRevoke = (token: ApiToken) => {
    modal.confirm({
      title: t('tokens.revokeConfirm', { name: token.name }),
      content: t('tokens.revokeExplain'),
      okText: t('tokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync(token).catch(() => undefined),
    });
  };

  // On a phone each token is a card: its name, its dates as labelled lines and "Thu hồi" at its foot.
  const columns: ListColumns<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name', phone: 'title' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    {
      title: t('tokens.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>,
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (v: string | null) => (v ? formatDate(v) : <Tag>{t('tokens.noExpiry')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_v, token) => (
        <Button
          type="link"
          danger
          size="small"
          icon={<DeleteOutlined aria-hidden />}
          onClick={() => confirmRevoke(token)}
        >
          {t('tokens.revoke')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="card-title">{t('tokens.title')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('common.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <ListTable<ApiToken>
        label={t('tokens.title')}
        rowKey="id"
        columns={columns}
        rows={tokens.data?.items ?? []}
        loading={tokens.isPending}
        pagination={false}
        scrollX={720}
        emptyText={tokens.isError ? errorText(tokens.error, t) : t('tokens.empty')}
        cardsOnPhone
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
