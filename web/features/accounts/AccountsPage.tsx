import { tablePagination } from '../../ui/pagination.ts';
import { ExportButton, exportUrl } from '../../ui/ExportButton.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { errorText } from '../../ui/errors.ts';
import { useMe } from '../auth/session.ts';
import { AccountFormModal } from './AccountFormModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { RolesDrawer } from './RolesDrawer.tsx';
import { ACCOUNTS_KEY, listAccounts, setAccountDisabled, type Account } from './accounts.api.ts';
import { positiveIntParam } from '../../lib/url-params.ts';


/** "Quản trị › Tài khoản": search, page through, add, edit, lock/unlock and reset passwords of accounts. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  // On wide screens the login and the actions stay in view while the table scrolls sideways; not on phones.
  const wide = Grid.useBreakpoint().md === true;
  // Search and paging live in the address, so a reload or a shared link shows the same page.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = positiveIntParam(params.get('page'), 1);
  const pageSize = positiveIntParam(params.get('pageSize'), 20);
  const [search, setSearch] = useState(q);
  const [form, setForm] = useState<{ open: boolean; account: Account | null }>({ open: false, account: null });
  const [resetting, setResetting] = useState<{ open: boolean; account: Account | null }>({ open: false, account: null });
  const [rolesOf, setRolesOf] = useState<{ open: boolean; account: Account | null }>({ open: false, account: null });

  const list = useQuery({
    queryKey: [...ACCOUNTS_KEY, { q, page, pageSize }],
    queryFn: () => listAccounts({ q, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const toggle = useMutation({
    mutationFn: (account: Account) => setAccountDisabled(account.id, !account.disabled),
    onSuccess: ({ account }) => {
      void message.success(t(account.disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { name: account.displayName }));
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const update = (next: { q?: string; page?: number; pageSize?: number }) => {
    const merged = { q, page, pageSize, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.page !== 1) out.set('page', String(merged.page));
    if (merged.pageSize !== 20) out.set('pageSize', String(merged.pageSize));
    setParams(out, { replace: true });
  };

  const confirmToggle = (account: Account) => {
    const name = `${account.displayName} (${account.username})`;
    modal.confirm({
      title: t(account.disabled ? 'accounts.enableConfirm' : 'accounts.disableConfirm', { name }),
      content: account.disabled ? t('accounts.enableExplain') : t('accounts.disableExplain'),
      okText: account.disabled ? t('accounts.enable') : t('accounts.disable'),
      okButtonProps: { danger: !account.disabled },
      cancelText: t('common.cancel'),
      onOk: () => toggle.mutateAsync(account).catch(() => undefined),
    });
  };

  const columns: TableColumnsType<Account> = [
    { title: t('fields.username'), dataIndex: 'username', key: 'username', width: 140, fixed: wide ? 'left' : undefined },
    { title: t('fields.displayName'), dataIndex: 'displayName', key: 'displayName', width: 190 },
    {
      title: t('accounts.status'),
      key: 'status',
      width: 170,
      render: (_v, a) => (
        <Space size={4} wrap>
          {a.disabled ? <Tag color="default">{t('accounts.statusDisabled')}</Tag> : <Tag color="green">{t('accounts.statusActive')}</Tag>}
          {a.mustChangePassword ? <Tag color="gold">{t('accounts.mustChangePassword')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('accounts.role'),
      key: 'isAdmin',
      width: 125,
      render: (_v, a) => (a.isAdmin ? <Tag color="red">{t('accounts.admin')}</Tag> : null),
    },
    {
      title: t('accounts.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 145,
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('accounts.neverSignedIn')}</Typography.Text>),
    },
    { title: t('fields.email'), dataIndex: 'email', key: 'email', width: 200, ellipsis: true },
    { title: t('fields.phone'), dataIndex: 'phone', key: 'phone', width: 125 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 290,
      fixed: wide ? 'right' : undefined,
      render: (_v, a) => (
        <Space size={0} wrap className="row-actions">
          <Button type="link" size="small" icon={<EditOutlined aria-hidden />} onClick={() => setForm({ open: true, account: a })}>
            {t('common.edit')}
          </Button>
          {a.id === me.id ? null : (
            <Button
              type="link"
              size="small"
              danger={!a.disabled}
              icon={a.disabled ? <UnlockOutlined aria-hidden /> : <LockOutlined aria-hidden />}
              onClick={() => confirmToggle(a)}
            >
              {a.disabled ? t('accounts.enable') : t('accounts.disable')}
            </Button>
          )}
          <Button type="link" size="small" icon={<KeyOutlined aria-hidden />} onClick={() => setResetting({ open: true, account: a })}>
            {t('accounts.resetPassword')}
          </Button>
          <Button type="link" size="small" icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => setRolesOf({ open: true, account: a })}>
            {t('roles.button')}
          </Button>
        </Space>
      ),
    },
  ];

  const pagination = tablePagination(t, { page, pageSize, total: list.data?.total });

  return (
    <>
      <PageHeader
        title={t('nav.accounts')}
        extra={
          <>
            <ExportButton href={exportUrl('/api/accounts/export.xlsx', { q })} />
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ open: true, account: null })}>
              {t('common.add')}
            </Button>
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap className="table-toolbar">
          <SearchBox
            className="table-search"
            label={t('accounts.searchLabel')}
            placeholder={t('accounts.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onSearch={(q) => update({ q: q ?? '', page: 1 })}
          />
        </Flex>
        <Table<Account>
          rowKey="id"
          size="middle"
          sticky={{ offsetHeader: 56 }}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={pagination}
          onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? pageSize })}
          scroll={{ x: 1385 }}
          locale={{ emptyText: list.isError ? errorText(list.error, t) : q ? t('accounts.noMatch') : t('accounts.empty') }}
          aria-label={t('nav.accounts')}
        />
      </Card>
      <AccountFormModal open={form.open} account={form.account} onClose={() => setForm((f) => ({ ...f, open: false }))} />
      <ResetPasswordModal open={resetting.open} account={resetting.account} onClose={() => setResetting((r) => ({ ...r, open: false }))} />
      <RolesDrawer open={rolesOf.open} account={rolesOf.account} onClose={() => setRolesOf((r) => ({ ...r, open: false }))} />
    </>
  );
}
