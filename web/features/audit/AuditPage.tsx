import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { isoDateParam } from '../../lib/url-params.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { ACCOUNTS_KEY, listAccounts } from '../accounts/accounts.api.ts';
import { ActionTag, ActorText, AuditChanges, RecordText, useAuditLabels } from './AuditParts.tsx';
import { AUDIT_ACTIONS, AUDIT_TABLES, auditKey, formatInstant, listAudit, type AuditEntry } from './audit.api.ts';
import './audit.css';

const PAGE_SIZES = [20, 50, 100, 200];
const FILTERS = ['from', 'to', 'action', 'table', 'record', 'actor'] as const;
type Filter = (typeof FILTERS)[number];

/** "Quản trị › Nhật ký": who did what, when and from where, newest first; expanding a line shows what changed. */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  // Filters and paging live in the address, so a reload or a shared link shows the same lines.
  const list = useListQuery({
    filters: (params) => {
      const filter = (name: Filter) => params.get(name) ?? undefined;
      return {
        from: isoDateParam(filter('from')),
        to: isoDateParam(filter('to')),
        action: filter('action'),
        table: filter('table'),
        record: filter('record'),
        actor: filter('actor'),
      };
    },
    queryKey: (filters, paging) => auditKey({ ...filters, ...paging }),
    queryFn: (filters, paging, signal) => listAudit({ ...filters, ...paging }, signal),
    pageSize: 50,
    pageSizes: PAGE_SIZES,
  });
  const query = list.filters;
  const update = (next: Partial<Record<Filter, string | undefined>>) => list.setFilters(next);
  const [record, setRecord] = useState(query.record ?? '');
  const [actorSearch, setActorSearch] = useState('');
  const actorQ = useDebounced(actorSearch.trim());

  const accounts = useQuery({
    queryKey: [...ACCOUNTS_KEY, { q: actorQ, page: 1, pageSize: 20 }],
    queryFn: () => listAccounts({ q: actorQ, page: 1, pageSize: 20 }),
    staleTime: 30_000,
  });

  const actorOptions = (accounts.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.displayName} (${a.username})`,
  }));
  if (query.actor && !actorOptions.some((o) => o.value === query.actor)) {
    // The chosen account may not be among the search hits: name it from the lines shown, else by its id.
    const known = list.rows.find((e) => e.actor?.id === query.actor)?.actor;
    actorOptions.unshift({
      value: query.actor,
      label: known ? `${known.displayName} (${known.username})` : query.actor,
    });
  }

  const range: [Dayjs | null, Dayjs | null] = [
    query.from ? dayjs(query.from) : null,
    query.to ? dayjs(query.to) : null,
  ];
  const hasFilter = FILTERS.some((f) => query[f]);

  // On a phone each entry is a card: the action and the record's name as its heading, when and who below, the
  // address and the values changed behind "Chi tiết".
  const columns: ListColumns<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 160,
      phone: 'line',
      render: (v: string) => <span className="audit-time">{formatInstant(v)}</span>,
    },
    { title: t('audit.actor'), key: 'actor', width: 220, phone: 'line', render: (_v, e) => <ActorText entry={e} /> },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      key: 'ip',
      width: 120,
      phone: 'more',
      render: (v: string | null) => v ?? <span className="muted">—</span>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 170,
      phone: 'title',
      render: (v: string) => <ActionTag action={v} />,
    },
    { title: t('audit.record'), key: 'record', phone: 'title', render: (_v, e) => <RecordText entry={e} /> },
  ];

  return (
    <ListPage<AuditEntry>
      title={t('nav.audit')}
      toolbarClassName="audit-filters"
      filters={
        <>
          <DatePicker.RangePicker
            aria-label={t('audit.dateRange')}
            format={DATE_FORMAT}
            placeholder={[t('audit.fromDate'), t('audit.toDate')]}
            value={range}
            allowEmpty={[true, true]}
            onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          />
          <Select
            className="audit-filter"
            aria-label={t('audit.action')}
            placeholder={t('audit.allActions')}
            allowClear
            value={query.action ?? null}
            onChange={(v: string | undefined) => update({ action: v ?? undefined })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))}
            popupMatchSelectWidth={false}
          />
          <Select
            className="audit-filter"
            aria-label={t('audit.table')}
            placeholder={t('audit.allTables')}
            allowClear
            value={query.table ?? null}
            onChange={(v: string | undefined) => update({ table: v ?? undefined })}
            options={AUDIT_TABLES.map((a) => ({ value: a, label: labels.table(a) }))}
            popupMatchSelectWidth={false}
          />
          <Select
            className="audit-filter audit-filter-actor"
            aria-label={t('audit.actor')}
            placeholder={t('audit.allActors')}
            allowClear
            showSearch={{ filterOption: false, onSearch: setActorSearch }}
            loading={accounts.isFetching}
            value={query.actor ?? null}
            onChange={(v: string | undefined) => {
              setActorSearch('');
              update({ actor: v ?? undefined });
            }}
            options={actorOptions}
            notFoundContent={accounts.isFetching ? t('common.loading') : t('accounts.noMatch')}
            popupMatchSelectWidth={false}
          />
          <Input.Search
            className="audit-filter-record"
            aria-label={t('audit.recordId')}
            placeholder={t('audit.recordId')}
            allowClear
            value={record}
            onChange={(e) => setRecord(e.target.value)}
            onSearch={(v) => update({ record: v.trim() || undefined })}
          />
          {hasFilter ? (
            <Button
              onClick={() => {
                setRecord('');
                update({
                  from: undefined,
                  to: undefined,
                  action: undefined,
                  table: undefined,
                  record: undefined,
                  actor: undefined,
                });
              }}
            >
              {t('audit.clearFilters')}
            </Button>
          ) : null}
        </>
      }
      list={list}
      columns={columns}
      expandable={{
        expandedRowRender: (e) => <AuditChanges entry={e} />,
        rowExpandable: (e) => e.before !== null || e.after !== null,
      }}
      cardsOnPhone
      emptyText={hasFilter ? t('audit.noMatch') : t('audit.empty')}
    />
  );
}
