import { App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate } from '../../lib/format.ts';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { useReloadTask, useTaskMutation } from './useTaskMutation.ts';
import { decideExtension, requestExtension, type Extension, type TaskDetail } from './work.api.ts';

type RequestValues = { requestedDueDate?: Dayjs | null; reason: string };

/** "Đề nghị gia hạn": a button that opens the request form (the new due date and the reason). */
export function ExtensionRequestForm({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const [shown, setShown] = useState(false);
  const errors = useFormErrors(form, ['requestedDueDate', 'reason']);
  const due = detail.task.dueDate;
  const mutation = useTaskMutation(
    detail.task.id,
    (v: RequestValues) =>
      requestExtension(detail.task.id, {
        requestedDueDate: v.requestedDueDate!.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      }),
    {
      onMutate: errors.reset,
      onSuccess: () => {
        void message.success(t('work.extensions.requested'));
        form.resetFields();
        setShown(false);
      },
      onError: errors.onError,
    },
  );
  if (!shown) {
    return (
      <Button onClick={() => setShown(true)} className="work-ext-open">
        {t('work.extensions.request')}
      </Button>
    );
  }
  return (
    <Form<RequestValues>
      form={form}
      layout="vertical"
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('work.extensions.request')}
      initialValues={{ reason: '' }}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={errors.reset} />
      <Form.Item
        name="requestedDueDate"
        label={t('work.extensions.newDate')}
        extra={due ? t('work.extensions.currentDue', { date: formatDate(due) }) : null}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_r, v: Dayjs | null | undefined) =>
              v && due && !v.isAfter(dayjs(due), 'day')
                ? Promise.reject(new Error(t('work.extensions.mustBeLater')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          disabledDate={(d) => (due ? !d.isAfter(dayjs(due), 'day') : false)}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('work.extensions.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Flex justify="end" gap={8}>
        <Button onClick={() => setShown(false)}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('work.extensions.send')}
        </Button>
      </Flex>
    </Form>
  );
}

/** A manager grants or refuses an open extension request, with an optional note. */
export function DecideForm({
  detail,
  ext,
  decision,
  onClose,
}: {
  detail: TaskDetail;
  ext: Extension;
  decision: 'granted' | 'refused';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const errors = useFormErrors(form, ['note', 'decision']);
  const reload = useReloadTask(detail.task.id);
  const mutation = useTaskMutation(
    detail.task.id,
    (v: { note?: string }) =>
      decideExtension(ext.id, { version: ext.version, decision, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
    {
      onMutate: errors.reset,
      onSuccess: () => {
        void message.success(t(decision === 'granted' ? 'work.extensions.grantedDone' : 'work.extensions.refusedDone'));
        onClose();
      },
      onError: errors.onError,
    },
  );
  return (
    <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} aria-label={t('work.extensions.decide')}>
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={() => reload(onClose)} />
      <Typography.Paragraph className="work-pre">{ext.reason}</Typography.Paragraph>
      <Form.Item name="note" label={t('work.extensions.decisionNote')}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger={decision === 'refused'} htmlType="submit" loading={mutation.isPending}>
          {t(decision === 'granted' ? 'work.extensions.grant' : 'work.extensions.refuse')}
        </Button>
      </Flex>
    </Form>
  );
}
