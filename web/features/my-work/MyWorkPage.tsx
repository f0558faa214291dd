import { CheckCircleOutlined, PrinterOutlined, WechatOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate, useSearchParams } from 'react-router-dom';
import { mergeParams } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatNumber } from '../work/TaskBits.tsx';
import type { Task, TaskRole } from '../work/work.api.ts';
import { DigestModal } from './DigestModal.tsx';
import {
  getMyWork,
  MY_WORK_PRINT_PATH,
  myWorkKey,
  MY_WORK_PAGE_SIZE,
  type MyWorkPage,
  type MyWorkQuery,
} from './myWork.api.ts';
import { PrintWeek } from './PrintWeek.tsx';
import { ProgressDrawer } from './ProgressDrawer.tsx';
import { MY_ROLES } from './TaskBadges.tsx';
import { TaskCard } from './TaskCard.tsx';
import './myWork.css';

const isRole = (v: string | null): v is TaskRole => MY_ROLES.includes(v as TaskRole);

/** "Việc của tôi" and its print view (/viec-cua-toi/in). */
export function MyWorkPage() {
  const printing = useMatch(MY_WORK_PRINT_PATH);
  return printing ? <PrintWeek /> : <MyWorkList />;
}

const SECTIONED = new Set<Task['timeliness']>(['overdue', 'due_soon', 'awaiting_acceptance']);

/** The four sections, in the server's order inside each: overdue, due soon, waiting for acceptance, the rest; each
 * with the server's exact count of all its tasks, loaded or not (the cards come a page at a time). */
function sections(items: Task[], totals: MyWorkPage['sections']) {
  return [
    { key: 'overdue', total: totals.overdue, items: items.filter((x) => x.timeliness === 'overdue') },
    { key: 'dueSoon', total: totals.dueSoon, items: items.filter((x) => x.timeliness === 'due_soon') },
    {
      key: 'awaiting',
      total: totals.awaiting,
      items: items.filter((x) => x.timeliness === 'awaiting_acceptance'),
    },
    { key: 'rest', total: totals.rest, items: items.filter((x) => !SECTIONED.has(x.timeliness)) },
  ] as const;
}

/** Phone-first list of my tasks: filter chips by role and "within 7 days", a quick progress report on each card. */
function MyWorkList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The filters live in the address: vaitro=lead…, han=7, daxong=1.
  const [params, setParams] = useSearchParams();
  const rawRole = params.get('vaitro');
  const role = isRole(rawRole) ? rawRole : undefined;
  const week = params.get('han') === '7';
  const includeDone = params.get('daxong') === '1';
  const update = (next: Record<string, string | null>) =>
    setParams((prev) => mergeParams(prev, next), { replace: true });

  const query: MyWorkQuery = { role, dueWithin: week ? 7 : undefined, includeDone };
  const list = useInfiniteQuery({
    queryKey: myWorkKey(query),
    queryFn: ({ signal, pageParam }) => getMyWork(query, signal, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last, pages) =>
      pages.reduce((n, p) => n + p.items.length, 0) < last.total && last.items.length > 0
        ? pages.length + 1
        : undefined,
    placeholderData: keepPreviousData,
  });
  const [reporting, setReporting] = useState<Task | null>(null);
  const [digestOpen, setDigestOpen] = useState(false);

  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const last = pages.at(-1);
  const remaining = last ? last.total - items.length : 0;
  const filtered = role !== undefined || week || includeDone;

  return (
    <div className="mywork">
      <PageHeader
        title={t('myWork.title')}
        description={t('myWork.intro')}
        extra={
          <>
            <Button icon={<WechatOutlined aria-hidden />} onClick={() => setDigestOpen(true)}>
              {t('myWork.digest.button')}
            </Button>
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void navigate(MY_WORK_PRINT_PATH)}>
              {t('myWork.print.button')}
            </Button>
          </>
        }
      />
      <div className="mywork-chips" role="group" aria-label={t('myWork.filters')}>
        <Tag.CheckableTag checked={role === undefined} onChange={() => update({ vaitro: null })}>
          {t('myWork.allRoles')}
        </Tag.CheckableTag>
        {MY_ROLES.map((r) => (
          <Tag.CheckableTag key={r} checked={role === r} onChange={(on) => update({ vaitro: on ? r : null })}>
            {t(`myWork.role.${r}`)}
          </Tag.CheckableTag>
        ))}
        <span className="mywork-chip-sep" aria-hidden />
        <Tag.CheckableTag checked={week} onChange={(on) => update({ han: on ? '7' : null })}>
          {t('myWork.within7')}
        </Tag.CheckableTag>
        <Tag.CheckableTag checked={includeDone} onChange={(on) => update({ daxong: on ? '1' : null })}>
          {t('myWork.includeDone')}
        </Tag.CheckableTag>
      </div>

      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : list.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(list.error, t)}>
          <Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>
        </Empty>
      ) : items.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined className="mywork-empty-icon" aria-hidden />}
          description={filtered ? t('myWork.emptyFiltered') : t('myWork.empty')}
        />
      ) : (
        <Flex vertical gap={20} className={list.isFetching ? 'mywork-refreshing' : undefined}>
          {sections(items, last!.sections)
            .filter((s) => s.items.length > 0)
            .map((s) => (
              <section key={s.key} aria-labelledby={`mywork-${s.key}`}>
                <Typography.Title
                  level={3}
                  id={`mywork-${s.key}`}
                  className={`mywork-section-title mywork-section-${s.key}`}
                >
                  {t(`myWork.section.${s.key}`)} <span className="mywork-count">{formatNumber(s.total)}</span>
                </Typography.Title>
                <div className="mywork-grid">
                  {s.items.map((task) => (
                    <TaskCard key={task.id} task={task} onReport={setReporting} />
                  ))}
                </div>
              </section>
            ))}
          {remaining > 0 && (
            <Flex vertical align="center" gap={4} className="mywork-more">
              <Typography.Text type="secondary">
                {t('myWork.shown', { shown: formatNumber(items.length), total: formatNumber(last!.total) })}
              </Typography.Text>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('myWork.more', { count: Math.min(remaining, MY_WORK_PAGE_SIZE) })}
              </Button>
            </Flex>
          )}
        </Flex>
      )}
      <ProgressDrawer task={reporting} onClose={() => setReporting(null)} />
      <DigestModal open={digestOpen} onClose={() => setDigestOpen(false)} />
    </div>
  );
}
