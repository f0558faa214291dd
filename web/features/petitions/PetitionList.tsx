import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { listProjects, projectsKey } from '../clearance/clearance.api.ts';
import { DueText, KindTag, StateTag } from './PetitionBits.tsx';
import { PetitionExports } from './PetitionExports.tsx';
import {
  INTAKE_PATH,
  KINDS,
  listPetitions,
  petitionPath,
  petitionsKey,
  REGISTERS,
  STATES,
  type PetitionItem,
  type PetitionKind,
  type PetitionState,
  type Register,
} from './petitions.api.ts';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;

/** "Đơn thư": the cases the account reads, newest first, with their filters in the address (trang-thai, loai, so,
 * nam, qua-han, du-an, q), so that a reload or a shared link shows the same rows. */
export function PetitionList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListQuery({
    filters: (p) => {
      const year = Number(p.get('nam'));
      return {
        state: oneOf<PetitionState>(STATES, p.get('trang-thai')),
        kind: oneOf<PetitionKind>(KINDS, p.get('loai')),
        register: oneOf<Register>(REGISTERS, p.get('so')),
        year: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : null,
        overdue: p.get('qua-han') === '1' ? ('true' as const) : null,
        projectId: p.get('du-an'),
        q: p.get('q') || null,
      };
    },
    queryKey: (filters, paging) => petitionsKey({ ...filters, ...paging }),
    queryFn: (filters, paging, signal) => listPetitions({ ...filters, ...paging }, signal),
    pageParams: { page: 'trang', pageSize: 'so-dong' },
    pageSizes: [20, 50, 100],
  });
  const f = list.filters;
  const projects = useQuery({
    queryKey: projectsKey({ page: 1, pageSize: 200 }),
    queryFn: ({ signal }) => listProjects({ page: 1, pageSize: 200 }, signal),
    staleTime: 60_000,
  });
  const filtered = [f.state, f.kind, f.register, f.year, f.overdue, f.projectId, f.q].some((v) => v !== null);

  const columns: ListColumns<PetitionItem> = [
    {
      title: t('petitions.registerNumber'),
      key: 'number',
      width: 110,
      phone: 'none',
      // Each register numbers from 1 every year: the register tells two "07/2026" apart.
      render: (_v, p) => (
        <div>
          <Link to={petitionPath(p.id)} className="list-nowrap petition-number">
            {p.registerNumber ?? t('petitions.notRegistered')}
          </Link>
          <div className="petition-sub">{t(`petitions.register.${p.register}`)}</div>
        </div>
      ),
    },
    {
      title: t('petitions.receivedOn'),
      key: 'receivedOn',
      width: 105,
      render: (_v, p) => <span className="list-nowrap">{formatDate(p.receivedOn)}</span>,
    },
    {
      title: t('petitions.petitioner'),
      key: 'petitioner',
      width: 170,
      render: (_v, p) => <PetitionerNames names={p.petitionerNames} />,
    },
    {
      title: t('petitions.summary'),
      key: 'summary',
      phone: 'title',
      render: (_v, p) => (
        <div>
          <Link to={petitionPath(p.id)} className="petition-link">
            <span className="petition-phone-number">{p.registerNumber ? `${p.registerNumber} · ` : ''}</span>
            {p.summary}
          </Link>
          <div className="petition-sub">
            {p.receivingBody.name}
            {p.project ? ` · ${p.project.name}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: t('petitions.kindColumn'),
      key: 'kind',
      width: 120,
      render: (_v, p) => <KindTag kind={p.kind} />,
    },
    {
      title: t('petitions.stateColumn'),
      key: 'state',
      width: 150,
      render: (_v, p) => <StateTag state={p.state} />,
    },
    {
      title: t('petitions.nextDue'),
      key: 'due',
      width: 150,
      render: (_v, p) => <DueText due={p.nextDue} />,
    },
  ];

  return (
    <ListPage<PetitionItem>
      title={t('petitions.title')}
      description={t('petitions.intro')}
      actions={
        <>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate(INTAKE_PATH)}>
            {t('petitions.intake.button')}
          </Button>
          <PetitionExports />
        </>
      }
      toolbarClassName="petition-filters"
      filters={
        <>
          <SearchBox
            className="table-search petition-search"
            label={t('petitions.search')}
            value={f.q ?? ''}
            onSearch={(q) => list.setFilters({ q })}
          />
          <Select
            className="petition-filter"
            aria-label={t('petitions.filter.state')}
            placeholder={t('petitions.filter.state')}
            allowClear
            value={f.state}
            onChange={(v: string | undefined) => list.setFilters({ 'trang-thai': v ?? null })}
            options={STATES.map((s) => ({ value: s, label: t(`petitions.state.${s}`) }))}
            popupMatchSelectWidth={false}
          />
          <Select
            className="petition-filter"
            aria-label={t('petitions.filter.kind')}
            placeholder={t('petitions.filter.kind')}
            allowClear
            value={f.kind}
            onChange={(v: string | undefined) => list.setFilters({ loai: v ?? null })}
            options={KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))}
            popupMatchSelectWidth={false}
          />
          <Select
            className="petition-filter"
            aria-label={t('petitions.filter.register')}
            placeholder={t('petitions.filter.register')}
            allowClear
            value={f.register}
            onChange={(v: string | undefined) => list.setFilters({ so: v ?? null })}
            options={REGISTERS.map((r) => ({ value: r, label: t(`petitions.register.${r}`) }))}
            popupMatchSelectWidth={false}
          />
          <InputNumber
            className="petition-year"
            aria-label={t('petitions.filter.year')}
            placeholder={t('petitions.filter.year')}
            min={1900}
            max={2100}
            controls={false}
            value={f.year}
            onChange={(v) => list.setFilters({ nam: typeof v === 'number' ? String(v) : null })}
          />
          <Select
            className="petition-filter petition-filter-project"
            aria-label={t('petitions.filter.project')}
            placeholder={t('petitions.filter.project')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={f.projectId}
            onChange={(v: string | undefined) => list.setFilters({ 'du-an': v ?? null })}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            popupMatchSelectWidth={false}
          />
          <label className="petition-switch">
            <Switch
              size="small"
              checked={f.overdue !== null}
              onChange={(on) => list.setFilters({ 'qua-han': on ? '1' : null })}
            />
            <span>{t('petitions.filter.overdue')}</span>
          </label>
          {filtered ? (
            <Button
              icon={<ClearOutlined aria-hidden />}
              onClick={() =>
                list.setFilters({
                  'trang-thai': null,
                  loai: null,
                  so: null,
                  nam: null,
                  'qua-han': null,
                  'du-an': null,
                  q: null,
                })
              }
            >
              {t('petitions.filter.clear')}
            </Button>
          ) : null}
        </>
      }
      list={list}
      columns={columns}
      cardsOnPhone
      onRow={(p) => ({ onDoubleClick: () => void navigate(petitionPath(p.id)) })}
      emptyText={filtered ? t('petitions.emptyFiltered') : t('petitions.empty')}
    />
  );
}

/** The petitioners' names, or "(ẩn)" with a hint for an account that may not see who they are. */
export function PetitionerNames({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return <span className="muted">{t('petitions.anonymous')}</span>;
  const first = names[0]!;
  const more = names.length - 1;
  return (
    <span>
      {first}
      {more > 0 ? (
        <Typography.Text type="secondary">{` ${t('petitions.andMore', { count: more })}`}</Typography.Text>
      ) : null}
    </span>
  );
}
