import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Drawer, Empty, Flex, Grid, Row, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useWindowHeight } from '../../lib/hooks.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/session.ts';
import { useCanManageVillages } from '../roles/useCanManageVillages.ts';
import { ImportVillagesModal } from './ImportVillagesModal.tsx';
import { PendingList } from './PendingList.tsx';
import { UnitCard, type VillageAction } from './UnitCard.tsx';
import { UnitSearchSelect } from './UnitSearchSelect.tsx';
import { UnitTree } from './UnitTree.tsx';
import {
  acrossKey,
  detailKey,
  getUnit,
  getUnitAcross,
  listPending,
  PENDING_KEY,
  type UnitDetail,
} from './units.api.ts';
import { acrossNotice, UnitAcrossList } from './UnitAcross.tsx';
import { VillageActionModal, type VillageDone, type VillageTarget } from './VillageActionModal.tsx';
import './units.css';
import { asOfParam, isoDateParam, mergeParams } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { AsOfPicker } from '../../ui/AsOfPicker.tsx';

const PENDING_TAB = 'can-xu-ly';

/** "Danh mục › Đơn vị hành chính": the unit tree as of any date, search, a unit's card with its history and links, villages. */
export function UnitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  // Catalogue matters (pending list, import) are for administrators; villages also for accounts whose role allows
  // it somewhere — the server decides which communes (403 elsewhere).
  const canManage = me.isAdmin;
  const canManageVillages = useCanManageVillages(me);
  const wide = Grid.useBreakpoint().lg === true;
  const windowHeight = useWindowHeight();

  // The date, the unit and the tab live in the address, so a reload or a shared link shows the same thing.
  const [params, setParams] = useSearchParams();
  const rawDate = params.get('ngay');
  const asOf = asOfParam(rawDate);
  const code = params.get('ma');
  // The date `ma` was read on, when the page's date moved on from it with the unit open: the unit is then looked
  // for across the change (itself, what it became, what it came from).
  const readOn = isoDateParam(params.get('tu'));
  const crossing = code !== null && readOn !== undefined && readOn !== asOf;
  const tab = canManage && params.get('tab') === PENDING_TAB ? PENDING_TAB : 'cay';

  // Each step through the tree is a history entry, so the browser's Back returns to the unit before.
  const update = (next: { ngay?: string; ma?: string | null; tu?: string | null; tab?: string | null }) =>
    setParams((prev) => mergeParams(prev, next));

  const open = (unitCode: string, date?: string) => update({ ma: unitCode, ngay: date ?? asOf, tu: null, tab: null });

  // A new date keeps the open unit: the page finds it (or what it became, or came from) on that date.
  const changeDate = (date: string) => {
    const base = readOn ?? asOf;
    update({ ngay: date, tu: code && date !== base ? base : null });
  };

  const across = useQuery({
    queryKey: acrossKey(code ?? '', readOn ?? asOf, asOf),
    queryFn: ({ signal }) => getUnitAcross(code!, readOn!, asOf, signal),
    enabled: crossing,
    staleTime: 60_000,
  });
  // The unit the card shows: the one open, the same unit on the new date, or the one unit it became or came from.
  const landed = across.data
    ? (across.data.self ?? (across.data.units.length === 1 ? across.data.units[0]! : null))
    : null;
  const shown = crossing ? (landed?.code ?? null) : code;
  const notice = crossing && across.data ? acrossNotice(across.data, t) : null;

  const [target, setTarget] = useState<VillageTarget | null>(null);
  const [importing, setImporting] = useState(false);

  // Shared with the card's own query: the ancestors open the tree down to the selected unit.
  const detail = useQuery({
    queryKey: detailKey(asOf, shown ?? ''),
    queryFn: ({ signal }) => getUnit(shown!, asOf, signal),
    enabled: shown !== null,
    staleTime: 60_000,
  });
  // The tree opens down to what the card shows: the unit, or the units to choose from.
  const choices = crossing && !landed ? (across.data?.units ?? []) : [];
  const reveal =
    choices.length > 0
      ? [...new Set(choices.flatMap((u) => u.ancestors.flatMap((a) => (a.code ? [a.code] : []))))]
      : (detail.data?.ancestors.flatMap((a) => (a.code ? [a.code] : [])) ?? []);

  const pending = useQuery({ queryKey: PENDING_KEY, queryFn: listPending, enabled: canManage });

  const onAction = (action: VillageAction, d: UnitDetail) => {
    const commune = action === 'add' ? d.unit.code : (d.ancestors.at(-1)?.code ?? null);
    setTarget({ action, unit: d.unit, communeCode: commune, date: asOf });
  };

  const onDone = (done: VillageDone) => {
    setTarget(null);
    // A change dated after the page's date would not show yet: move the page to it.
    update({ ngay: done.date > asOf ? done.date : asOf, ma: done.code ?? shown ?? code, tu: null, tab: null });
  };

  const unitCard = (c: string) => (
    <UnitCard asOf={asOf} code={c} canManageVillages={canManageVillages} onOpen={open} onAction={onAction} />
  );
  let card;
  if (!code) card = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.pickUnit')} />;
  else if (!crossing) card = unitCard(code);
  else if (across.isPending) card = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (across.isError)
    card = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(across.error, t)} />;
  else if (shown)
    card = (
      <>
        {notice ? <Alert className="unit-across-notice" type="info" showIcon title={notice} /> : null}
        {unitCard(shown)}
      </>
    );
  else
    card = (
      <UnitAcrossList
        data={across.data}
        from={readOn}
        onOpen={(c) => open(c)}
        onBack={() => update({ ngay: readOn, tu: null })}
      />
    );

  const treeHeight = Math.max(320, windowHeight - (wide ? 350 : 300));

  const browser = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9} xxl={8}>
        <Card className="unit-tree-card">
          <Flex gap={8} wrap align="center" className="unit-toolbar">
            <AsOfPicker id="units-date" className="unit-date" value={asOf} onChange={changeDate} />
            <div className="unit-search">
              <UnitSearchSelect asOf={asOf} onChange={(c) => c && open(c)} aria-label={t('units.searchLabel')} />
            </div>
          </Flex>
          <UnitTree
            key={asOf}
            asOf={asOf}
            selected={shown}
            marked={choices.flatMap((u) => (u.code ? [u.code] : []))}
            reveal={reveal}
            onSelect={(c) => open(c)}
            height={treeHeight}
          />
        </Card>
      </Col>
      {wide ? (
        <Col lg={14} xl={15} xxl={16}>
          <Card className="unit-card-panel">{card}</Card>
        </Col>
      ) : null}
    </Row>
  );

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        description={t('units.intro')}
        extra={
          canManage ? (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
              {t('units.import.button')}
            </Button>
          ) : null
        }
      />
      {canManage ? (
        <Tabs
          className="unit-tabs"
          activeKey={tab}
          onChange={(key) => update({ tab: key === PENDING_TAB ? PENDING_TAB : null })}
          items={[
            { key: 'cay', label: t('units.treeTab'), children: browser },
            {
              key: PENDING_TAB,
              label: (
                <Flex gap={6} align="center">
                  {t('units.pending.title')}
                  <Badge count={pending.data?.length ?? 0} size="small" />
                </Flex>
              ),
              children: (
                <Card>
                  <PendingList
                    onOpen={open}
                    onPlace={(village, date) => setTarget({ action: 'move', unit: village, communeCode: null, date })}
                  />
                </Card>
              ),
            },
          ]}
        />
      ) : (
        browser
      )}
      {wide ? null : (
        <Drawer
          open={code !== null && tab !== PENDING_TAB}
          onClose={() => update({ ma: null, tu: null })}
          placement="bottom"
          size="88%"
          title={t('units.cardTitle')}
          // The date can change with the card open, as beside the tree: the card follows the unit across it.
          extra={
            <div className="unit-drawer-date">
              <AsOfPicker id="units-date-card" className="unit-date" value={asOf} onChange={changeDate} />
            </div>
          }
          className="unit-drawer"
        >
          {card}
        </Drawer>
      )}
      <VillageActionModal target={target} onClose={() => setTarget(null)} onDone={onDone} />
      {canManage ? <ImportVillagesModal open={importing} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
