import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Grid, Row, Select, Skeleton, Spin, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { todayInVietnam } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { mergeParams } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatPercent } from '../work/TaskBits.tsx';
import type { Counts } from '../work/work.api.ts';
import { programmePath } from '../work/work.paths.ts';
import { ApartSection } from './ApartSection.tsx';
import { CountsTable, type CountsRow } from './CountsTable.tsx';
import { defaultProgramme, overviewQuery, programmesQuery, type Overview } from './overview.api.ts';
import type { BarRow, Segment } from './StackedBars.tsx';
import { donePercent, summarySentence } from './summary.ts';
import './overview.css';

// ECharts comes in its own chunk, after the figures are on screen.
const StackedBars = lazy(() => import('./StackedBars.tsx').then((m) => ({ default: m.StackedBars })));

/** "Tổng quan": the leader's first page — one programme's figures, charts, tables and the tasks shown apart. */
export function OverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('programme');
  const year = todayInVietnam().year();

  const programmes = useQuery(programmesQuery);
  const list = useMemo(() => programmes.data ?? [], [programmes.data]);
  const fallback = defaultProgramme(list, year);
  const programmeId =
    chosen && (list.length === 0 || list.some((p) => p.id === chosen)) ? chosen : (fallback?.id ?? null);

  // The address names the programme only once the person picks one: writing the default into it from an effect
  // would race a click elsewhere in the menu and bring the person back here.

  const years = [...new Set(list.map((p) => p.year))];
  const options = years.map((y) => ({
    label: t('overview.year', { year: y }),
    title: String(y),
    options: list.filter((p) => p.year === y).map((p) => ({ value: p.id, label: `${p.title} — ${p.bodyName}` })),
  }));

  return (
    <div className="overview">
      <PageHeader title={t('overview.title')} description={t('overview.intro')} />
      <Flex gap={8} align="center" wrap className="overview-picker">
        <label htmlFor="overview-programme" className="overview-picker-label">
          {t('overview.programme')}
        </label>
        <Select
          id="overview-programme"
          className="overview-programme-select"
          value={programmeId}
          options={options}
          loading={programmes.isPending}
          placeholder={t('overview.programmePlaceholder')}
          onChange={(v: string) => setParams((prev) => mergeParams(prev, { programme: v }), { replace: false })}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={programmes.isError ? errorText(programmes.error, t) : t('overview.noProgrammes')}
          popupMatchSelectWidth={false}
        />
      </Flex>
      {programmes.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : programmes.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(programmes.error, t)} />
      ) : !programmeId ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noProgrammes')} />
        </Card>
      ) : (
        <ProgrammeOverview id={programmeId} />
      )}
    </div>
  );
}

function ProgrammeOverview({ id }: { id: string }) {
  const { t } = useTranslation();
  const overview = useQuery(overviewQuery(id));
  if (overview.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (overview.isError)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(overview.error, t)} />;
  return <OverviewBody o={overview.data} />;
}

type Kpi = { key: string; value: string; search: string | null; tone?: 'good' | 'warn' | 'bad'; hint?: string };

function OverviewBody({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md !== true;
  const lang = currentLocale();
  const c: Counts = o.totals;
  const pid = o.programme.id;

  const kpis: Kpi[] = [
    { key: 'total', value: String(c.total), search: '' },
    { key: 'done', value: String(c.done), search: 'status=accepted', tone: 'good' },
    { key: 'onTime', value: String(c.onTime), search: 'timeliness=on_time', tone: 'good' },
    { key: 'late', value: String(c.late), search: 'timeliness=late', tone: c.late ? 'warn' : undefined },
    { key: 'awaiting', value: String(c.awaiting), search: 'timeliness=awaiting_acceptance' },
    { key: 'overdue', value: String(c.overdue), search: 'timeliness=overdue', tone: c.overdue ? 'bad' : undefined },
    {
      key: 'percent',
      value: formatPercent(donePercent(c)),
      search: null,
      hint: t('overview.kpi.progressHint', { progress: formatPercent(c.progress) }),
    },
  ];

  const groupRows: CountsRow[] = [
    ...o.groups.map((g) => ({
      key: g.groupId,
      label: `${g.position}. ${g.name}`,
      filter: { group: g.groupId },
      counts: g.counts,
    })),
    ...(o.ungrouped && o.ungrouped.total > 0
      ? [{ key: 'ungrouped', label: t('overview.ungrouped'), filter: null, counts: o.ungrouped }]
      : []),
  ];
  const bodyRows: CountsRow[] = o.bodies.map((b) => ({
    key: b.bodyId,
    label: b.bodyName,
    filter: { body: b.bodyId },
    counts: b.counts,
  }));

  const pick = (rows: CountsRow[]) => (row: BarRow, segment: Segment) => {
    const r = rows.find((x) => x.key === row.id);
    if (!r?.filter) return;
    const p = new URLSearchParams(r.filter);
    if (segment.filter) p.set('timeliness', segment.filter);
    void navigate(programmePath(pid, p.toString()));
  };
  const bars = (rows: CountsRow[]): BarRow[] => rows.map((r) => ({ id: r.key, label: r.label, counts: r.counts }));

  return (
    <Flex vertical gap={16}>
      <Row gutter={[12, 12]} className="overview-kpis">
        {kpis.map((k) => {
          const body = (
            <>
              <div className="overview-kpi-label">{t(`overview.kpi.${k.key}`)}</div>
              <div className={`overview-kpi-value ${k.tone ? `overview-kpi-${k.tone}` : ''}`}>{k.value}</div>
              {k.hint ? <div className="overview-kpi-hint">{k.hint}</div> : null}
            </>
          );
          return (
            <Col key={k.key} xs={12} sm={8} lg={6} className="overview-kpi-col">
              {k.search !== null ? (
                <Link to={programmePath(pid, k.search)} className="overview-kpi overview-kpi-link">
                  {body}
                </Link>
              ) : (
                <div className="overview-kpi">{body}</div>
              )}
            </Col>
          );
        })}
      </Row>

      <Card
        title={<h2 className="card-title">{t('overview.summaryTitle')}</h2>}
        extra={<Link to={programmePath(pid)}>{t('overview.openProgramme')}</Link>}
      >
        <Typography.Paragraph className="overview-summary">{summarySentence(o, t, lang)}</Typography.Paragraph>
      </Card>

      {o.apart.length ? <ApartSection programmeId={pid} apart={o.apart} /> : null}

      <Card title={<h2 className="card-title">{t('overview.byGroup')}</h2>}>
        {groupRows.length ? (
          <Suspense fallback={<Spin />}>
            <StackedBars
              rows={bars(groupRows)}
              compact={compact}
              onPick={pick(groupRows)}
              aria-label={t('overview.chartByGroup')}
            />
          </Suspense>
        ) : null}
        <CountsTable
          programmeId={pid}
          nameTitle={t('overview.col.group')}
          rows={groupRows}
          totals={c}
          compact={compact}
          aria-label={t('overview.byGroup')}
        />
      </Card>

      <Card title={<h2 className="card-title">{t('overview.byBody')}</h2>}>
        {bodyRows.length ? (
          <Suspense fallback={<Spin />}>
            <StackedBars
              rows={bars(bodyRows)}
              compact={compact}
              onPick={pick(bodyRows)}
              aria-label={t('overview.chartByBody')}
            />
          </Suspense>
        ) : null}
        <CountsTable
          programmeId={pid}
          nameTitle={t('overview.col.body')}
          rows={bodyRows}
          totals={c}
          compact={compact}
          aria-label={t('overview.byBody')}
        />
      </Card>
    </Flex>
  );
}
