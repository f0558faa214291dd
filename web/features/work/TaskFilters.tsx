import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, DatePicker, Flex, Grid, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { isoDateParam } from '../../lib/url-params.ts';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { bodyDetailKey, getBody } from '../bodies/bodies.api.ts';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import { detailKey, getUnit } from '../units/units.api.ts';
import { KINDS_KEY, listKinds, TASK_STATUSES, type Group, type TaskFilter, type TaskStatus } from './work.api.ts';

/** The filters of a programme's views, read from the address. */
export type FilterParams = {
  group: string | null;
  body: string | null;
  kind: string | null;
  statuses: TaskStatus[];
  /** 'sap-den-han' (due within 7 days), 'qua-han' (overdue), 'cho-nghiem-thu' (reported done in time, waiting for
   * acceptance) or 'khoang' (a due date range). */
  due: 'sap-den-han' | 'qua-han' | 'cho-nghiem-thu' | 'khoang' | null;
  from: string | null;
  to: string | null;
  unit: string | null;
  q: string;
};

const DUE_VALUES = ['sap-den-han', 'qua-han', 'cho-nghiem-thu', 'khoang'] as const;

export function readFilters(params: URLSearchParams): FilterParams {
  const due = params.get('han');
  return {
    group: params.get('nhom'),
    body: params.get('to-chuc'),
    kind: params.get('loai'),
    statuses: (params.get('tt') ?? '')
      .split(',')
      .filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s)),
    due: (DUE_VALUES as readonly string[]).includes(due ?? '') ? (due as FilterParams['due']) : null,
    from: isoDateParam(params.get('tu')) ?? null,
    to: isoDateParam(params.get('den')) ?? null,
    unit: params.get('dv'),
    q: params.get('q') ?? '',
  };
}

/** How many filters are set (for the phone's "Lọc (n)" button and "Xóa bộ lọc"). */
export function filterCount(f: FilterParams): number {
  return [f.group, f.body, f.kind, f.statuses.length ? 'x' : null, f.due, f.unit, f.q || null].filter(Boolean).length;
}

