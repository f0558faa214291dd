import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DATE_FORMAT, formatDate, todayInVietnam } from '../../lib/format.ts';
import { isoDateParam } from '../../lib/url-params.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { BriefingFormModal } from './BriefingFormModal.tsx';
import { BriefingPage } from './BriefingPage.tsx';
import { briefingPagePath, briefingsListKey, listBriefings, type Briefing } from './briefings.api.ts';
import './briefings.css';

/** "Giao ban": the list of briefings, or one briefing's page (/giao-ban/:id). */
export function BriefingsPage() {
  const { id } = useParams();
  return id ? <BriefingPage id={id} /> : <BriefingList />;
}

function BriefingList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The filters live in the address: tc (body), tu / den (dates), q; the page and its size are trang and so.
  const list = useListQuery({
    filters: (params) => ({
      bodyId: params.get('tc'),
      from: isoDateParam(params.get('tu')) ?? null,
      to: isoDateParam(params.get('den')) ?? null,
      q: params.get('q') || null,
    }),
    queryKey: (filters, paging) => briefingsListKey({ ...filters, ...paging }),
    queryFn: (filters, paging, signal) => listBriefings({ ...filters, ...paging }, signal),
    pageParams: { page: 'trang', pageSize: 'so' },
    pageSizes: [20, 50, 100],
  });
  const { bodyId, from, to, q } = list.filters;
  const update = list.setFilters;
  const [creating, setCreating] = useState(false);
  const today = todayInVietnam().format('YYYY-MM-DD');

  // On phones each briefing is a card: its title, then the date, the conclusions turned into tasks and the notice.
  const columns: ListColumns<Briefing> = [
    {
      title: t('briefings.heldOn'),
      key: 'heldOn',
      width: 110,
      render: (_v, b) => <span className="list-nowrap">{formatDate(b.heldOn)}</span>,
    },
    {
      title: t('briefings.titleField'),
      key: 'title',
      phone: 'title',
      render: (_v, b) => (
        <div>
          <Link to={briefingPagePath(b.id)} className="briefing-link">
            {b.title}
          </Link>
          <div className="briefing-sub">{b.bodyName}</div>
        </div>
      ),
    },
    {
      title: t('briefings.chair'),
      key: 'chair',
      width: 180,
      responsive: ['lg'],
      render: (_v, b) => b.chairName ?? <span className="muted">—</span>,
    },
    {
      title: t('briefings.conclusionsColumn'),
      key: 'conclusions',
      width: 130,
      align: 'right',
      responsive: ['md'],
      phone: 'line',
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
      render: (_v, b) =>
        b.notice ? <Tag color="green">{b.notice.label}</Tag> : <Tag>{t('briefings.noticeDraft')}</Tag>,
    },
  ];

  return (
    <ListPage<Briefing>
      title={t('briefings.title')}
      description={t('briefings.intro')}
      actions={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('common.add')}
        </Button>
      }
      filters={
        <>
          <div className="briefing-filter-body">
            <BodySelect
              asOf={today}
              value={bodyId}
              onChange={(v) => update({ tc: v })}
              placeholder={t('briefings.bodyFilter')}
              aria-label={t('briefings.bodyFilter')}
            />
          </div>
          <DatePicker.RangePicker
            className="briefing-filter-dates"
            format={DATE_FORMAT}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            placeholder={[t('briefings.from'), t('briefings.to')]}
            onChange={(v) =>
              update({ tu: v?.[0]?.format('YYYY-MM-DD') ?? null, den: v?.[1]?.format('YYYY-MM-DD') ?? null })
            }
            aria-label={t('briefings.dates')}
          />
          <SearchBox
            className="table-search briefing-filter-search"
            label={t('briefings.search')}
            value={q ?? ''}
            onSearch={(text) => update({ q: text })}
          />
        </>
      }
      list={list}
      columns={columns}
      cardsOnPhone
      onRow={(b) => ({ onDoubleClick: () => void navigate(briefingPagePath(b.id)) })}
      emptyText={t('briefings.empty')}
    >
      <BriefingFormModal
        open={creating}
        detail={null}
        onClose={() => setCreating(false)}
        onSaved={(d) => {
          setCreating(false);
          void navigate(briefingPagePath(d.briefing.id));
        }}
      />
    </ListPage>
  );
}
