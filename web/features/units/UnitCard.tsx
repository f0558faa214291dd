import {
  ArrowRightOutlined,
  DeleteOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import {
  detailKey,
  getUnit,
  lastDay,
  type UnitCounterpart,
  type UnitDetail,
  type UnitItem,
  type UnitLink,
  type UnitVersion,
} from './units.api.ts';

/** The first catalogue Khối holds; a null `validFrom` means the unit existed before it. */
export const FIRST_CATALOGUE_DATE = '2024-09-01';

export type VillageAction = 'add' | 'rename' | 'move' | 'merge' | 'close';

type Props = {
  asOf: string;
  code: string;
  canManageVillages: boolean;
  /** Opens a unit, optionally as of another date (following a link). */
  onOpen: (code: string, date?: string) => void;
  onAction: (action: VillageAction, detail: UnitDetail) => void;
};

/** "từ dd/MM/yyyy" / "từ trước 01/09/2024". */
export function fromText(validFrom: string | null, t: TFunction): string {
  return validFrom
    ? t('units.from', { date: formatDate(validFrom) })
    : t('units.fromBefore', { date: formatDate(FIRST_CATALOGUE_DATE) });
}

/** "đến dd/MM/yyyy" (the last day in force) / "đến nay". */
export function toText(validTo: string | null, t: TFunction): string {
  return validTo ? t('units.to', { date: formatDate(lastDay(validTo)) }) : t('units.toNow');
}

/** The day before a date (a 'from' link is opened as the source stood on its last day). */
function dayBefore(date: string): string {
  return lastDay(date);
}

/** A unit's card: what it is, where it sits, since when, how it came to be and what became of it. */
export function UnitCard({ asOf, code, canManageVillages, onOpen, onAction }: Props) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: detailKey(asOf, code),
    queryFn: ({ signal }) => getUnit(code, asOf, signal),
    staleTime: 60_000,
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={notFound ? t('units.notFoundOn', { code, date: formatDate(asOf) }) : errorText(detail.error, t)}
      />
    );
  }

  const { unit, ancestors, history, links, successors, sources } = detail.data;
  // A continuation (`same`) shows at the edges of the version on the card; an abolished district, which has no
  // links of its own, shows what its communes became (and a new unit without links, what its children came from).
  const edge = (l: UnitLink) =>
    l.type !== 'same' || l.date === (l.direction === 'from' ? unit.validFrom : unit.validTo);
  const from: LinkEntry[] = [
    ...links.filter((l) => l.direction === 'from' && edge(l)).map(entry),
    ...sources.filter((s) => s.through.length > 0).map(entry),
  ];
  const to: LinkEntry[] = [
    ...links.filter((l) => l.direction === 'to' && edge(l)).map(entry),
    ...successors.filter((s) => s.through.length > 0).map(entry),
  ];

  return (
    <article className="unit-card" aria-labelledby="unit-card-title">
      {ancestors.length > 0 ? (
        <Breadcrumb
          className="unit-breadcrumb"
          items={[
            ...ancestors.map((a) => ({
              key: a.id,
              title: a.code ? (
                <a
                  href={`?ngay=${asOf}&ma=${encodeURIComponent(a.code)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(a.code!);
                  }}
                >
                  {a.name}
                </a>
              ) : (
                a.name
              ),
            })),
            { key: unit.id, title: unit.name },
          ]}
        />
      ) : null}
      <Typography.Title level={3} id="unit-card-title" className="unit-card-title">
        {unit.name}
      </Typography.Title>
      <Space size={[6, 6]} wrap className="unit-card-tags">
        {unit.code ? (
          <Tag className="unit-code-tag" aria-label={t('units.code')}>
            {t('units.codeValue', { code: unit.code })}
          </Tag>
        ) : null}
        <Tag color="blue">{unit.kindName}</Tag>
        <Tag>{t(`units.levels.${unit.level}`)}</Tag>
      </Space>
      <Typography.Paragraph className="unit-validity">
        {t('units.validity', { from: fromText(unit.validFrom, t), to: toText(unit.validTo, t) })}
      </Typography.Paragraph>

      {canManageVillages ? <VillageButtons detail={detail.data} onAction={onAction} /> : null}

      {from.length > 0 || to.length > 0 ? (
        <section className="unit-section" aria-labelledby="unit-links-title">
          <Typography.Title level={4} id="unit-links-title" className="unit-section-title">
            {t('units.links')}
          </Typography.Title>
          {from.length > 0 ? (
            <LinkList title={t('units.linksFrom')} links={from} onOpen={(l) => onOpen(l.code!, dayBefore(l.date))} />
          ) : null}
          {to.length > 0 ? (
            <LinkList title={t('units.linksTo')} links={to} onOpen={(l) => onOpen(l.code!, l.date)} />
          ) : null}
        </section>
      ) : null}

      <section className="unit-section" aria-labelledby="unit-history-title">
        <Typography.Title level={4} id="unit-history-title" className="unit-section-title">
          {t('units.history')}
        </Typography.Title>
        <HistoryTable history={history} current={unit} />
      </section>
    </article>
  );
}

function VillageButtons({ detail, onAction }: { detail: UnitDetail; onAction: Props['onAction'] }) {
  const { t } = useTranslation();
  const { unit } = detail;
  if (unit.level === 3) {
    return (
      <Flex gap={8} wrap className="unit-actions">
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => onAction('add', detail)}>
          {t('units.addVillage')}
        </Button>
      </Flex>
    );
  }
  if (unit.level !== 4) return null;
  return (
    <Flex gap={8} wrap className="unit-actions">
      <Button icon={<EditOutlined aria-hidden />} onClick={() => onAction('rename', detail)}>
        {t('units.rename')}
      </Button>
      <Button icon={<SwapOutlined aria-hidden />} onClick={() => onAction('move', detail)}>
        {t('units.move')}
      </Button>
      <Button icon={<MergeCellsOutlined aria-hidden />} onClick={() => onAction('merge', detail)}>
        {t('units.merge')}
      </Button>
      <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => onAction('close', detail)}>
        {t('units.close')}
      </Button>
    </Flex>
  );
}

/** A line of the card's links: a link of the unit's own, or a successor or source through its communes. */
type LinkEntry = Pick<UnitLink, 'id' | 'code' | 'name' | 'type' | 'date'> & { through: UnitCounterpart['through'] };
const entry = (l: UnitLink | UnitCounterpart): LinkEntry => ({
  id: l.id,
  code: l.code,
  name: l.name,
  type: l.type,
  date: l.date,
  through: 'through' in l ? l.through : [],
});
const TYPE_COLOR = { full: 'green', partial: 'gold', same: 'blue' } as const;

function LinkList({ title, links, onOpen }: { title: string; links: LinkEntry[]; onOpen: (link: LinkEntry) => void }) {
  const { t } = useTranslation();
  return (
    <div className="unit-links">
      <Typography.Text strong className="unit-links-title">
        {title}
      </Typography.Text>
      <ul className="unit-link-list">
        {links.map((l) => (
          <li key={`${l.id}-${l.date}`} className="unit-link">
            {l.code ? (
              <Button
                type="link"
                size="small"
                className="unit-link-button"
                onClick={() => onOpen(l)}
                icon={<ArrowRightOutlined aria-hidden />}
              >
                <span className="unit-code">{l.code}</span> {l.name}
              </Button>
            ) : (
              <span>{l.name}</span>
            )}
            <span className="unit-link-meta">
              <Tag color={TYPE_COLOR[l.type]}>{t(`units.linkType.${l.type}`)}</Tag>
              <span className="muted">{formatDate(l.date)}</span>
            </span>
            {l.through.length > 0 ? (
              <span className="unit-link-through muted">
                {t('units.through', { names: l.through.map((c) => c.name).join(', ') })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function HistoryTable({ history, current }: { history: UnitVersion[]; current: UnitItem }) {
  const { t } = useTranslation();
  // The version shown on the card (in force on the page's date) is highlighted.
  const isCurrent = (h: UnitVersion) => h.validFrom === current.validFrom && h.validTo === current.validTo;
  // On a phone each version is a card: its name, then its dates, kind and parent as labelled lines.
  const columns: ListColumns<UnitVersion> = [
    {
      title: t('units.historyFrom'),
      dataIndex: 'validFrom',
      key: 'validFrom',
      width: 105,
      render: (v: string | null) =>
        v ? (
          formatDate(v)
        ) : (
          <span className="muted">{t('units.before', { date: formatDate(FIRST_CATALOGUE_DATE) })}</span>
        ),
    },
    {
      title: t('units.historyTo'),
      dataIndex: 'validTo',
      key: 'validTo',
      width: 105,
      render: (v: string | null) => (v ? formatDate(lastDay(v)) : <span className="muted">{t('units.now')}</span>),
    },
    {
      title: t('units.name'),
      key: 'name',
      phone: 'title',
      render: (_v, h) => (isCurrent(h) ? <strong title={t('units.current')}>{h.name}</strong> : h.name),
    },
    { title: t('units.kind'), dataIndex: 'kindName', key: 'kindName', width: 120 },
    {
      title: t('units.parent'),
      dataIndex: 'parentName',
      key: 'parentName',
      width: 170,
      render: (v: string | null) => v ?? <span className="muted">—</span>,
    },
  ];
  return (
    <ListTable<UnitVersion>
      label={t('units.history')}
      rowKey="id"
      rowClassName={(h) => (isCurrent(h) ? 'unit-history-current' : '')}
      size="small"
      columns={columns}
      rows={history}
      pagination={false}
      scrollX={560}
      emptyText={t('common.none')}
      cardsOnPhone
    />
  );
}
