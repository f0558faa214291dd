import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { errorText } from '../../ui/errors.ts';
import { RecordHistorySection } from '../audit/RecordHistory.tsx';
import { useMe } from '../auth/session.ts';
import { lastDay } from '../units/units.api.ts';
import { BodyRowActions, type BodyActions } from './BodyActions.tsx';
import {
  bodyDetailKey,
  getBody,
  holdersKey,
  listHolders,
  type Body,
  type BodyLink,
  type Position,
} from './bodies.api.ts';
import { validityText } from './validity.ts';

type Props = {
  id: string;
  asOf: string;
  canManage: boolean;
  actions: BodyActions;
  /** Opens another body, optionally moving the page to another date (following a predecessor or successor). */
  onOpen: (id: string, date?: string) => void;
};

/** The address of a person's page, as of a date. */
export function personPath(personId: string, asOf: string): string {
  return `/danh-muc/can-bo/${encodeURIComponent(personId)}?ngay=${asOf}`;
}

/** Quyền / Kiêm nhiệm tags of a position. */
export function PositionTags({ position }: { position: Pick<Position, 'acting' | 'concurrent'> }) {
  const { t } = useTranslation();
  return (
    <>
      {position.acting ? <Tag color="gold">{t('people.acting')}</Tag> : null}
      {position.concurrent ? <Tag color="purple">{t('people.concurrent')}</Tag> : null}
    </>
  );
}

/** A body's card: where it sits in its line, what is below it, what came before and after it, and who holds positions in it. */
export function BodyCard({ id, asOf, canManage, actions, onOpen }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const detail = useQuery({
    queryKey: bodyDetailKey(id, asOf),
    queryFn: ({ signal }) => getBody(id, asOf, signal),
    staleTime: 30_000,
  });
  const holders = useQuery({
    queryKey: holdersKey(id, asOf),
    queryFn: ({ signal }) => listHolders(id, asOf, signal),
    staleTime: 30_000,
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={notFound ? t('bodies.notFound') : errorText(detail.error, t)}
      />
    );
  }
  const { body, line, children, predecessors, successors } = detail.data;

  const bodyLink = (b: Pick<Body, 'id' | 'name'>, date?: string) => (
    <Button type="link" size="small" className="body-link-button" onClick={() => onOpen(b.id, date)}>
      {b.name}
    </Button>
  );

  const holderColumns: ListColumns<Position> = [
    {
      title: t('people.fullName'),
      key: 'person',
      render: (_v, p) => <Link to={personPath(p.personId, asOf)}>{p.personName}</Link>,
    },
    {
      title: t('people.title'),
      key: 'title',
      render: (_v, p) => (
        <Space size={[4, 4]} wrap>
          <span>{p.title}</span>
          <PositionTags position={p} />
        </Space>
      ),
    },
    {
      title: t('people.period'),
      key: 'period',
      width: 190,
      render: (_v, p) => validityText(p.validFrom, p.validTo, t),
    },
  ];

  return (
    <article className="body-card" aria-labelledby="body-card-title">
      <Typography.Title level={3} id="body-card-title" className="body-card-title">
        {body.name}
      </Typography.Title>
      <Space size={[6, 6]} wrap className="body-card-tags">
        <Tag color={body.inBloc ? 'blue' : 'default'}>{body.kindName}</Tag>
        {body.inBloc ? null : <Tag color="orange">{t('bodies.outsideBloc')}</Tag>}
        {body.shortName ? <Tag>{body.shortName}</Tag> : null}
        {body.deleted ? <Tag color="red">{t('common.deletedTag')}</Tag> : null}
      </Space>
      <dl className="body-facts">
        <dt>{t('bodies.unit')}</dt>
        <dd>{body.unitName ?? '—'}</dd>
        <dt>{t('bodies.validityColumn')}</dt>
        <dd>{validityText(body.validFrom, body.validTo, t)}</dd>
      </dl>
      {canManage ? <BodyRowActions body={body} actions={actions} buttons /> : null}

      <section className="body-section" aria-labelledby="body-holders">
        <Typography.Title level={4} id="body-holders" className="body-section-title">
          {t('bodies.holders', { date: formatDate(asOf) })}
        </Typography.Title>
        <ListTable<Position>
          label={t('bodies.holders', { date: formatDate(asOf) })}
          rowKey="id"
          size="small"
          columns={holderColumns}
          rows={holders.data ?? []}
          loading={holders.isFetching}
          pagination={false}
          scrollX={520}
          emptyText={holders.isError ? errorText(holders.error, t) : t('bodies.noHolders')}
          className="body-holders"
          cardsOnPhone
        />
      </section>

      <section className="body-section" aria-labelledby="body-line">
        <Typography.Title level={4} id="body-line" className="body-section-title">
          {t('bodies.line')}
        </Typography.Title>
        {line.length === 0 ? (
          <Typography.Text type="secondary">{t('bodies.lineTop')}</Typography.Text>
        ) : (
          <ol className="body-line">
            {line.map((b) => (
              <li key={b.id}>{bodyLink(b)}</li>
            ))}
            <li aria-current="true">
              <strong>{body.name}</strong>
            </li>
          </ol>
        )}
      </section>

      <section className="body-section" aria-labelledby="body-children">
        <Typography.Title level={4} id="body-children" className="body-section-title">
          {t('bodies.children')}
        </Typography.Title>
        {children.length === 0 ? (
          <Typography.Text type="secondary">{t('bodies.noChildren')}</Typography.Text>
        ) : (
          <ul className="body-link-list">
            {children.map((b) => (
              <li key={b.id} className="body-link">
                {bodyLink(b)}
                <span className="muted">{b.kindName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {predecessors.length > 0 || successors.length > 0 ? (
        <section className="body-section" aria-labelledby="body-links">
          <Typography.Title level={4} id="body-links" className="body-section-title">
            {t('bodies.links')}
          </Typography.Title>
          {predecessors.length > 0 ? (
            <LinkList
              title={t('bodies.predecessors')}
              links={predecessors}
              open={(l) => onOpen(l.id, lastDay(l.date))}
            />
          ) : null}
          {successors.length > 0 ? (
            <LinkList title={t('bodies.successors')} links={successors} open={(l) => onOpen(l.id, l.date)} />
          ) : null}
        </section>
      ) : null}

      {me.isAdmin ? <RecordHistorySection table="bodies" recordId={body.id} /> : null}
    </article>
  );
}

function LinkList({ title, links, open }: { title: string; links: BodyLink[]; open: (link: BodyLink) => void }) {
  return (
    <div className="body-links">
      <Typography.Text strong>{title}</Typography.Text>
      <ul className="body-link-list">
        {links.map((l) => (
          <li key={`${l.id}-${l.date}`} className="body-link">
            <Button
              type="link"
              size="small"
              className="body-link-button"
              icon={<ArrowRightOutlined aria-hidden />}
              onClick={() => open(l)}
            >
              {l.name}
            </Button>
            <span className="muted">{formatDate(l.date)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
