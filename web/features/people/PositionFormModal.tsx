import { Alert, AutoComplete, Checkbox, Flex, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate, nextDay } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { LastDayField } from '../../ui/LastDayField.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
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
  const [form] = Form.useForm<Values>();
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

  const saving = useFormSave(form, {
    fields: FIELDS,
    // The form asks for the last day held; the API takes the first day no longer held.
    rename: { validTo: 'lastDay' },
    submit: (v: Values) => {
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
    savedText: (saved) => {
      const key =
        target.mode === 'add'
          ? 'people.positionAdded'
          : target.mode === 'end'
            ? 'people.positionEnded'
            : 'people.positionSaved';
      return t(key, { title: saved.title, body: saved.bodyName });
    },
    refresh: [PEOPLE_KEY, BODIES_KEY],
    done: onClose,
    reloadKey: PEOPLE_KEY,
    onClose,
  });

  const required = { required: true, message: t('validation.required') };
  const lastDayField = <LastDayField help={t('people.lastDayHelp')} ending={target.mode === 'end'} />;

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
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
              <DateInput />
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
        submitting={saving.isPending}
        submitLabel={target.mode === 'end' ? t('people.endPosition') : undefined}
      />
    </SavingForm>
  );
}
