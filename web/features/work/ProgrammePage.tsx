import {
  AppstoreOutlined,
  BarsOutlined,
  DeleteOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  FolderOutlined,
  PlusOutlined,
  ProjectOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Flex,
  Grid,
  Progress,
  Segmented,
  Skeleton,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { mergeParams } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { GroupsModal } from './GroupsModal.tsx';
import { EditProgrammeModal } from './ProgrammeModals.tsx';
import { formatPercent } from './TaskBits.tsx';
import { filterCount, readFilters, TaskFilters, toTaskFilter } from './TaskFilters.tsx';
import { TaskFormDrawer } from './TaskFormDrawer.tsx';
import type { TaskFormTarget } from './taskFormValues.ts';
import { arrange, placesOf } from './taskTree.ts';
import { TaskBoardView } from './TaskBoardView.tsx';
import { TaskListView } from './TaskListView.tsx';
import { TaskTimelineView } from './TaskTimelineView.tsx';
import {
  deleteProgramme,
  exportXlsxUrl,
  getProgramme,
  listTasks,
  programmeKey,
  reportDocxUrl,
  tasksKey,
  WORK_KEY,
  type Group,
} from './work.api.ts';
import { PROGRAMMES_PATH } from './work.paths.ts';
import './work.css';
import { DetailProblem } from '../../ui/DetailProblem.tsx';

const VIEWS = ['list', 'board', 'timeline'] as const;
type View = (typeof VIEWS)[number];

/** A programme: its header and counts, its task groups, and its tasks as a list, a board or a timeline. */
export function ProgrammePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = Grid.useBreakpoint().sm === false;
  const [params, setParams] = useSearchParams();
  const rawView = params.get('view');
  const view: View = (VIEWS as readonly string[]).includes(rawView ?? '') ? (rawView as View) : 'list';
  const filters = readFilters(params);
  const filtered = filterCount(filters) > 0;
  const update = (next: Record<string, string | null>) =>
    setParams((prev) => mergeParams(prev, next), { replace: true });

  const [taskForm, setTaskForm] = useState<TaskFormTarget | null>(null);
  const [groupsOpen, setGroupsOpen] = useState(false);
  const [editing, setEditing] = useState(false);

  const detail = useQuery({ queryKey: programmeKey(id), queryFn: ({ signal }) => getProgramme(id, signal) });
  const filter = toTaskFilter(id, filters);
  const tasks = useQuery({
    queryKey: tasksKey(filter),
    queryFn: ({ signal }) => listTasks(filter, signal),
    placeholderData: keepPreviousData,
    enabled: detail.isSuccess,
  });
  // The whole programme (the same query as the unfiltered view), for each task's place number while filtering.
  const whole = { programmeId: id };
  const all = useQuery({
    queryKey: tasksKey(whole),
    queryFn: ({ signal }) => listTasks(whole, signal),
    enabled: detail.isSuccess && filtered,
  });

  const remove = useMutation({
    mutationFn: () => deleteProgramme(id, detail.data!.programme.version),
    onSuccess: () => {
      void message.success(t('work.programme.deleted', { title: detail.data?.programme.title }));
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
      void navigate(PROGRAMMES_PATH);
    },
    onError: (e) => void message.error(isApiError(e) && e.code === 'CONFLICT' ? t('errors.conflict') : errorText(e, t)),
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError)
    return (
      <DetailProblem
        title={t('work.programme.pageTitle')}
        error={detail.error}
        notFound={t('work.programme.notFound')}
        backTo={PROGRAMMES_PATH}
        backLabel={t('work.programme.backToList')}
      />
    );
  const { programme, groups, permissions } = detail.data;
  const c = programme.counts;
  const places = filtered && all.data ? placesOf(all.data.items, groups) : undefined;
  const sections = arrange(tasks.data?.items ?? [], groups, !filtered && view === 'list', places);
  const emptyText = filtered ? t('work.programme.noMatch') : t('work.programme.noTasks');
  const addTask = permissions.manage
    ? (group: Group | null) =>
        setTaskForm({
          programme: { id: programme.id, year: programme.year, bodyId: programme.bodyId },
          groups,
          groupId: group?.id ?? null,
        })
    : undefined;

  const confirmDelete = () => {
    modal.confirm({
      title: t('work.programme.deleteConfirm', { title: programme.title }),
      content: t('work.programme.deleteExplain'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync().catch(() => undefined),
    });
  };

  return (
    <>
      <Breadcrumb
        className="work-breadcrumb"
        items={[{ title: <Link to={PROGRAMMES_PATH}>{t('work.nav.programmes')}</Link> }, { title: programme.title }]}
      />
      <PageHeader
        title={programme.title}
        description={t('work.programme.byline', { body: programme.bodyName, year: programme.year })}
        extra={
          <>
            <Button icon={<FileExcelOutlined aria-hidden />} href={exportXlsxUrl(programme.id)} download>
              {t('work.programme.exportXlsx')}
            </Button>
            <Button icon={<FileWordOutlined aria-hidden />} href={reportDocxUrl(programme.id)} download>
              {t('work.programme.reportDocx')}
            </Button>
            {permissions.manage ? (
              <>
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
                <Button danger icon={<DeleteOutlined aria-hidden />} onClick={confirmDelete} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {programme.description ? (
        <Typography.Paragraph className="work-description">{programme.description}</Typography.Paragraph>
      ) : null}

      <Card className="work-card work-summary">
        <Flex gap={24} wrap align="center">
          <div className="work-summary-progress">
            <Typography.Text type="secondary">{t('work.programme.progress')}</Typography.Text>
            <Progress
              percent={c.progress}
              status={c.total > 0 && c.done === c.total ? 'success' : 'normal'}
              format={(p) => formatPercent(p ?? 0)}
              aria-label={t('work.programme.progress')}
            />
          </div>
          <Flex gap={24} wrap className="work-summary-stats">
            <Statistic title={t('work.counts.totalLabel')} value={c.total} />
            <Statistic
              title={t('work.counts.doneLabel')}
              value={c.done}
              suffix={
                c.late > 0 ? (
                  <span className="work-stat-note">{t('work.counts.ofWhichLate', { count: c.late })}</span>
                ) : null
              }
            />
            <Statistic
              title={t('work.counts.overdueLabel')}
              value={c.overdue}
              styles={{ content: { color: c.overdue > 0 ? '#cf1322' : undefined } }}
            />
            <Statistic
              title={t('work.counts.awaitingLabel')}
              value={c.awaiting}
              styles={{ content: { color: c.awaiting > 0 ? '#722ed1' : undefined } }}
            />
            <Statistic title={t('work.counts.openLabel')} value={c.open} />
          </Flex>
        </Flex>
        <Flex gap={8} wrap className="work-summary-actions">
          {permissions.manage ? (
            <>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => addTask?.(null)}>
                {t('work.programme.addTask')}
              </Button>
              <Button icon={<FolderOutlined aria-hidden />} onClick={() => setGroupsOpen(true)}>
                {t('work.groups.manage', { count: groups.length })}
              </Button>
            </>
          ) : null}
        </Flex>
      </Card>

      <Card className="work-card">
        <Flex justify="space-between" align="center" gap={8} wrap className="work-view-bar">
          <Segmented<View>
            block={phone}
            className="work-views"
            value={view}
            onChange={(v) => update({ view: v === 'list' ? null : v })}
            options={[
              {
                value: 'list',
                label: t(phone ? 'work.views.listShort' : 'work.views.list'),
                icon: phone ? undefined : <BarsOutlined aria-hidden />,
              },
              {
                value: 'board',
                label: t(phone ? 'work.views.boardShort' : 'work.views.board'),
                icon: phone ? undefined : <AppstoreOutlined aria-hidden />,
              },
              {
                value: 'timeline',
                label: t(phone ? 'work.views.timelineShort' : 'work.views.timeline'),
                icon: phone ? undefined : <ProjectOutlined aria-hidden />,
              },
            ]}
            aria-label={t('work.views.label')}
          />
          {tasks.data ? (
            <Typography.Text type="secondary">
              {filtered
                ? t('work.programme.shownFiltered', { count: tasks.data.total })
                : t('work.programme.shown', { count: tasks.data.total })}
            </Typography.Text>
          ) : null}
        </Flex>
        <TaskFilters key={id} filters={filters} groups={groups} update={update} />
        {tasks.isError ? (
          <Alert className="form-alert" type="error" showIcon title={errorText(tasks.error, t)} />
        ) : null}
        {tasks.data && tasks.data.total > tasks.data.items.length ? (
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            title={t('work.programme.truncated', { shown: tasks.data.items.length, total: tasks.data.total })}
          />
        ) : null}
        {view === 'list' ? (
          <TaskListView
            sections={sections}
            emptyText={emptyText}
            onAdd={addTask}
            loading={tasks.isFetching && !tasks.data}
          />
        ) : null}
        {view === 'board' ? (
          <TaskBoardView sections={sections} emptyText={emptyText} loading={tasks.isFetching && !tasks.data} />
        ) : null}
        {view === 'timeline' ? (
          <TaskTimelineView
            sections={sections}
            emptyText={emptyText}
            loading={tasks.isFetching && !tasks.data}
            year={programme.year}
          />
        ) : null}
      </Card>

      <TaskFormDrawer target={taskForm} onClose={() => setTaskForm(null)} />
      {permissions.manage ? (
        <GroupsModal
          open={groupsOpen}
          programmeId={programme.id}
          ownerBodyId={programme.bodyId}
          groups={groups}
          onClose={() => setGroupsOpen(false)}
        />
      ) : null}
      <EditProgrammeModal programme={editing ? programme : null} onClose={() => setEditing(false)} />
    </>
  );
}
