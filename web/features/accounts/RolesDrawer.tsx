import { DeleteOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { nextDay, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { LastDayField } from '../../ui/LastDayField.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import { errorText } from '../../ui/errors.ts';
import { listBodies, listKey } from '../bodies/bodies.api.ts';
import { inForceOn } from '../bodies/validity.ts';
import { validityColumns } from '../bodies/validityColumns.tsx';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import '../bodies/bodies.css';
import type { Account } from './accounts.api.ts';
import {
  addAssignment,
  assignmentsKey,
  deleteAssignment,
  listAssignments,
  listRoles,
  ROLES_KEY,
  updateAssignment,
  type RoleAssignment,
} from '../roles/roles.api.ts';

type Props = { account: Account | null; open: boolean; onClose: () => void };

/** "Vai trò": an account's dated roles on units (optionally narrowed to a body); add, end, delete. */
export function RolesDrawer({ account, open, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Drawer
      open={open && account !== null}
      onClose={onClose}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 820 : '92%'}
      title={account ? t('roles.title', { name: `${account.displayName} (${account.username})` }) : ''}
      destroyOnHidden
    >
      {account ? <RolesList account={account} /> : null}
    </Drawer>
  );
}

type Target = { mode: 'add' } | { mode: 'end'; assignment: RoleAssignment };

function RolesList({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target | null>(null);
  const today = todayInVietnam().format('YYYY-MM-DD');
  const list = useQuery({ queryKey: assignmentsKey(account.id), queryFn: () => listAssignments(account.id) });

  const remove = useMutation({
    mutationFn: (a: RoleAssignment) => deleteAssignment(a.id, a.version),
    onSuccess: (_r, a) => {
      void message.success(t('roles.deleted', { role: a.roleName, unit: a.unitName }));
      void queryClient.invalidateQueries({ queryKey: ROLES_KEY });
    },
    onError: (error) =>
      void message.error(isApiError(error) && error.status === 409 ? t('errors.conflict') : errorText(error, t)),
  });

  const confirmDelete = (a: RoleAssignment) => {
    modal.confirm({
      title: t('roles.deleteConfirm', { role: a.roleName, unit: a.unitName }),
      content: t('roles.deleteExplain'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(a).catch(() => undefined),
    });
  };

  // On phones each role is a card: the role, then the unit, the body, the dates and the buttons.
  const columns: ListColumns<RoleAssignment> = [
    {
      title: t('roles.role'),
      dataIndex: 'roleName',
      key: 'roleName',
      width: 110,
      phone: 'title',
      render: (v: string, a) => (inForceOn(a.validFrom, a.validTo, today) ? <strong>{v}</strong> : v),
    },
    {
      title: t('bodies.unit'),
      key: 'unit',
      width: 160,
      render: (_v, a) => (a.unitCode ? `${a.unitName} (${a.unitCode})` : a.unitName),
    },
    {
      title: t('roles.body'),
      dataIndex: 'bodyName',
      key: 'bodyName',
      render: (v: string | null) => v ?? <span className="muted">{t('roles.wholeUnit')}</span>,
    },
    ...validityColumns<RoleAssignment>(t),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_v, a) => (
        <Space size={0} wrap className="row-actions">
          {a.validTo === null ? (
            <Button
              type="link"
              size="small"
              icon={<StopOutlined aria-hidden />}
              onClick={() => setTarget({ mode: 'end', assignment: a })}
            >
              {t('roles.end')}
            </Button>
          ) : null}
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            onClick={() => confirmDelete(a)}
          >
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary" className="role-scope-note">
        {t('roles.scopeNote')}
      </Typography.Paragraph>
      <Flex justify="end" className="table-toolbar">
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setTarget({ mode: 'add' })}>
          {t('roles.add')}
        </Button>
      </Flex>
      <ListTable<RoleAssignment>
        label={t('roles.listLabel')}
        rowKey="id"
        size="small"
        columns={columns}
        rows={list.data ?? []}
        loading={list.isFetching}
        pagination={false}
        emptyText={list.isError ? errorText(list.error, t) : t('roles.empty')}
        // The drawer's 820 px hold every column; the body takes what the others leave.
        scrollX={760}
        cardsOnPhone
      />
      <RoleFormModal account={account} target={target} onClose={() => setTarget(null)} />
    </>
  );
}

type Values = {
  role?: string;
  unitCode?: string;
  bodyId?: string | null;
  validFrom?: Dayjs | null;
  lastDay?: Dayjs | null;
};

function RoleFormModal({ account, target, onClose }: { account: Account; target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = !target
    ? ''
    : target.mode === 'add'
      ? t('roles.addTitle', { name: account.displayName })
      : t('roles.endTitle', { role: target.assignment.roleName, unit: target.assignment.unitName });
  return (
    <Modal open={target !== null} title={title} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      {target ? <RoleForm account={account} target={target} title={title} onClose={onClose} /> : null}
    </Modal>
  );
}

function RoleForm({
  account,
  target,
  title,
  onClose,
}: {
  account: Account;
  target: Target;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const validFrom: Dayjs | null | undefined = Form.useWatch('validFrom', form);
  const unitCode: string | undefined = Form.useWatch('unitCode', form);
  const on = validFrom ? validFrom.format('YYYY-MM-DD') : todayInVietnam().format('YYYY-MM-DD');

  const roles = useQuery({
    queryKey: ROLES_KEY,
    queryFn: listRoles,
    staleTime: 300_000,
    enabled: target.mode === 'add',
  });
  const bodyQuery = { asOf: on, unit: unitCode ?? null };
  const bodies = useQuery({
    queryKey: listKey(bodyQuery),
    queryFn: ({ signal }) => listBodies(bodyQuery, signal),
    enabled: target.mode === 'add' && Boolean(unitCode),
  });

  const saving = useFormSave(form, {
    fields: ['role', 'unitCode', 'bodyId', 'validFrom', 'lastDay'],
    rename: { validTo: 'lastDay' },
    submit: (v: Values) => {
      const end = v.lastDay ? v.lastDay.format('YYYY-MM-DD') : null;
      const validTo = end ? nextDay(end) : null;
      if (target.mode === 'end')
        return updateAssignment(target.assignment.id, { version: target.assignment.version, validTo });
      return addAssignment(account.id, {
        role: v.role!,
        unitCode: v.unitCode!,
        bodyId: v.bodyId ?? null,
        validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
        validTo,
      });
    },
    savedText: (a) => t(target.mode === 'add' ? 'roles.added' : 'roles.ended', { role: a.roleName, unit: a.unitName }),
    refresh: [ROLES_KEY],
    done: onClose,
    reloadKey: ROLES_KEY,
    onClose,
  });
  const required = { required: true, message: t('validation.required') };
  const lastDayField = <LastDayField help={t('roles.lastDayHelp')} ending={target.mode === 'end'} />;

  return (
    <SavingForm
      saving={saving}
      initialValues={
        target.mode === 'add'
          ? { validFrom: todayInVietnam(), lastDay: null, bodyId: null }
          : { lastDay: dayjs(todayInVietnam()) }
      }
      title={title}
    >
      {target.mode === 'end' ? (
        <>
          <Alert
            className="form-alert"
            type="info"
            showIcon
            title={t('roles.endExplain', { name: account.displayName })}
          />
          {lastDayField}
        </>
      ) : (
        <>
          <Form.Item name="role" label={t('roles.role')} rules={[required]}>
            <Select
              autoFocus
              loading={roles.isFetching}
              options={(roles.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="unitCode" label={t('bodies.unit')} extra={t('roles.unitHelp')} rules={[required]}>
            <UnitSearchSelect
              asOf={on}
              placeholder={t('bodies.unitPlaceholder')}
              onChange={() => form.setFieldValue('bodyId', null)}
            />
          </Form.Item>
          <Form.Item name="bodyId" label={t('roles.body')} extra={t('roles.bodyHelp')}>
            <Select
              allowClear
              disabled={!unitCode}
              loading={bodies.isFetching}
              placeholder={t('roles.wholeUnit')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(bodies.data ?? []).filter((b) => b.inBloc).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="validFrom" label={t('people.validFrom')} className="position-date">
              <DateInput />
            </Form.Item>
            <div className="position-date">{lastDayField}</div>
          </Flex>
        </>
      )}
      <FormActions
        onCancel={onClose}
        submitting={saving.isPending}
        submitLabel={target.mode === 'end' ? t('roles.end') : undefined}
      />
    </SavingForm>
  );
}
