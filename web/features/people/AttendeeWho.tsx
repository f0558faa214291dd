import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from './people.api.ts';
import { PersonSelect } from './PersonSelect.tsx';

type Props = {
  /** The row's index in its Form.List. */
  name: number;
  /** A person typed by name (no record of them), or one chosen among the people. */
  free: boolean;
  personId?: string | null;
  personName?: string;
  className?: string;
  nameLabel: string;
  personLabel: string;
  /** Also told when a person is chosen (after the field itself is set). */
  onPerson?: (person: Person | null) => void;
};

/** Who attended a meeting, in a Form.List row: a person of the records, or a name typed for one who has none. */
export function AttendeeWho({ name, free, personId, personName, className, nameLabel, personLabel, onPerson }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const required = { required: true, message: t('validation.required') };
  return free ? (
    <Form.Item name={[name, 'name']} className={className} rules={[{ ...required, whitespace: true }]}>
      <Input maxLength={200} placeholder={nameLabel} aria-label={nameLabel} />
    </Form.Item>
  ) : (
    <Form.Item name={[name, 'personId']} className={className} rules={[required]}>
      <PersonSelect
        initial={personId ? { id: personId, name: personName ?? '' } : null}
        aria-label={personLabel}
        onChange={
          onPerson
            ? (id, person) => {
                form.setFieldValue(['attendees', name, 'personId'], id);
                onPerson(person);
              }
            : undefined
        }
      />
    </Form.Item>
  );
}
