import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (text: string) => void;
  /** The trimmed text, or null when empty (the page drops it from the address). */
  onSearch: (q: string | null) => void;
  className?: string;
};

/** The search box of a list page: labelled, clearable, searching on Enter or its "Tìm kiếm" button. */
export function SearchBox({ label, placeholder, value, onChange, onSearch, className }: Props) {
  const { t } = useTranslation();
  return (
    <Input.Search
      className={className}
      aria-label={label}
      placeholder={placeholder ?? label}
      allowClear
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || null)}
      enterButton={t('common.search')}
    />
  );
}
