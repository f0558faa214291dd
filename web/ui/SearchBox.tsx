import { Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  placeholder?: string;
  /** The text searched for, as the address holds it. */
  value: string;
  /** The trimmed text, or null when empty (the page drops it from the address). */
  onSearch: (q: string | null) => void;
  className?: string;
};

/** The search box of a list page: labelled, clearable, searching on Enter or its "Tìm kiếm" button. What is typed
 * stays in the box until searched; when the address changes elsewhere (Back, a link) the box follows it. */
export function SearchBox({ label, placeholder, value, onSearch, className }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [searched, setSearched] = useState(value);
  if (searched !== value) {
    setSearched(value);
    setText(value);
  }
  return (
    <Input.Search
      className={className}
      aria-label={label}
      placeholder={placeholder ?? label}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || null)}
      enterButton={t('common.search')}
    />
  );
}

/** A list page's search on its `q` filter (the address keeps it). */
export function ListSearch({
  list,
  label,
  className,
}: {
  list: { filters: { q?: string | null }; setFilters: (next: { q: string | null }) => void };
  label: string;
  className?: string;
}) {
  return (
    <SearchBox
      className={className}
      label={label}
      value={list.filters.q ?? ''}
      onSearch={(text) => list.setFilters({ q: text })}
    />
  );
}
