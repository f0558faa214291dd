import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../lib/format.ts';

type Props = { id: string; value: string; onChange: (isoDate: string) => void; className?: string };

/** "Tại ngày [dd/mm/yyyy]": the date a dated page is read as of. Always has a value; hands back YYYY-MM-DD. */
export function AsOfPicker({ id, value, onChange, className }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id} className="unit-date-label">
        {t('common.asOf')}
      </label>
      <DatePicker
        id={id}
        className={className}
        format={DATE_FORMAT}
        placeholder={t('common.datePlaceholder')}
        value={dayjs(value)}
        allowClear={false}
        onChange={(d) => {
          if (d) onChange(d.format('YYYY-MM-DD'));
        }}
      />
    </>
  );
}
