import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Drawer, Empty, Flex, Grid, Row, Tabs } from 'antd';
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
import { detailKey, getUnit, listPending, PENDING_KEY, type UnitDetail } from './units.api.ts';
import { VillageActionModal, type VillageDone, type VillageTarget } from './VillageActionModal.tsx';
import './units.css';
import { asOfParam, mergeParams } from '../../lib/url-params.ts';
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
  const tab = canManage && params.get('tab') === PENDING_TAB ? PENDING_TAB : 'cay';

  // Each step through the tree is a history entry, so the browser's Back returns to the unit before.
  const update = (next: { ngay?: string; ma?: string | null; tab?: string | null }) =>
    setParams((prev) => mergeParams(prev, next));

  const open = (unitCode: string, date?: string) => update({ ma: unitCode, ngay: date ?? asOf, tab: null });

  const [target, setTarget] = useState<VillageTarget | null>(null);
  const [importing, setImporting] = useState(false);

  // Shared with the card's own query: the ancestors open the tree down to the selected unit.
  const detail = useQuery({
    queryKey: detailKey(asOf, code ?? ''),
    queryFn: ({ signal }) => getUnit(code!, asOf, signal),
    enabled: code !== null,
    staleTime: 60_000,
  });
  const reveal = detail.data?.ancestors.flatMap((a) => (a.code ? [a.code] : [])) ?? [];

  const pending = useQuery({ queryKey: PENDING_KEY, queryFn: listPending, enabled: canManage });

  const onAction = (action: VillageAction, d: UnitDetail) => {
    const commune = action === 'add' ? d.unit.code : (d.ancestors.at(-1)?.code ?? null);
    setTarget({ action, unit: d.unit, communeCode: commune, date: asOf });
  };

  const onDone = (done: VillageDone) => {
    setTarget(null);
    // A change dated after the page's date would not show yet: move the page to it.
    update({ ngay: done.date > asOf ? done.date : asOf, ma: done.code ?? code, tab: null });
  };

  const card = code ? (
    <UnitCard asOf={asOf} code={code} canManageVillages={canManageVillages} onOpen={open} onAction={onAction} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.pickUnit')} />
  );

  const treeHeight = Math.max(320, windowHeight - (wide ? 350 : 300));

  const browser = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9} xxl={8}>
        <Card className="unit-tree-card">
          <Flex gap={8} wrap align="center" className="unit-toolbar">
            <AsOfPicker id="units-date" className="unit-date" value={asOf} onChange={(d) => update({ ngay: d })} />
            <div className="unit-search">
              <UnitSearchSelect asOf={asOf} onChange={(c) => c && open(c)} aria-label={t('units.searchLabel')} />
            </div>
          </Flex>
          <UnitTree
            key={asOf}
            asOf={asOf}
            selected={code}
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
          onClose={() => update({ ma: null })}
          placement="bottom"
          size="88%"
          title={t('units.cardTitle')}
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
