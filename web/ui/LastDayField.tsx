import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from './DateInput.tsx';

type Props = { help: string; ending: boolean };

/** "Đến ngày" of something held over a period (a position, a role): the form asks for the last day, the API takes
 * the first day after. Required and focused when the form is there to end it. */
export function LastDayField({ help, ending }: Props) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="lastDay"
      label={t('people.lastDay')}
      extra={help}
      rules={ending ? [{ required: true, message: t('validation.required') }] : []}
    >
      <DateInput autoFocus={ending} />
    </Form.Item>
  );
}
