import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography, type GetRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/hooks.ts';
import { errorText } from '../../ui/errors.ts';
import { searchKey, searchUnits, type SearchHit } from './units.api.ts';

type Props = {
  asOf: string;
  /** The chosen unit's code (controlled by a Form.Item, or left undefined for a plain search box). */
  value?: string | null;
  onChange?: (code: string | null, hit: SearchHit | null) => void;
  /** Only offer units of these levels (e.g. communes when moving a village). */
  levels?: readonly number[];
  /** Leave out this unit (a unit cannot succeed itself). */
  excludeId?: string;
  placeholder?: string;
  /** The name to show for `value` before anything has been searched (a unit read from the address). */
  valueLabel?: string | null;
  id?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
  className?: string;
};

/**
 * Search-as-you-type for a unit by name (diacritics optional) or code, as of a date; each hit shows its ancestors.
 * Used as the page's search box and to pick a commune or a successor in forms.
 */
export function UnitSearchSelect({
  asOf,
  value,
  onChange,
  levels,
  excludeId,
  placeholder,
  valueLabel,
  id,
  autoFocus,
  className,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<SearchHit | null>(null);
  const ref = useRef<GetRef<typeof Select>>(null);
  const q = useDebounced(text.trim(), 250);

  const search = useQuery({
    queryKey: searchKey(asOf, q),
    queryFn: ({ signal }) => searchUnits(asOf, q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const hits = (q ? (search.data ?? []) : []).filter(
    (h) => h.code !== null && (!levels || levels.includes(h.level)) && h.id !== excludeId,
  );
  // The chosen hit stays among the options, so the box keeps showing its name after the next search.
  const all = chosen && value === chosen.code && !hits.some((h) => h.id === chosen.id) ? [chosen, ...hits] : hits;
  const options = all.map((h) => ({ value: h.code!, label: `${h.name} (${h.code})`, hit: h }));
  if (value && valueLabel && !options.some((o) => o.value === value)) {
    options.unshift({
      value,
      label: `${valueLabel} (${value})`,
      hit: {
        id: '',
        code: value,
        name: valueLabel,
        kind: '',
        kindName: '',
        level: 0,
        validFrom: null,
        validTo: null,
        version: 0,
        ancestors: '',
      },
    });
  }

  const notFound = !q
    ? t('units.searchHint')
    : search.isError
      ? errorText(search.error, t)
      : search.isFetching
        ? t('common.loading')
        : t('units.searchNoMatch');

  return (
    <Select<string | null, (typeof options)[number]>
      ref={ref}
      id={id}
      className={className}
      aria-label={rest['aria-label']}
      autoFocus={autoFocus}
      value={value ?? null}
      placeholder={placeholder ?? t('units.searchPlaceholder')}
      suffixIcon={<SearchOutlined aria-hidden />}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text, autoClearSearchValue: false }}
      loading={search.isFetching}
      options={options}
      notFoundContent={<Typography.Text type="secondary">{notFound}</Typography.Text>}
      optionRender={(option) => {
        const h = option.data.hit;
        return (
          <div className="unit-hit">
            <div>
              <span className="unit-hit-name">{h.name}</span> <span className="unit-code">{h.code}</span>
            </div>
            {h.ancestors ? <div className="unit-hit-path">{h.ancestors}</div> : null}
          </div>
        );
      }}
      onChange={(code, option) => {
        const hit = option && !Array.isArray(option) ? option.hit : null;
        setChosen(hit);
        // As the page's search box (no value kept), the box empties once a unit is opened.
        if (value === undefined) {
          setText('');
          ref.current?.blur();
        }
        onChange?.(code ?? null, hit);
      }}
      allowClear={value !== undefined}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'unit-hit-popup' } }}
    />
  );
}
