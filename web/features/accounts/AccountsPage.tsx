import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Grid, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { exportUrl } from '../../ui/ExportButton.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { errorText } from '../../ui/errors.ts';
import { useListQuery } from '../../ui/useListQuery.ts';
import { useMe } from '../auth/session.ts';
import { AccountFormModal } from './AccountFormModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { RolesDrawer } from './RolesDrawer.tsx';
import { ACCOUNTS_KEY, listAccounts, setAccountDisabled, type Account } from './accounts.api.ts';

/** "Quản trị › Tài khoản": search, page through, add, edit, lock/unlock and reset passwords of accounts. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  // On wide screens the login and the actions stay in view while the table scrolls sideways; not on phones.
  const wide = Grid.useBreakpoint().md === true;
  const list = useListQuery({
    filters: (params) => ({ q: params.get('q') ?? '' }),
    queryKey: (filters, paging) => [...ACCOUNTS_KEY, { ...filters, ...paging }],
    queryFn: (filters, paging, signal) => listAccounts({ ...filters, ...paging }, signal),
  });
  const { q } = list.filters;
  const [form, setForm] = useState<{ open: boolean; account: Account | null }>({ open: false, account: null });
  const [resetting, setResetting] = useState<{ open: boolean; account: Account | null }>({
    open: false,
    account: null,
  });
  const [rolesOf, setRolesOf] = useState<{ open: boolean; account: Account | null }>({ open: false, account: null });

  const toggle = useMutation({
    mutationFn: (account: Account) => setAccountDisabled(account.id, !account.disabled),
    onSuccess: ({ account }) => {
      void message.success(
        t(account.disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { name: account.displayName }),
      );
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

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

  // At 1366 px everything but the e-mail and the phone fits beside the menu (on a tablet, not the role and the last
  // sign-in either); the rest is in the row's expansion (on phones, behind the card's "Chi tiết").
  const columns: ListColumns<Account> = [
    {
      title: t('fields.username'),
      dataIndex: 'username',
      key: 'username',
      width: 130,
      fixed: wide ? 'left' : undefined,
      ellipsis: true,
      phone: 'title',
    },
    { title: t('fields.displayName'), dataIndex: 'displayName', key: 'displayName', width: 170 },
    {
      title: t('accounts.status'),
      key: 'status',
      width: 150,
      render: (_v, a) => (
        <Space size={4} wrap>
          {a.disabled ? (
            <Tag color="default">{t('accounts.statusDisabled')}</Tag>
          ) : (
            <Tag color="green">{t('accounts.statusActive')}</Tag>
          )}
          {a.mustChangePassword ? <Tag color="gold">{t('accounts.mustChangePassword')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('accounts.role'),
      key: 'isAdmin',
      width: 120,
      responsive: ['xl'],
      phone: 'line',
      render: (_v, a) => (a.isAdmin ? <Tag color="red">{t('accounts.admin')}</Tag> : null),
    },
    {
      title: t('accounts.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 150,
      responsive: ['xl'],
      phone: 'line',
      render: (v: string | null) =>
        v ? (
          <span className="list-nowrap">{formatDateTime(v)}</span>
        ) : (
          <Typography.Text type="secondary">{t('accounts.neverSignedIn')}</Typography.Text>
        ),
    },
    {
      title: t('fields.email'),
      dataIndex: 'email',
      key: 'email',
      width: 220,
      ellipsis: true,
      responsive: ['xxl'],
    },
    { title: t('fields.phone'), dataIndex: 'phone', key: 'phone', width: 130, responsive: ['xxl'] },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      fixed: wide ? 'right' : undefined,
      render: (_v, a) => (
        <Space size={0} wrap className="row-actions">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined aria-hidden />}
            onClick={() => setForm({ open: true, account: a })}
          >
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
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined aria-hidden />}
            onClick={() => setResetting({ open: true, account: a })}
          >
            {t('accounts.resetPassword')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<SafetyCertificateOutlined aria-hidden />}
            onClick={() => setRolesOf({ open: true, account: a })}
          >
            {t('roles.button')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <ListPage<Account>
      title={t('nav.accounts')}
      exportHref={exportUrl('/api/accounts/export.xlsx', { q })}
      actions={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setForm({ open: true, account: null })}
        >
          {t('common.add')}
        </Button>
      }
      filters={
        <SearchBox
          className="table-search"
          label={t('accounts.searchLabel')}
          placeholder={t('accounts.searchPlaceholder')}
          value={q}
          onSearch={(text) => list.setFilters({ q: text })}
        />
      }
      list={list}
      columns={columns}
      cardsOnPhone
      emptyText={q ? t('accounts.noMatch') : t('accounts.empty')}
    >
      <AccountFormModal
        open={form.open}
        account={form.account}
        onClose={() => setForm((f) => ({ ...f, open: false }))}
      />
      <ResetPasswordModal
        open={resetting.open}
        account={resetting.account}
        onClose={() => setResetting((r) => ({ ...r, open: false }))}
      />
      <RolesDrawer
        open={rolesOf.open}
        account={rolesOf.account}
        onClose={() => setRolesOf((r) => ({ ...r, open: false }))}
      />
    </ListPage>
  );
}
