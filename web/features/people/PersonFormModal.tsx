import { Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../ui/FormActions.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import {
  createPerson,
  PEOPLE_KEY,
  updatePerson,
  type Gender,
  type Person,
  type PersonDetail,
  type PersonInput,
} from './people.api.ts';

/** `person: null` adds a person; a person's detail edits them. */
type Props = {
  open: boolean;
  person: Pick<PersonDetail, 'person' | 'personal'> | null;
  onClose: () => void;
  onSaved?: (person: Person) => void;
};

type Values = {
  fullName: string;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  phone?: string;
  email?: string;
  address?: string;
  notes?: string;
};

const FIELDS = ['fullName', 'gender', 'birthDate', 'phone', 'email', 'address', 'notes'] as const;
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Thêm mới / Sửa a person. Editing sends the version it read. */
export function PersonFormModal({ open, person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = person ? t('people.editTitle', { name: person.person.fullName }) : t('people.createTitle');
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={600} destroyOnHidden>
      <PersonForm detail={person} title={title} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function PersonForm({
  detail,
  title,
  onClose,
  onSaved,
}: {
  detail: Props['person'];
  title: string;
  onClose: () => void;
  onSaved?: Props['onSaved'];
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const personal = detail?.personal ?? null;
  const initialValues: Values = detail
    ? {
        fullName: detail.person.fullName,
        gender: detail.person.gender,
        birthDate: personal?.birthDate ? dayjs(personal.birthDate) : null,
        phone: personal?.phone ?? '',
        email: personal?.email ?? '',
        address: personal?.address ?? '',
        notes: personal?.notes ?? '',
      }
    : { fullName: '', gender: null, birthDate: null, phone: '', email: '', address: '', notes: '' };

  const saving = useFormSave(form, {
    fields: FIELDS,
    submit: (v: Values) => {
      const input: PersonInput = {
        fullName: v.fullName.trim(),
        gender: v.gender ?? null,
        birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
        phone: blankToNull(v.phone),
        email: blankToNull(v.email),
        address: blankToNull(v.address),
        notes: blankToNull(v.notes),
      };
      if (!detail) return createPerson(input);
      // Personal fields hidden from this account are left as they are.
      const { fullName, gender, ...rest } = input;
      return updatePerson(detail.person.id, {
        version: detail.person.version,
        fullName,
        gender,
        ...(personal ? rest : {}),
      });
    },
    savedText: (saved) => t(detail ? 'people.saved' : 'people.created', { name: saved.fullName }),
    refresh: [PEOPLE_KEY],
    done: (saved) => {
      onClose();
      onSaved?.(saved);
    },
    reloadKey: PEOPLE_KEY,
    onClose,
  });
  const showPersonal = !detail || personal !== null;

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      <Form.Item
        name="fullName"
        label={t('people.fullName')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input autoFocus autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item name="gender" label={t('people.gender')}>
        <Select
          allowClear
          options={[
            { value: 'male', label: t('people.genders.male') },
            { value: 'female', label: t('people.genders.female') },
          ]}
        />
      </Form.Item>
      {showPersonal ? (
        <>
          <Form.Item name="birthDate" label={t('people.birthDate')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="phone" label={t('fields.phone')} extra={t('fields.phoneHelp')}>
            <Input type="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item name="address" label={t('people.address')}>
            <Input autoComplete="off" maxLength={500} />
          </Form.Item>
          <Form.Item name="notes" label={t('people.notes')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      ) : null}
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}
