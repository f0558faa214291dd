import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { createGroup, deleteGroup, updateGroup, WORK_KEY, type Group } from './work.api.ts';

type Props = { open: boolean; programmeId: string; ownerBodyId: string; groups: Group[]; onClose: () => void };

/** "Nhóm nhiệm vụ": add, rename (and set the group's lead body), move up/down and delete the programme's task groups. */
export function GroupsModal({ open, programmeId, ownerBodyId, groups, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('work.groups.title')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <GroupsEditor programmeId={programmeId} ownerBodyId={ownerBodyId} groups={groups} />
    </Modal>
  );
}

function GroupsEditor({
  programmeId,
  ownerBodyId,
  groups,
}: {
  programmeId: string;
  ownerBodyId: string;
  groups: Group[];
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: WORK_KEY });
  const fail = (e: unknown) =>
    setError({
      text: isApiError(e) && e.code === 'CONFLICT' ? t('errors.conflict') : errorText(e, t),
      conflict: isApiError(e) && e.code === 'CONFLICT',
    });

  const move = useMutation({
    mutationFn: ({ group, position }: { group: Group; position: number }) =>
      updateGroup(group.id, { version: group.version, position }),
    onMutate: () => setError(null),
    onSuccess: () => refresh(),
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (group: Group) => deleteGroup(group.id, group.version),
    onMutate: () => setError(null),
    onSuccess: (_r, group) => {
      void message.success(t('work.groups.deleted', { name: group.name }));
      void refresh();
    },
    onError: fail,
  });

  const confirmDelete = (g: Group) => {
    modal.confirm({
      title: t('work.groups.deleteConfirm', { name: g.name }),
      content: g.counts.total > 0 ? t('work.groups.deleteHasTasks') : null,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(g).catch(() => undefined),
    });
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('work.groups.intro')}</Typography.Paragraph>
      {error ? (
        <Alert
          className="form-alert"
          type={error.conflict ? 'warning' : 'error'}
          showIcon
          title={error.text}
          action={
            error.conflict ? (
              <Button size="small" onClick={() => void refresh().then(() => setError(null))}>
                {t('common.reload')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <ol className="work-groups-list">
        {groups.map((g, i) => (
          <li key={g.id} className="work-groups-item">
            {editing === g.id ? (
              <GroupForm
                group={g}
                programmeId={programmeId}
                ownerBodyId={ownerBodyId}
                onDone={() => {
                  setEditing(null);
                  void refresh();
                }}
              />
            ) : (
              <Flex gap={8} align="center" justify="space-between" wrap>
                <div className="work-groups-name">
                  <strong>{g.position}.</strong> {g.name}
                  <div className="muted work-groups-meta">
                    {t('work.counts.total', { count: g.counts.total })}
                    {g.leadBodyName ? ` · ${t('work.groups.leadBody')}: ${g.leadBodyName}` : ''}
                  </div>
                </div>
                <Space size={2}>
                  <Tooltip title={t('work.groups.up')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined aria-hidden />}
                      aria-label={t('work.groups.upNamed', { name: g.name })}
                      disabled={i === 0 || move.isPending}
                      onClick={() => move.mutate({ group: g, position: g.position - 1 })}
                    />
                  </Tooltip>
                  <Tooltip title={t('work.groups.down')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined aria-hidden />}
                      aria-label={t('work.groups.downNamed', { name: g.name })}
                      disabled={i === groups.length - 1 || move.isPending}
                      onClick={() => move.mutate({ group: g, position: g.position + 1 })}
                    />
                  </Tooltip>
                  <Tooltip title={t('common.edit')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined aria-hidden />}
                      aria-label={t('work.groups.editNamed', { name: g.name })}
                      onClick={() => setEditing(g.id)}
                    />
                  </Tooltip>
                  <Tooltip title={t('common.delete')}>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('work.groups.deleteNamed', { name: g.name })}
                      onClick={() => confirmDelete(g)}
                    />
                  </Tooltip>
                </Space>
              </Flex>
            )}
          </li>
        ))}
      </ol>
      {groups.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('work.groups.none')}</Typography.Paragraph>
      ) : null}
      <Typography.Title level={5} className="work-groups-add-title">
        {t('work.groups.add')}
      </Typography.Title>
      <GroupForm group={null} programmeId={programmeId} ownerBodyId={ownerBodyId} onDone={() => void refresh()} />
    </>
  );
}

type GroupValues = { name: string; leadBodyId?: string | null };

/** Adds a group at the end, or renames one (and sets its lead body). */
function GroupForm({
  group,
  programmeId,
  ownerBodyId,
  onDone,
}: {
  group: Group | null;
  programmeId: string;
  ownerBodyId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GroupValues>();
  const [error, setError] = useState<string | null>(null);
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const mutation = useMutation({
    mutationFn: (v: GroupValues) =>
      group
        ? updateGroup(group.id, { version: group.version, name: v.name.trim(), leadBodyId: v.leadBodyId ?? null })
        : createGroup(programmeId, { name: v.name.trim(), leadBodyId: v.leadBodyId ?? null }),
    onMutate: () => setError(null),
    onSuccess: (g) => {
      void message.success(t(group ? 'work.groups.saved' : 'work.groups.added', { name: g.name }));
      if (!group) form.resetFields();
      onDone();
    },
    onError: (e) => setError(isApiError(e) && e.code === 'CONFLICT' ? t('errors.conflict') : errorText(e, t)),
  });
  return (
    <Form<GroupValues>
      form={form}
      layout="vertical"
      initialValues={{ name: group?.name ?? '', leadBodyId: group?.leadBodyId ?? null }}
      onFinish={(v) => mutation.mutate(v)}
      className="work-group-form"
      aria-label={group ? t('work.groups.editNamed', { name: group.name }) : t('work.groups.add')}
    >
      {error ? <Alert className="form-alert" type="error" showIcon title={error} /> : null}
      <Form.Item
        name="name"
        label={t('work.groups.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={300} autoFocus={group !== null} />
      </Form.Item>
      <Form.Item name="leadBodyId" label={t('work.groups.leadBodyOptional')}>
        <BodySelect
          asOf={asOf}
          namedBy={{ bodyId: ownerBodyId, rule: 'lead' }}
          initial={group?.leadBodyId ? { id: group.leadBodyId, name: group.leadBodyName ?? '' } : null}
          aria-label={t('work.groups.leadBody')}
        />
      </Form.Item>
      <Flex justify="end" gap={8}>
        {group ? <Button onClick={onDone}>{t('common.cancel')}</Button> : null}
        <Button
          type={group ? 'primary' : 'default'}
          htmlType="submit"
          icon={group ? undefined : <PlusOutlined aria-hidden />}
          loading={mutation.isPending}
        >
          {group ? t('common.save') : t('work.groups.addButton')}
        </Button>
      </Flex>
    </Form>
  );
}
