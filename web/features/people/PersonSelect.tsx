import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { errorText } from '../../ui/errors.ts';
import { getPerson, listPeople, peopleListKey, type Person } from './people.api.ts';

type Props = {
  value?: string | null;
  onChange?: (id: string | null, person: Person | null) => void;
  /** The name of the person already chosen (from the task), shown before any search. */
  initial?: { id: string; name: string } | null;
  /** Offer the people holding a position in this body without typing (a cooperating body's person). */
  bodyId?: string | null;
  /** Only people who have an account (an assignee). */
  withAccount?: boolean;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
};

type Hit = { id: string; name: string; line: string | null; hasAccount: boolean };

const hitOf = (p: Person): Hit => ({
  id: p.id,
  name: p.fullName,
  line: p.positions[0] ? `${p.positions[0].title}, ${p.positions[0].bodyName}` : null,
  hasAccount: p.hasAccount,
});

/** Search-as-you-type for a person (cán bộ) by name, diacritics optional; each hit shows a current position. */
export function PersonSelect({
  value,
  onChange,
  initial,
  bodyId,
  withAccount,
  placeholder,
  id,
  disabled,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [known, setKnown] = useState<Map<string, Hit>>(() => new Map());
  const q = useDebounced(text.trim(), 250);
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const query = { q, body: bodyId ?? null, asOf, page: 1, pageSize: 30 };
  const search = useQuery({
    queryKey: peopleListKey(query),
    queryFn: ({ signal }) => listPeople(query, signal),
    enabled: q.length > 0 || Boolean(bodyId),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const hits = (q || bodyId ? (search.data?.items ?? []) : [])
    .filter((p) => !p.deleted && (!withAccount || p.hasAccount))
    .map(hitOf);
  const chosen = value
    ? (hits.find((h) => h.id === value) ??
      known.get(value) ??
      (initial && initial.id === value ? { id: initial.id, name: initial.name, line: null, hasAccount: true } : null))
    : null;
  const options = [...(chosen && !hits.some((h) => h.id === chosen.id) ? [chosen] : []), ...hits].map((h) => ({
    value: h.id,
    label: h.name,
    hit: h,
  }));

  const notFound =
    !q && !bodyId
      ? t('work.person.searchHint')
      : search.isError
        ? errorText(search.error, t)
        : search.isFetching
          ? t('common.loading')
          : t('work.person.noMatch');

  return (
    <Select<string | null, (typeof options)[number]>
      id={id}
      aria-label={rest['aria-label']}
      disabled={disabled}
      value={value ?? null}
      placeholder={placeholder ?? t('work.person.placeholder')}
      suffixIcon={<SearchOutlined aria-hidden />}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={search.isFetching}
      options={options}
      notFoundContent={<Typography.Text type="secondary">{notFound}</Typography.Text>}
      optionRender={(option) => (
        <div className="body-hit">
          <div className="body-hit-name">{option.data.hit.name}</div>
          {option.data.hit.line ? <div className="body-hit-unit">{option.data.hit.line}</div> : null}
        </div>
      )}
      onChange={(v) => {
        const hit = hits.find((h) => h.id === v) ?? null;
        if (hit) setKnown((prev) => new Map(prev).set(hit.id, hit));
        setText('');
        onChange?.(v ?? null, search.data?.items.find((p) => p.id === v) ?? null);
      }}
      allowClear
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'body-hit-popup' } }}
    />
  );
}

type AssigneeProps = {
  value?: string | null;
  onChange?: (accountId: string | null) => void;
  /** The assignee's name (from the task) while nothing else is chosen. */
  initialName?: string | null;
  id?: string;
  'aria-label'?: string;
};

/**
 * The assignee is an account: chosen here by its person (people with an account), whose account is then looked up
 * (GET /api/people/:id gives the account; no personal data for non-administrators).
 */
export function AssigneeSelect({ value, onChange, initialName, id, ...rest }: AssigneeProps) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  return (
    <>
      <PersonSelect
        id={id}
        aria-label={rest['aria-label']}
        withAccount
        value={personId ?? (value ? `account:${value}` : null)}
        initial={
          value && !personId ? { id: `account:${value}`, name: initialName ?? t('work.task.assigneeChosen') } : null
        }
        placeholder={t('work.task.assigneePlaceholder')}
        disabled={pending}
        onChange={(pid) => {
          setFailed(null);
          setPersonId(pid);
          if (!pid) {
            onChange?.(null);
            return;
          }
          setPending(true);
          getPerson(pid, asOf)
            .then((d) => {
              if (d.account) onChange?.(d.account.id);
              else setFailed(t('work.task.noAccount'));
            })
            .catch((e: unknown) => setFailed(errorText(e, t)))
            .finally(() => setPending(false));
        }}
      />
      {failed ? <Typography.Text type="danger">{failed}</Typography.Text> : null}
    </>
  );
}
