import { PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Grid, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { asOfParam, mergeParams } from '../../lib/url-params.ts';
import { AsOfPicker } from '../../ui/AsOfPicker.tsx';
import { exportUrl } from '../../ui/ExportButton.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { errorText } from '../../ui/errors.ts';
import { useListQuery } from '../../ui/useListQuery.ts';
import { useMe } from '../auth/session.ts';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import { detailKey, getUnit } from '../units/units.api.ts';
import { BodyRowActions, type BodyActions } from './BodyActions.tsx';
import { BodyCard } from './BodyCard.tsx';
import { BodyFormModal, type BodyFormTarget } from './BodyFormModal.tsx';
import { EndBodyModal } from './EndBodyModal.tsx';
import { KindModal } from './KindModal.tsx';
import { BODIES_KEY, KINDS_KEY, listBodies, listKey, listKinds, setBodyDeleted, type Body } from './bodies.api.ts';
import { validityText } from './validity.ts';
import './bodies.css';

/** "Danh mục › Tổ chức": the bodies of the bloc (and those it works with) as of a date, by unit, kind and name; a body's card. */
export function BodiesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const canManage = me.isAdmin;
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().md === true;

  // The date, the unit, the filters, the page and the open body live in the address. The server answers every
  // body; the table pages them.
  const list = useListQuery({
    filters: (params) => ({
      asOf: asOfParam(params.get('ngay')),
      unit: params.get('dv'),
      kind: params.get('loai'),
      q: params.get('q') || null,
      includeDeleted: canManage && params.get('daxoa') === '1',
    }),
    queryKey: (filters) => listKey(filters),
    queryFn: (filters, _paging, signal) => listBodies(filters, signal),
    pageSize: 50,
    pageSizes: [20, 50, 100, 500],
  });
  const query = list.filters;
  const { asOf, unit, kind, includeDeleted } = query;
  // Opening a body's card keeps the page of the list.
  const [, setParams] = useSearchParams();
  const openId = list.params.get('id');
  const update = (next: Record<string, string | null>) =>
    setParams((prev) => mergeParams(prev, next), { replace: true });

  const [form, setForm] = useState<BodyFormTarget | null>(null);
  const [ending, setEnding] = useState<Body | null>(null);
  const [addingKind, setAddingKind] = useState(false);

  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });
  // The unit's name for the picker when the page is opened from a link.
  const unitDetail = useQuery({
    queryKey: detailKey(asOf, unit ?? ''),
    queryFn: ({ signal }) => getUnit(unit!, asOf, signal),
    enabled: unit !== null,
    staleTime: 60_000,
    retry: false,
  });

  const toggle = useMutation({
    mutationFn: (body: Body) => setBodyDeleted(body.id, body.version, !body.deleted),
    onSuccess: (body) => {
      void message.success(t(body.deleted ? 'bodies.deletedDone' : 'bodies.restoredDone', { name: body.name }));
      void queryClient.invalidateQueries({ queryKey: BODIES_KEY });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const actions: BodyActions = {
    edit: (body) => setForm({ body }),
    end: (body) => setEnding(body),
    toggleDeleted: (body) => {
      modal.confirm({
        title: t(body.deleted ? 'bodies.restoreConfirm' : 'bodies.deleteConfirm', { name: body.name }),
        content: body.deleted ? null : t('bodies.deleteExplain'),
        okText: body.deleted ? t('common.restore') : t('common.delete'),
        okButtonProps: { danger: !body.deleted },
        cancelText: t('common.cancel'),
        onOk: () => toggle.mutateAsync(body).catch(() => undefined),
      });
    },
  };

  // At 1366 px the name, kind, unit, dates in force and buttons fit beside the menu, on a tablet the name, the dates
  // and the buttons; the rest is in the row's expansion (on phones, on the card or behind its "Chi tiết").
  const columns: ListColumns<Body> = [
    {
      title: t('bodies.name'),
      key: 'name',
      width: 250,
      fixed: wide ? 'left' : undefined,
      phone: 'title',
      render: (_v, b) => (
        <Button type="link" className="body-name-button" onClick={() => update({ id: b.id })}>
          {b.name}
        </Button>
      ),
    },
    {
      title: t('bodies.shortName'),
      dataIndex: 'shortName',
      key: 'shortName',
      width: 130,
      responsive: ['xxl'],
      render: (v: string | null) => v ?? <span className="muted">—</span>,
    },
    {
      title: t('bodies.kind'),
      key: 'kind',
      width: 190,
      responsive: ['xl'],
      phone: 'line',
      render: (_v, b) => (
        <Space size={[4, 4]} wrap>
          <Tag className="body-tag" color={b.inBloc ? 'blue' : 'default'}>
            {b.kindName}
          </Tag>
          {b.inBloc ? null : <Tag color="orange">{t('bodies.outsideBloc')}</Tag>}
          {b.deleted ? <Tag color="red">{t('common.deletedTag')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('bodies.unit'),
      dataIndex: 'unitName',
      key: 'unitName',
      width: 160,
      responsive: ['xl'],
      phone: 'line',
      render: (v: string | null) => v ?? <span className="muted">—</span>,
    },
    {
      title: t('bodies.parent'),
      dataIndex: 'parentName',
      key: 'parentName',
      width: 200,
      responsive: ['xxl'],
      render: (v: string | null) => v ?? <span className="muted">—</span>,
    },
    {
      title: t('bodies.validityColumn'),
      key: 'validity',
      width: 180,
      render: (_v, b) => validityText(b.validFrom, b.validTo, t),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: wide ? 'right' : undefined,
      render: (_v, b) => <BodyRowActions body={b} actions={actions} />,
    });
  }

  const kindOptions = (kinds.data ?? []).map((k) => ({
    value: k.code,
    label: k.inBloc ? k.name : `${k.name} (${t('bodies.outsideBloc')})`,
  }));

  return (
    <ListPage<Body>
      title={t('nav.bodies')}
      description={t('bodies.intro')}
      exportHref={exportUrl('/api/bodies/export.xlsx', {
        unit,
        asOf,
        kind,
        q: query.q,
        includeDeleted: includeDeleted ? 'true' : null,
      })}
      actions={
        canManage ? (
          <>
            <Button icon={<TagsOutlined aria-hidden />} onClick={() => setAddingKind(true)}>
              {t('bodies.kinds.button')}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ body: null })}>
              {t('common.add')}
            </Button>
          </>
        ) : null
      }
      toolbarClassName="body-toolbar"
      filters={
        <>
          <AsOfPicker
            id="bodies-date"
            className="body-date"
            value={asOf}
            onChange={(d) => list.setFilters({ ngay: d })}
          />
          <div className="body-unit">
            <UnitSearchSelect
              asOf={asOf}
              value={unit}
              valueLabel={unitDetail.data?.unit.name ?? null}
              onChange={(c) => list.setFilters({ dv: c })}
              placeholder={t('bodies.unitPlaceholder')}
              aria-label={t('bodies.unitFilter')}
            />
          </div>
          <Select
            className="body-kind"
            aria-label={t('bodies.kindFilter')}
            placeholder={t('bodies.kindFilter')}
            allowClear
            value={kind}
            options={kindOptions}
            onChange={(v: string | undefined) => list.setFilters({ loai: v ?? null })}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <SearchBox
            className="body-search"
            label={t('bodies.searchLabel')}
            placeholder={t('bodies.searchName')}
            value={query.q ?? ''}
            onSearch={(text) => list.setFilters({ q: text })}
          />
          {canManage ? (
            <Flex gap={6} align="center">
              <Switch
                id="bodies-deleted"
                size="small"
                checked={includeDeleted}
                onChange={(on) => list.setFilters({ daxoa: on ? '1' : null })}
              />
              <label htmlFor="bodies-deleted">{t('bodies.showDeleted')}</label>
            </Flex>
          ) : null}
        </>
      }
      list={list}
      columns={columns}
      rowClassName={(b) => (b.deleted ? 'body-row-deleted' : '')}
      cardsOnPhone
      emptyText={t('bodies.empty')}
    >
      <Drawer
        open={openId !== null}
        onClose={() => update({ id: null })}
        placement={wide ? 'right' : 'bottom'}
        size={wide ? 640 : '90%'}
        title={t('bodies.cardTitle')}
        className="body-drawer"
      >
        {openId ? (
          <BodyCard
            id={openId}
            asOf={asOf}
            canManage={canManage}
            actions={actions}
            onOpen={(id, date) => update({ id, ngay: date ?? asOf })}
          />
        ) : null}
      </Drawer>
      <BodyFormModal
        target={form}
        asOf={asOf}
        unit={unit}
        onClose={() => setForm(null)}
        onCreated={(b) => update({ id: b.id })}
      />
      <EndBodyModal body={ending} asOf={asOf} onClose={() => setEnding(null)} />
      {canManage ? <KindModal open={addingKind} onClose={() => setAddingKind(false)} /> : null}
    </ListPage>
  );
}
