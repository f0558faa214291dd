import { SearchBox } from '../../ui/SearchBox.tsx';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Progress, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { todayInVietnam } from '../../lib/format.ts';
import { mergeParams } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { bodyDetailKey, getBody } from '../bodies/bodies.api.ts';
import '../bodies/bodies.css';
import { ProgrammePage } from './ProgrammePage.tsx';
import { CreateProgrammeModal, ImportProgrammeModal } from './ProgrammeModals.tsx';
import { formatPercent } from './TaskBits.tsx';
import { getWorkPermissions, listProgrammes, programmesKey, type Programme } from './work.api.ts';
import { programmePath } from './work.paths.ts';
import './work.css';

/** '/chuong-trinh' lists programmes; '/chuong-trinh/:id' opens one. */
export function ProgrammesRoute() {
  const { id } = useParams<{ id?: string }>();
  return id ? <ProgrammePage key={id} id={id} /> : <ProgrammesPage />;
}

/** The years offered: from 2020 to next year, and any year read from the address. */
function yearOptions(current: number, chosen: number): number[] {
  const years = new Set<number>([chosen]);
  for (let y = current + 1; y >= 2020; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** "Chương trình công tác": the bodies' annual work programmes for a year, with their progress. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = todayInVietnam().year();
  const rawYear = Number(params.get('nam'));
  const year = Number.isInteger(rawYear) && rawYear >= 2000 && rawYear <= 2100 ? rawYear : thisYear;
  const bodyId = params.get('to-chuc');
  const q = params.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const asOf = todayInVietnam().format('YYYY-MM-DD');

  const update = (next: Record<string, string | null>) =>
    setParams((prev) => mergeParams(prev, next), { replace: true });

  const query = { year, bodyId, q: q || undefined };
  const list = useQuery({
    queryKey: programmesKey(query),
    queryFn: ({ signal }) => listProgrammes(query, signal),
    placeholderData: keepPreviousData,
  });
  const body = useQuery({
    queryKey: bodyDetailKey(bodyId ?? '', asOf),
    queryFn: ({ signal }) => getBody(bodyId!, asOf, signal),
    enabled: bodyId !== null,
    retry: false,
  });

  // Only those who may create a programme see the buttons (the server checks again).
  const permissions = useQuery({
    queryKey: ['work', 'permissions'],
    queryFn: ({ signal }) => getWorkPermissions(signal),
    staleTime: 60_000,
  });
  const mayCreate = permissions.data?.createProgramme ?? false;
  const open = (p: Pick<Programme, 'id'>) => void navigate(programmePath(p.id));

  return (
    <>
      <PageHeader
        title={t('work.nav.programmes')}
        description={t('work.programmes.intro')}
        extra={
          mayCreate ? (
            <>
              <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {t('work.import.button')}
              </Button>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('work.programmes.create')}
              </Button>
            </>
          ) : null
        }
      />
      <Card className="work-card">
        <Flex gap={8} wrap align="center" className="table-toolbar">
          <label htmlFor="programmes-year" className="unit-date-label">
            {t('work.programme.year')}
          </label>
          <Select
            id="programmes-year"
            className="work-year"
            value={year}
            options={yearOptions(thisYear, year).map((y) => ({ value: y, label: String(y) }))}
            onChange={(y: number) => update({ nam: y === thisYear ? null : String(y) })}
          />
          <div className="work-filter-body">
            <BodySelect
              asOf={asOf}
              value={bodyId}
              initial={bodyId && body.data ? { id: bodyId, name: body.data.body.name } : null}
              onChange={(id) => update({ 'to-chuc': id })}
              placeholder={t('work.programmes.bodyFilter')}
              aria-label={t('work.programmes.bodyFilter')}
            />
          </div>
          <SearchBox
            className="work-search"
            label={t('work.programmes.searchLabel')}
            placeholder={t('work.programmes.searchPlaceholder')}
            value={q}
            onSearch={(q) => update({ q: q ?? '' })}
          />
        </Flex>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(list.error, t)} />
        ) : list.data.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={q || bodyId ? t('work.programmes.noMatch', { year }) : t('work.programmes.empty', { year })}
          >
            {mayCreate ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('work.programmes.create')}
              </Button>
            ) : null}
          </Empty>
        ) : (
          <>
            <Typography.Text type="secondary" className="work-count-line">
              {t('work.programmes.count', { count: list.data.length, year })}
            </Typography.Text>
            <ul className="work-programme-grid" aria-label={t('work.nav.programmes')}>
              {list.data.map((p) => (
                <li key={p.id}>
                  <ProgrammeCard programme={p} onOpen={() => open(p)} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <CreateProgrammeModal
        open={creating}
        year={year}
        bodyId={bodyId}
        onClose={() => setCreating(false)}
        onCreated={open}
      />
      <ImportProgrammeModal
        open={importing}
        year={year}
        bodyId={bodyId}
        onClose={() => setImporting(false)}
        onCreated={open}
      />
    </>
  );
}

/** One programme: title, owner body, counts and the weighted progress. */
function ProgrammeCard({ programme: p, onOpen }: { programme: Programme; onOpen: () => void }) {
  const { t } = useTranslation();
  const c = p.counts;
  return (
    <Card size="small" hoverable className="work-programme-card" onClick={onOpen}>
      <Link to={programmePath(p.id)} className="work-programme-title" onClick={(e) => e.stopPropagation()}>
        {p.title}
      </Link>
      <div className="work-programme-body">
        {p.bodyName}
        {p.unitName && !p.bodyName.includes(p.unitName) ? <span className="muted"> · {p.unitName}</span> : null}
      </div>
      <Progress
        percent={c.progress}
        status={c.total > 0 && c.done === c.total ? 'success' : 'normal'}
        format={(v) => formatPercent(v ?? 0)}
        aria-label={t('work.task.progress')}
      />
      <Space size={[4, 4]} wrap className="work-programme-counts">
        <Tag>{t('work.counts.total', { count: c.total })}</Tag>
        <Tag color="green">{t('work.counts.done', { count: c.done })}</Tag>
        {c.overdue > 0 ? <Tag color="red">{t('work.counts.overdue', { count: c.overdue })}</Tag> : null}
        {c.awaiting > 0 ? <Tag color="purple">{t('work.counts.awaiting', { count: c.awaiting })}</Tag> : null}
        {c.late > 0 ? <Tag color="gold">{t('work.counts.late', { count: c.late })}</Tag> : null}
        <Tag color="blue">{t('work.counts.open', { count: c.open })}</Tag>
        <Tag>{t('work.counts.groups', { count: p.groupCount })}</Tag>
      </Space>
    </Card>
  );
}
