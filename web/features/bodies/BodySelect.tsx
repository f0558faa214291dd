import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/hooks.ts';
import { errorText } from '../../ui/errors.ts';
import { listBodies, listKey, type Body } from './bodies.api.ts';

type Common = {
  /** Search bodies in force on this date. */
  asOf: string;
  /** Only bodies of the unit with this code (then every body of it is listed without typing). */
  unit?: string | null;
  /** Leave out this body (a body is not its own parent or successor). */
  excludeId?: string;
  /** Only the bodies a task of this body's programmes may name (then they are listed without typing). */
  namedBy?: { bodyId: string; rule: 'lead' | 'near' } | null;
  placeholder?: string;
  id?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
};

type Single = Common & {
  multiple?: false;
  value?: string | null;
  onChange?: (id: string | null) => void;
  initial?: { id: string; name: string } | null;
};
type Multiple = Common & { multiple: true; value?: string[]; onChange?: (ids: string[]) => void; initial?: null };

/**
 * Search-as-you-type for a body by name (diacritics optional), as of a date; each hit shows its unit.
 * Used to pick a parent, successors, the body of a position and the body a role is narrowed to.
 */
export function BodySelect(props: Single | Multiple) {
  const { asOf, unit, excludeId, placeholder, id, autoFocus, namedBy } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [remembered, setKnown] = useState<Map<string, { id: string; name: string; unitName: string | null }>>(
    () => new Map(),
  );
  // The name of the body already chosen when the form opened (or read from the address), which may arrive later.
  const known =
    props.initial && !remembered.has(props.initial.id)
      ? new Map(remembered).set(props.initial.id, { ...props.initial, unitName: null })
      : remembered;
  const q = useDebounced(text.trim(), 250);
  const query = { asOf, unit: unit ?? null, q: q || null, namedBy: namedBy?.bodyId ?? null, rule: namedBy?.rule };

  const search = useQuery({
    queryKey: listKey(query),
    queryFn: ({ signal }) => listBodies(query, signal),
    enabled: q.length > 0 || Boolean(unit) || Boolean(namedBy),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const hits: Body[] = q || unit || namedBy ? (search.data ?? []).filter((b) => b.id !== excludeId) : [];
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  // Chosen bodies stay among the options, so the box keeps showing their names after the next search.
  const kept = selected.flatMap((sid) =>
    hits.some((h) => h.id === sid) ? [] : known.has(sid) ? [known.get(sid)!] : [],
  );
  const options = [
    ...kept.map((b) => ({ value: b.id, label: b.name, unitName: b.unitName })),
    ...hits.slice(0, 50).map((b) => ({ value: b.id, label: b.name, unitName: b.unitName })),
  ];

  const remember = (ids: string[]) =>
    setKnown((prev) => {
      const next = new Map(prev);
      for (const h of hits) if (ids.includes(h.id)) next.set(h.id, { id: h.id, name: h.name, unitName: h.unitName });
      return next;
    });

  const notFound =
    !q && !unit && !namedBy
      ? t('bodies.searchHint')
      : search.isError
        ? errorText(search.error, t)
        : search.isFetching
          ? t('common.loading')
          : t('bodies.searchNoMatch');

  return (
    <Select<string | string[] | null, (typeof options)[number]>
      id={id}
      mode={props.multiple ? 'multiple' : undefined}
      aria-label={props['aria-label']}
      autoFocus={autoFocus}
      value={props.multiple ? (props.value ?? []) : (props.value ?? null)}
      placeholder={placeholder ?? t('bodies.searchPlaceholder')}
      suffixIcon={<SearchOutlined aria-hidden />}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text, autoClearSearchValue: !props.multiple }}
      loading={search.isFetching}
      options={options}
      notFoundContent={<Typography.Text type="secondary">{notFound}</Typography.Text>}
      optionRender={(option) => (
        <div className="body-hit">
          <div className="body-hit-name">{option.data.label}</div>
          {option.data.unitName ? <div className="body-hit-unit">{option.data.unitName}</div> : null}
        </div>
      )}
      onChange={(value) => {
        if (props.multiple) {
          const ids = Array.isArray(value) ? value : [];
          remember(ids);
          props.onChange?.(ids);
        } else {
          const sid = typeof value === 'string' ? value : null;
          if (sid) remember([sid]);
          setText('');
          props.onChange?.(sid);
        }
      }}
      allowClear
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'body-hit-popup' } }}
    />
  );
}
