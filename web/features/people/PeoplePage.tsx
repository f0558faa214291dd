import { tablePagination } from '../../ui/pagination.ts';
import { ExportButton, exportUrl } from '../../ui/ExportButton.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Flex, Grid, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { errorText } from '../../ui/errors.ts';
import { useMe } from '../auth/session.ts';
import { PositionTags } from '../bodies/BodyCard.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { bodyDetailKey, getBody } from '../bodies/bodies.api.ts';
import '../bodies/bodies.css';
import { PersonCard } from './PersonCard.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { listPeople, peopleListKey, type Person } from './people.api.ts';
import { asOfParam, liveParams, mergeParams, positiveIntParam } from '../../lib/url-params.ts';
import { AsOfPicker } from '../../ui/AsOfPicker.tsx';

export const PEOPLE_PATH = '/danh-muc/can-bo';


/** "Danh mục › Cán bộ": the people register with their positions on a date; a person's page at /danh-muc/can-bo/:id. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = me.isAdmin;
  const wide = Grid.useBreakpoint().md === true;
  const navigate = useNavigate();
  const { id: openId } = useParams<{ id?: string }>();

  // The date, the search, the body filter and paging live in the address.
  const [params, setParams] = useSearchParams();
  const rawDate = params.get('ngay');
  const asOf = asOfParam(rawDate);
  const q = params.get('q') ?? '';
  const body = params.get('to-chuc');
  const page = positiveIntParam(params.get('page'), 1);
  const pageSize = positiveIntParam(params.get('pageSize'), 20);
  const [search, setSearch] = useState(q);
  const [adding, setAdding] = useState(false);

  const update = (next: Record<string, string | null>) => setParams((prev) => mergeParams(prev, next), { replace: true });

  const query = { q, body, asOf, page, pageSize };
  const list = useQuery({ queryKey: peopleListKey(query), queryFn: ({ signal }) => listPeople(query, signal), placeholderData: keepPreviousData });
  // The body's name for the filter when the page is opened from a link.
  const bodyDetail = useQuery({ queryKey: bodyDetailKey(body ?? '', asOf), queryFn: ({ signal }) => getBody(body!, asOf, signal), enabled: body !== null, retry: false });

  // Read at the click, not at the last render: a date picked a moment ago is already in the address, maybe not yet in
  // this render's parameters, and the card must open on that date.
  const personHref = (id: string) => `${PEOPLE_PATH}/${encodeURIComponent(id)}?${liveParams(params).toString()}`;
  const openPerson = (id: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(personHref(id));
  };

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.fullName'),
      key: 'fullName',
      width: 220,
      fixed: wide ? 'left' : undefined,
      render: (_v, p) => (
        <Space size={[4, 4]} wrap>
          <Link to={personHref(p.id)} onClick={openPerson(p.id)}>{p.fullName}</Link>
          {p.deleted ? <Tag color="red">{t('common.deletedTag')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('people.currentPositions'),
      key: 'positions',
      render: (_v, p) =>
        p.positions.length === 0 ? (
          <span className="muted">{t('people.noPosition')}</span>
        ) : (
          <ul className="people-positions">
            {p.positions.map((pos) => (
              <li key={pos.id}>
                {t('people.positionLine', { title: pos.title, body: pos.bodyName })} <PositionTags position={pos} />
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: t('people.account'),
      key: 'account',
      width: 140,
      render: (_v, p) => (p.hasAccount ? <Tag color="green">{t('people.hasAccount')}</Tag> : null),
    },
  ];

  const pagination = tablePagination(t, { page, pageSize, total: list.data?.total });

  return (
    <>
      <PageHeader
        title={t('nav.people')}
        description={t('people.intro')}
        extra={
          <>
            <ExportButton href={exportUrl('/api/people/export.xlsx', { q, body, asOf })} />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                {t('common.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap align="center" className="table-toolbar body-toolbar">
          <AsOfPicker id="people-date" className="body-date" value={asOf} onChange={(d) => update({ ngay: d, page: null })} />
          <SearchBox
            className="body-search"
            label={t('people.searchLabel')}
            placeholder={t('people.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onSearch={(q) => update({ q: q ?? '', page: null })}
          />
          <div className="body-unit">
            <BodySelect
              asOf={asOf}
              value={body}
              initial={body && bodyDetail.data ? { id: body, name: bodyDetail.data.body.name } : null}
              onChange={(id) => update({ 'to-chuc': id, page: null })}
              placeholder={t('people.bodyFilter')}
              aria-label={t('people.bodyFilter')}
            />
          </div>
        </Flex>
        <Table<Person>
          rowKey="id"
          size="middle"
          sticky={{ offsetHeader: 56 }}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={pagination}
          onChange={(p) => update({ page: p.current && p.current > 1 ? String(p.current) : null, pageSize: p.pageSize && p.pageSize !== 20 ? String(p.pageSize) : null })}
          scroll={{ x: 760 }}
          locale={{ emptyText: list.isError ? errorText(list.error, t) : q || body ? t('people.noMatch') : t('people.empty') }}
          aria-label={t('nav.people')}
        />
      </Card>
      <Drawer
        open={openId !== undefined}
        onClose={() => void navigate(`${PEOPLE_PATH}?${liveParams(params).toString()}`)}
        placement={wide ? 'right' : 'bottom'}
        size={wide ? 940 : '92%'}
        title={t('people.cardTitle')}
        className="person-drawer"
      >
        {openId ? <PersonCard id={openId} asOf={asOf} canManage={canManage} /> : null}
      </Drawer>
      <PersonFormModal
        open={adding}
        person={null}
        onClose={() => setAdding(false)}
        onSaved={(p) => void navigate(personHref(p.id))}
      />
    </>
  );
}
