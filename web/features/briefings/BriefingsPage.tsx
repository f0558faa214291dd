import { SearchBox } from '../../ui/SearchBox.tsx';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DATE_FORMAT, formatDate, todayInVietnam } from '../../lib/format.ts';
import { isoDateParam, mergeParams, positiveIntParam } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { BriefingFormModal } from './BriefingFormModal.tsx';
import { BriefingPage } from './BriefingPage.tsx';
import { briefingPagePath, briefingsListKey, listBriefings, type Briefing, type BriefingQuery } from './briefings.api.ts';
import './briefings.css';

/** "Giao ban": the list of briefings, or one briefing's page (/giao-ban/:id). */
export function BriefingsPage() {
  const { id } = useParams();
  return id ? <BriefingPage id={id} /> : <BriefingList />;
}

function BriefingList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md === true;
  // The filters live in the address: tc (body), tu / den (dates), q, trang.
  const [params, setParams] = useSearchParams();
  const bodyId = params.get('tc');
  const from = isoDateParam(params.get('tu')) ?? null;
  const to = isoDateParam(params.get('den')) ?? null;
  const q = params.get('q') ?? '';
  const page = positiveIntParam(params.get('trang'), 1);
  const pageSize = positiveIntParam(params.get('so'), 20);
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const update = (next: Record<string, string | null>) => setParams((prev) => mergeParams(prev, { trang: null, ...next }), { replace: true });

  const query: BriefingQuery = { bodyId, from, to, q: q || null, page, pageSize };
  const list = useQuery({ queryKey: briefingsListKey(query), queryFn: ({ signal }) => listBriefings(query, signal), placeholderData: keepPreviousData });
  const today = todayInVietnam().format('YYYY-MM-DD');

  const columns: TableColumnsType<Briefing> = [
    { title: t('briefings.heldOn'), key: 'heldOn', width: 110, render: (_v, b) => formatDate(b.heldOn) },
    {
      title: t('briefings.titleField'),
      key: 'title',
      render: (_v, b) => (
        <div>
          <Link to={briefingPagePath(b.id)} className="briefing-link">
            {b.title}
          </Link>
          <div className="briefing-sub">{b.bodyName}</div>
        </div>
      ),
    },
    { title: t('briefings.chair'), key: 'chair', width: 180, responsive: ['lg'], render: (_v, b) => b.chairName ?? <span className="muted">—</span> },
    {
      title: t('briefings.conclusionsColumn'),
      key: 'conclusions',
      width: 130,
      align: 'right',
      responsive: ['md'],
      render: (_v, b) =>
        b.conclusionCount === 0 ? (
          <span className="muted">0</span>
        ) : (
          <span title={t('briefings.linkedOf', { linked: b.linkedCount, count: b.conclusionCount })}>
            {b.linkedCount}/{b.conclusionCount}
          </span>
        ),
    },
    {
      title: t('briefings.notice'),
      key: 'notice',
      width: 150,
      render: (_v, b) => (b.notice ? <Tag color="green">{b.notice.label}</Tag> : <Tag>{t('briefings.noticeDraft')}</Tag>),
    },
  ];

  // Phones: one column holding everything, so the title keeps the width.
  const phoneColumns: TableColumnsType<Briefing> = [
    {
      title: t('briefings.title'),
      key: 'all',
      render: (_v, b) => (
        <div className="briefing-phone-row">
          <Link to={briefingPagePath(b.id)} className="briefing-link">
            {b.title}
          </Link>
          <div className="briefing-sub">
            {formatDate(b.heldOn)} · {b.bodyName}
          </div>
          <Flex gap={6} wrap align="center" className="briefing-phone-tags">
            {b.notice ? <Tag color="green">{b.notice.label}</Tag> : <Tag>{t('briefings.noticeDraft')}</Tag>}
            {b.conclusionCount > 0 ? <span className="muted">{t('briefings.linkedOf', { linked: b.linkedCount, count: b.conclusionCount })}</span> : null}
          </Flex>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('briefings.title')}
        description={t('briefings.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('common.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} wrap align="center" className="table-toolbar">
          <div className="briefing-filter-body">
            <BodySelect asOf={today} value={bodyId} onChange={(v) => update({ tc: v })} placeholder={t('briefings.bodyFilter')} aria-label={t('briefings.bodyFilter')} />
          </div>
          <DatePicker.RangePicker
            className="briefing-filter-dates"
            format={DATE_FORMAT}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            placeholder={[t('briefings.from'), t('briefings.to')]}
            onChange={(v) => update({ tu: v?.[0]?.format('YYYY-MM-DD') ?? null, den: v?.[1]?.format('YYYY-MM-DD') ?? null })}
            aria-label={t('briefings.dates')}
          />
          <SearchBox
            className="table-search briefing-filter-search"
            label={t('briefings.search')}
            value={search}
            onChange={setSearch}
            onSearch={(q) => update({ q })}
          />
        </Flex>
        <Table<Briefing>
          rowKey="id"
          size="middle"
          columns={wide ? columns : phoneColumns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          sticky={{ offsetHeader: 56 }}
          onRow={(b) => ({ onDoubleClick: () => navigate(briefingPagePath(b.id)) })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, size) => setParams((prev) => mergeParams(prev, { trang: p > 1 ? String(p) : null, so: size !== 20 ? String(size) : null }), { replace: true }),
          }}
          locale={{ emptyText: list.isError ? errorText(list.error, t) : <Typography.Text type="secondary">{t('briefings.empty')}</Typography.Text> }}
          aria-label={t('briefings.title')}
        />
      </Card>
      <BriefingFormModal
        open={creating}
        detail={null}
        onClose={() => setCreating(false)}
        onSaved={(d) => {
          setCreating(false);
          navigate(briefingPagePath(d.briefing.id));
        }}
      />
    </>
  );
}
