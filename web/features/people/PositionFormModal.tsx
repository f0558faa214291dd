import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Checkbox, DatePicker, Flex, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate, nextDay } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { BODIES_KEY } from '../bodies/bodies.api.ts';
import { lastDay } from '../units/units.api.ts';
import { addPosition, PEOPLE_KEY, updatePosition, type Position } from './people.api.ts';

/** Thêm chức vụ (no position), Sửa or Kết thúc chức vụ (a position). */
export type PositionTarget =
  | { mode: 'add'; personId: string; personName: string }
  | { mode: 'edit' | 'end'; personName: string; position: Position };

type Props = { target: PositionTarget | null; asOf: string; onClose: () => void };

type Values = {
  bodyId?: string;
  title?: string;
  validFrom?: Dayjs | null;
  lastDay?: Dayjs | null;
  acting?: boolean;
  concurrent?: boolean;
};

/** Usual titles, offered while typing (any other may be typed). */
const TITLES = [
  'Chủ tịch',
  'Phó Chủ tịch',
  'Trưởng Cơ quan Khối',
  'Phó Trưởng Cơ quan Khối',
  'Trưởng Ban Dân vận',
  'Bí thư',
  'Trưởng ban',
  'Ủy viên',
];

const FIELDS = ['bodyId', 'title', 'validFrom', 'lastDay', 'acting', 'concurrent'] as const;
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function PositionFormModal({ target, asOf, onClose }: Props) {
  const { t } = useTranslation();
  const title = !target
    ? ''
    : target.mode === 'add'
      ? t('people.addPositionTitle', { name: target.personName })
      : t(target.mode === 'edit' ? 'people.editPositionTitle' : 'people.endPositionTitle', {
          title: target.position.title,
          body: target.position.bodyName,
        });
  return (
    <Modal open={target !== null} title={title} onCancel={onClose} footer={null} width={600} destroyOnHidden>
      {target ? <PositionForm target={target} asOf={asOf} title={title} onClose={onClose} /> : null}
    </Modal>
  );
}

function PositionForm({
  target,
  asOf,
  title,
  onClose,
}: {
  target: PositionTarget;
  asOf: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The form asks for the last day held; the API takes the first day no longer held.
  const errors = useFormErrors(form, FIELDS, { validTo: 'lastDay' });
  const validFrom: Dayjs | null | undefined = Form.useWatch('validFrom', form);
  const on = iso(validFrom) ?? asOf;
  const position = target.mode === 'add' ? null : target.position;

  const initialValues: Values = position
    ? {
        title: position.title,
        validFrom: position.validFrom ? dayjs(position.validFrom) : null,
        lastDay: position.validTo ? dayjs(lastDay(position.validTo)) : target.mode === 'end' ? dayjs(asOf) : null,
        acting: position.acting,
        concurrent: position.concurrent,
      }
    : { title: '', validFrom: dayjs(asOf), lastDay: null, acting: false, concurrent: false };

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const end = iso(v.lastDay);
      const validTo = end ? nextDay(end) : null;
      if (target.mode === 'add') {
        return addPosition(target.personId, {
          bodyId: v.bodyId!,
          title: v.title!.trim(),
          validFrom: iso(v.validFrom),
          validTo,
          acting: v.acting ?? false,
          concurrent: v.concurrent ?? false,
        });
      }
      if (target.mode === 'end')
        return updatePosition(target.position.id, { version: target.position.version, validTo });
      return updatePosition(target.position.id, {
        version: target.position.version,
        title: v.title!.trim(),
        validFrom: iso(v.validFrom),
        validTo,
        acting: v.acting ?? false,
        concurrent: v.concurrent ?? false,
      });
    },
    onMutate: errors.reset,
    onSuccess: (saved) => {
      const key =
        target.mode === 'add'
          ? 'people.positionAdded'
          : target.mode === 'end'
            ? 'people.positionEnded'
            : 'people.positionSaved';
      void message.success(t(key, { title: saved.title, body: saved.bodyName }));
      void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
      void queryClient.invalidateQueries({ queryKey: BODIES_KEY });
      onClose();
    },
    onError: errors.onError,
  });

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
    onClose();
  };
  const required = { required: true, message: t('validation.required') };
  const lastDayField = (
    <Form.Item
      name="lastDay"
      label={t('people.lastDay')}
      extra={t('people.lastDayHelp')}
      rules={target.mode === 'end' ? [required] : []}
    >
      <DatePicker
        format={DATE_FORMAT}
        placeholder={t('common.datePlaceholder')}
        style={{ width: '100%' }}
        autoFocus={target.mode === 'end'}
      />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={title}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={reload} />
      {target.mode === 'end' ? (
        <>
          <Alert
            className="form-alert"
            type="info"
            showIcon
            title={t('people.endPositionExplain', {
              name: target.personName,
              title: target.position.title,
              body: target.position.bodyName,
            })}
          />
          {lastDayField}
        </>
      ) : (
        <>
          {target.mode === 'add' ? (
            <Form.Item
              name="bodyId"
              label={t('people.body')}
              extra={t('people.bodyHelp', { date: formatDate(on) })}
              rules={[required]}
            >
              <BodySelect asOf={on} autoFocus />
            </Form.Item>
          ) : null}
          <Form.Item name="title" label={t('people.title')} rules={[{ ...required, whitespace: true }]}>
            <AutoComplete
              options={TITLES.map((x) => ({ value: x }))}
              showSearch={{
                filterOption: (input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase()),
              }}
              maxLength={200}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              name="validFrom"
              label={t('people.validFrom')}
              extra={t('people.validFromHelp')}
              className="position-date"
            >
              <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
            </Form.Item>
            <div className="position-date">{lastDayField}</div>
          </Flex>
          <Form.Item name="acting" valuePropName="checked" className="position-check">
            <Checkbox>{t('people.actingLabel')}</Checkbox>
          </Form.Item>
          <Form.Item name="concurrent" valuePropName="checked">
            <Checkbox>{t('people.concurrentLabel')}</Checkbox>
          </Form.Item>
        </>
      )}
      <FormActions
        onCancel={onClose}
        submitting={mutation.isPending}
        submitLabel={target.mode === 'end' ? t('people.endPosition') : undefined}
      />
    </Form>
  );
}
