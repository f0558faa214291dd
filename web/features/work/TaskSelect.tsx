import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/hooks.ts';
import { errorText } from '../../ui/errors.ts';
import { searchTasks, taskSearchKey, type Task } from './work.api.ts';
import '../bodies/bodies.css';

type Props = {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The task already linked (from the record), shown before any search. */
  initial?: { id: string; title: string } | null;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
};

type Hit = { id: string; title: string; line: string | null };

const hitOf = (task: Task): Hit => ({
  id: task.id,
  title: task.title,
  line: `${task.programmeTitle} · ${task.leadBodyName}`,
});

/** Search-as-you-type for a task of any programme the account reads, by title (diacritics optional); each hit shows
 * its programme and lead body. Other modules link their records to a task with it (a key project's commissioned
 * task). */
export function TaskSelect({ value, onChange, initial, placeholder, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Hit | null>(null);
  const q = useDebounced(text.trim(), 250);
  const search = useQuery({
    queryKey: taskSearchKey(q),
    queryFn: ({ signal }) => searchTasks(q, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const hits = q === '' ? [] : (search.data?.items ?? []).map(hitOf);
  // The chosen task stays among the options, so the box keeps its title after the next search.
  const chosen =
    value && picked?.id === value
      ? picked
      : value && initial?.id === value
        ? { id: initial.id, title: initial.title, line: null }
        : null;
  const all = chosen && !hits.some((h) => h.id === chosen.id) ? [chosen, ...hits] : hits;
  const options = all.map((h) => ({ value: h.id, label: h.title, hit: h }));

  let notFound = t('taskSelect.noMatch');
  if (q === '') notFound = t('taskSelect.searchHint');
  else if (search.isError) notFound = errorText(search.error, t);
  else if (search.isFetching) notFound = t('common.loading');

  return (
    <Select<string | null, (typeof options)[number]>
      id={id}
      aria-label={rest['aria-label']}
      placeholder={placeholder ?? t('taskSelect.placeholder')}
      value={value ?? null}
      options={options}
      loading={search.isFetching}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      suffixIcon={<SearchOutlined aria-hidden />}
      notFoundContent={<Typography.Text type="secondary">{notFound}</Typography.Text>}
      optionRender={({ data }) => (
        <div className="body-hit">
          <div className="body-hit-name">{data.hit.title}</div>
          {data.hit.line ? <div className="body-hit-unit">{data.hit.line}</div> : null}
        </div>
      )}
      onChange={(next) => {
        setPicked(hits.find((h) => h.id === next) ?? null);
        setText('');
        onChange?.(next ?? null);
      }}
      allowClear
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'body-hit-popup' } }}
      style={{ width: '100%' }}
    />
  );
}
