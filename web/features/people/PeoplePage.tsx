import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Grid, Space, Tag } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { asOfParam, liveParams } from '../../lib/url-params.ts';
import { AsOfPicker } from '../../ui/AsOfPicker.tsx';
import { exportUrl } from '../../ui/ExportButton.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { useMe } from '../auth/session.ts';
import { PositionTags } from '../bodies/BodyCard.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { bodyDetailKey, getBody } from '../bodies/bodies.api.ts';
import '../bodies/bodies.css';
import { PersonCard } from './PersonCard.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { listPeople, peopleListKey, type Person } from './people.api.ts';

export const PEOPLE_PATH = '/danh-muc/can-bo';

/** "Danh mục › Cán bộ": the people register with their positions on a date; a person's page at /danh-muc/can-bo/:id. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = me.isAdmin;
  const wide = Grid.useBreakpoint().md === true;
  const navigate = useNavigate();
  const { id: openId } = useParams<{ id?: string }>();

  // The date, the search and the body filter live in the address.
  const list = useListQuery({
    filters: (params) => ({
      q: params.get('q') ?? '',
      body: params.get('to-chuc'),
      asOf: asOfParam(params.get('ngay')),
    }),
    queryKey: (filters, paging) => peopleListKey({ ...filters, ...paging }),
    queryFn: (filters, paging, signal) => listPeople({ ...filters, ...paging }, signal),
  });
  const { q, body, asOf } = list.filters;
  const params = list.params;
  const [adding, setAdding] = useState(false);

  // The body's name for the filter when the page is opened from a link.
  const bodyDetail = useQuery({
    queryKey: bodyDetailKey(body ?? '', asOf),
    queryFn: ({ signal }) => getBody(body!, asOf, signal),
    enabled: body !== null,
    retry: false,
  });

  // Read at the click, not at the last render: a date picked a moment ago is already in the address, maybe not yet in
  // this render's parameters, and the card must open on that date.
  const personHref = (id: string) => `${PEOPLE_PATH}/${encodeURIComponent(id)}?${liveParams(params).toString()}`;
  const openPerson = (id: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(personHref(id));
  };

  const columns: ListColumns<Person> = [
    {
      title: t('people.fullName'),
      key: 'fullName',
      width: 220,
      fixed: wide ? 'left' : undefined,
      phone: 'title',
      render: (_v, p) => (
        <Space size={[4, 4]} wrap>
          <Link to={personHref(p.id)} onClick={openPerson(p.id)}>
            {p.fullName}
          </Link>
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

  return (
    <ListPage<Person>
      title={t('nav.people')}
      description={t('people.intro')}
      exportHref={exportUrl('/api/people/export.xlsx', { q, body, asOf })}
      actions={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('common.add')}
          </Button>
        ) : null
      }
      toolbarClassName="body-toolbar"
      filters={
        <>
          <AsOfPicker
            id="people-date"
            className="body-date"
            value={asOf}
            onChange={(d) => list.setFilters({ ngay: d })}
          />
          <SearchBox
            className="body-search"
            label={t('people.searchLabel')}
            placeholder={t('people.searchPlaceholder')}
            value={q}
            onSearch={(text) => list.setFilters({ q: text })}
          />
          <div className="body-unit">
            <BodySelect
              asOf={asOf}
              value={body}
              initial={body && bodyDetail.data ? { id: body, name: bodyDetail.data.body.name } : null}
              onChange={(id) => list.setFilters({ 'to-chuc': id })}
              placeholder={t('people.bodyFilter')}
              aria-label={t('people.bodyFilter')}
            />
          </div>
        </>
      }
      list={list}
      columns={columns}
      cardsOnPhone
      emptyText={q || body ? t('people.noMatch') : t('people.empty')}
    >
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
    </ListPage>
  );
}
