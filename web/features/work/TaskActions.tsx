import { useFormErrors } from '../../ui/FormErrors.tsx';
import {
  CheckCircleOutlined,
  FlagOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { AssigneeSelect, PersonSelect } from '../people/PersonSelect.tsx';
import { useReloadTask, useTaskMutation } from './useTaskMutation.ts';
import { TASK_ACTIONS, transitionTask, type TaskAction, type TaskDetail, type TransitionInput } from './work.api.ts';

const ICONS: Record<TaskAction, ReactNode> = {
  assign: <SendOutlined aria-hidden />,
  start: <PlayCircleOutlined aria-hidden />,
  report_done: <FlagOutlined aria-hidden />,
  accept: <CheckCircleOutlined aria-hidden />,
  return: <RollbackOutlined aria-hidden />,
  suspend: <PauseCircleOutlined aria-hidden />,
  resume: <PlayCircleOutlined aria-hidden />,
  cancel: <StopOutlined aria-hidden />,
  reassign: <SwapOutlined aria-hidden />,
};

/** Actions that need a reason (the server requires it too). */
const NEEDS_REASON = new Set<TaskAction>(['return', 'suspend', 'cancel', 'reassign']);
const PRIMARY = new Set<TaskAction>(['assign', 'start', 'report_done', 'accept', 'resume']);

/** The workflow buttons the caller may use now (permissions.actions), each asking what it needs first. */
export function TaskActions({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<TaskAction | null>(null);
  const actions = TASK_ACTIONS.filter((a) => detail.permissions.actions.includes(a));
  if (actions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap className="work-actions" role="group" aria-label={t('work.actions.label')}>
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={a === 'cancel'}
            icon={ICONS[a]}
            onClick={() => setAction(a)}
          >
            {t(`work.actions.${a}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={action !== null}
        title={action ? t(`work.actions.${action}`) : ''}
        onCancel={() => setAction(null)}
        footer={null}
        width={560}
        destroyOnHidden
      >
        {action ? <ActionForm detail={detail} action={action} onClose={() => setAction(null)} /> : null}
      </Modal>
    </>
  );
}

type Values = {
  reason?: string;
  reportedOn?: Dayjs | null;
  leadBodyId?: string | null;
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
};

const FIELDS = ['reason', 'reportedOn', 'leadBodyId', 'responsiblePersonId', 'assigneeAccountId', 'action'] as const;

function ActionForm({ detail, action, onClose }: { detail: TaskDetail; action: TaskAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const task = detail.task;
  const today = todayInVietnam();
  const reload = useReloadTask(task.id);
  const mutation = useTaskMutation(
    task.id,
    (v: Values) => {
      const body: TransitionInput = { version: task.version, action };
      if (v.reason?.trim()) body.reason = v.reason.trim();
      if (action === 'report_done' && v.reportedOn) body.reportedOn = v.reportedOn.format('YYYY-MM-DD');
      if (action === 'reassign') {
        if (v.leadBodyId && v.leadBodyId !== task.leadBodyId) body.leadBodyId = v.leadBodyId;
        if ((v.responsiblePersonId ?? null) !== task.responsiblePersonId)
          body.responsiblePersonId = v.responsiblePersonId ?? null;
        if ((v.assigneeAccountId ?? null) !== task.assigneeAccountId)
          body.assigneeAccountId = v.assigneeAccountId ?? null;
      }
      return transitionTask(task.id, body);
    },
    {
      onMutate: errors.reset,
      onSuccess: (d) => {
        void message.success(t(`work.actions.done.${action}`, { number: d.task.number }));
        onClose();
      },
      onError: errors.onError,
    },
  );
  const asOf = today.format('YYYY-MM-DD');
  const required = { required: true, whitespace: true, message: t('work.actions.reasonRequired') };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        reason: '',
        reportedOn: today,
        leadBodyId: task.leadBodyId,
        responsiblePersonId: task.responsiblePersonId,
        assigneeAccountId: task.assigneeAccountId,
      }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t(`work.actions.${action}`)}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={() => reload(onClose)} />
      <Typography.Paragraph>
        {t(`work.actions.explain.${action}`, { number: task.number, title: task.title })}
      </Typography.Paragraph>
      {action === 'report_done' ? (
        <>
          {task.subtaskCount > 0 && task.progress < 100 ? (
            <Alert className="form-alert" type="warning" showIcon title={t('work.actions.subtasksOpen')} />
          ) : null}
          <Form.Item
            name="reportedOn"
            label={t('work.progress.reportedOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(today, 'day')} allowClear={false} />
          </Form.Item>
        </>
      ) : null}
      {action === 'reassign' ? (
        <>
          <Form.Item
            name="leadBodyId"
            label={t('work.task.leadBody')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <BodySelect
              asOf={asOf}
              namedBy={{ bodyId: detail.programme.bodyId, rule: 'lead' }}
              initial={{ id: task.leadBodyId, name: task.leadBodyName }}
              aria-label={t('work.task.leadBody')}
            />
          </Form.Item>
          <Form.Item name="responsiblePersonId" label={t('work.task.responsible')}>
            <PersonSelect
              initial={
                task.responsiblePersonId
                  ? { id: task.responsiblePersonId, name: task.responsiblePersonName ?? '' }
                  : null
              }
              aria-label={t('work.task.responsible')}
            />
          </Form.Item>
          <Form.Item name="assigneeAccountId" label={t('work.task.assignee')}>
            <AssigneeSelect initialName={task.assigneeName} aria-label={t('work.task.assignee')} />
          </Form.Item>
        </>
      ) : null}
      {NEEDS_REASON.has(action) ? (
        <Form.Item name="reason" label={t('work.actions.reason')} rules={[required]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      ) : action === 'accept' || action === 'assign' ? null : (
        <Form.Item name="reason" label={t('work.actions.noteOptional')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      )}
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t(`work.actions.${action}`)} />
    </Form>
  );
}
