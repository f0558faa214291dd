import { DatePicker, type DatePickerProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../lib/format.ts';

/** A date field in the app's format (dd/mm/yyyy), as wide as its form item; other props go to the DatePicker. */
export function DateInput(props: DatePickerProps) {
  const { t } = useTranslation();
  return (
    <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} {...props} />
  );
}
