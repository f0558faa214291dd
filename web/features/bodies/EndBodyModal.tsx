import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate, nextDay } from '../../lib/format.ts';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { BodySelect } from './BodySelect.tsx';
import { BODIES_KEY, endBody, type Body } from './bodies.api.ts';

type Props = { body: Body | null; asOf: string; onClose: () => void };

type Values = { lastDay: Dayjs; successorIds: string[] };

/** Kết thúc a body: its last day and the bodies that take over its work. */
export function EndBodyModal({ body, asOf, onClose }: Props) {
  const { t } = useTranslation();
  const title = body ? t('bodies.endTitle', { name: body.name }) : '';
  return (
    <Modal open={body !== null} title={title} onCancel={onClose} footer={null} width={600} destroyOnHidden>
      {body ? <EndForm body={body} asOf={asOf} title={title} onClose={onClose} /> : null}
    </Modal>
  );
}

function EndForm({ body, asOf, title, onClose }: { body: Body; asOf: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, ['lastDay', 'successorIds'], { date: 'lastDay' });
  const last: Dayjs = Form.useWatch('lastDay', form) ?? dayjs(asOf);
  const lastIso = last.format('YYYY-MM-DD');
  // The successors exist from the day after the last day.
  const firstAfter = nextDay(lastIso);

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      endBody(body.id, {
        version: body.version,
        date: nextDay(v.lastDay.format('YYYY-MM-DD')),
        successorIds: v.successorIds ?? [],
      }),
    onMutate: errors.reset,
    onSuccess: (saved) => {
      void message.success(t('bodies.endedDone', { name: saved.name, date: formatDate(lastIso) }));
      void queryClient.invalidateQueries({ queryKey: BODIES_KEY });
      onClose();
    },
    onError: errors.onError,
  });

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: BODIES_KEY });
    onClose();
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ lastDay: dayjs(asOf), successorIds: [] }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={title}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={reload} />
      <Alert
        className="form-alert"
        type="warning"
        showIcon
        title={t('bodies.endConfirm', { name: body.name, date: formatDate(lastIso) })}
        description={t('bodies.endExplain')}
      />
      <Form.Item
        name="lastDay"
        label={t('bodies.lastDay')}
        extra={t('bodies.lastDayHelp')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          allowClear={false}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="successorIds"
        label={t('bodies.successors')}
        extra={t('bodies.successorsHelp', { date: formatDate(firstAfter) })}
      >
        <BodySelect multiple asOf={firstAfter} excludeId={body.id} />
      </Form.Item>
      <Flex justify="end" gap={8} className="form-actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger htmlType="submit" loading={mutation.isPending}>
          {t('bodies.end')}
        </Button>
      </Flex>
    </Form>
  );
}