/** The GET /api/tasks filter of a programme's views. */
export function toTaskFilter(programmeId: string, f: FilterParams): TaskFilter {
  return {
    programmeId,
    ...(f.group ? { groupId: f.group } : {}),
    ...(f.body ? { bodyId: f.body } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.statuses.length ? { status: f.statuses } : {}),
    ...(f.due === 'sap-den-han' ? { timeliness: 'due_soon' as const } : {}),
    ...(f.due === 'qua-han' ? { timeliness: 'overdue' as const } : {}),
    ...(f.due === 'cho-nghiem-thu' ? { timeliness: 'awaiting_acceptance' as const } : {}),
    ...(f.due === 'khoang' && f.from ? { dueFrom: f.from } : {}),
    ...(f.due === 'khoang' && f.to ? { dueTo: f.to } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

type Props = { filters: FilterParams; groups: Group[]; update: (next: Record<string, string | null>) => void };

/** The filter bar: search (diacritics optional, folded by the server), group, body, kind, status, due window, unit. */
export function TaskFilters({ filters: f, groups, update }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const [search, setSearch] = useState(f.q);
  const [open, setOpen] = useState(false);
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });
  const body = useQuery({
    queryKey: bodyDetailKey(f.body ?? '', asOf),
    queryFn: ({ signal }) => getBody(f.body!, asOf, signal),
    enabled: f.body !== null,
    retry: false,
  });
  const unit = useQuery({
    queryKey: detailKey(asOf, f.unit ?? ''),
    queryFn: ({ signal }) => getUnit(f.unit!, asOf, signal),
    enabled: f.unit !== null,
    retry: false,
    staleTime: 60_000,
  });
  const count = filterCount(f);

  const clear = () => {
    setSearch('');
    update({ nhom: null, 'to-chuc': null, loai: null, tt: null, han: null, tu: null, den: null, dv: null, q: null });
  };

  const searchBox = (
    <Input.Search
      className="work-search"
      aria-label={t('work.filters.searchLabel')}
      placeholder={t('work.filters.searchPlaceholder')}
      allowClear
      value={search}
      onChange={(e) => {
        setSearch(e.target.value);
        if (!e.target.value) update({ q: null });
      }}
      onSearch={(value) => update({ q: value.trim() || null })}
      enterButton={t('common.search')}
    />
  );

  const rest = (
    <>
      <Select
        className="work-filter"
        aria-label={t('work.filters.group')}
        placeholder={t('work.filters.group')}
        allowClear
        value={f.group}
        onChange={(v: string | undefined) => update({ nhom: v ?? null })}
        options={groups.map((g) => ({ value: g.id, label: `${g.position}. ${g.name}` }))}
        popupMatchSelectWidth={false}
        classNames={{ popup: { root: 'body-hit-popup' } }}
      />
      <div className="work-filter-body">
        <BodySelect
          asOf={asOf}
          value={f.body}
          initial={f.body && body.data ? { id: f.body, name: body.data.body.name } : null}
          onChange={(id) => update({ 'to-chuc': id })}
          placeholder={t('work.filters.body')}
          aria-label={t('work.filters.body')}
        />
      </div>
      <Select
        className="work-filter"
        aria-label={t('work.filters.kind')}
        placeholder={t('work.filters.kind')}
        allowClear
        value={f.kind}
        onChange={(v: string | undefined) => update({ loai: v ?? null })}
        options={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
        popupMatchSelectWidth={false}
        classNames={{ popup: { root: 'body-hit-popup' } }}
      />
      <Select
        className="work-filter work-filter-status"
        mode="multiple"
        aria-label={t('work.filters.status')}
        placeholder={t('work.filters.status')}
        allowClear
        maxTagCount="responsive"
        value={f.statuses}
        onChange={(v: TaskStatus[]) => update({ tt: v.length ? v.join(',') : null })}
        options={TASK_STATUSES.map((s) => ({ value: s, label: t(`work.status.${s}`) }))}
      />
      <Select
        className="work-filter"
        aria-label={t('work.filters.due')}
        placeholder={t('work.filters.due')}
        allowClear
        value={f.due}
        onChange={(v: FilterParams['due'] | undefined) =>
          update({ han: v ?? null, ...(v === 'khoang' ? {} : { tu: null, den: null }) })
        }
        options={[
          { value: 'sap-den-han', label: t('work.filters.dueSoon') },
          { value: 'qua-han', label: t('work.filters.overdue') },
          { value: 'cho-nghiem-thu', label: t('work.filters.awaiting') },
          { value: 'khoang', label: t('work.filters.dueRange') },
        ]}
      />
      {f.due === 'khoang' ? (
        <DatePicker.RangePicker
          className="work-filter-range"
          format={DATE_FORMAT}
          aria-label={t('work.filters.dueRange')}
          placeholder={[t('work.filters.from'), t('work.filters.to')]}
          value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            update({ tu: range?.[0]?.format('YYYY-MM-DD') ?? null, den: range?.[1]?.format('YYYY-MM-DD') ?? null })
          }
        />
      ) : null}
      <div className="work-filter-unit">
        <UnitSearchSelect
          asOf={asOf}
          value={f.unit}
          valueLabel={unit.data?.unit.name ?? null}
          onChange={(code) => update({ dv: code })}
          placeholder={t('work.filters.unit')}
          aria-label={t('work.filters.unit')}
        />
      </div>
      {count > 0 ? (
        <Button icon={<ClearOutlined aria-hidden />} onClick={clear}>
          {t('work.filters.clear')}
        </Button>
      ) : null}
    </>
  );

  if (wide) {
    return (
      <Flex gap={8} wrap align="center" className="work-filters">
        {searchBox}
        {rest}
      </Flex>
    );
  }
  return (
    <div className="work-filters work-filters-phone">
      <Flex gap={8} align="center">
        <div className="work-filters-search">{searchBox}</div>
        <Badge count={count} size="small">
          <Button
            icon={<FilterOutlined aria-hidden />}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            aria-label={t('work.filters.toggle')}
          />
        </Badge>
      </Flex>
      {open ? (
        <Flex vertical gap={8} className="work-filters-panel">
          {rest}
        </Flex>
      ) : null}
    </div>
  );
}
