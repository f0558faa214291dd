import { Table, type TableColumnsType } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPercent } from '../work/TaskBits.tsx';
import type { Counts } from '../work/work.api.ts';
import { programmePath } from '../work/work.paths.ts';
import { donePercent } from './summary.ts';

export type CountsRow = {
  key: string;
  label: string;
  /** The filter of the programme page this row stands for (group=…, body=…); null: no link. */
  filter: Record<string, string> | null;
  counts: Counts;
};

type Props = {
  programmeId: string;
  nameTitle: string;
  rows: CountsRow[];
  totals: Counts;
  /** Phones: only total, done, overdue and % done, each row's name on a line of its own above its figures. */
  compact: boolean;
  'aria-label': string;
};

/** The programme page with this row's filter and one more (status / timeliness). */
function href(programmeId: string, filter: Record<string, string>, extra: Record<string, string> = {}) {
  return programmePath(programmeId, new URLSearchParams({ ...filter, ...extra }).toString());
}

/** A number that opens the matching tasks (a muted 0 for none). */
function CountLink({ value, to }: { value: number; to: string | null }) {
  if (value === 0) return <span className="muted">0</span>;
  return to ? (
    <Link to={to} className="overview-count-link">
      {value}
    </Link>
  ) : (
    <>{value}</>
  );
}

type Metric = {
  key: 'total' | 'done' | 'onTime' | 'late' | 'awaiting' | 'overdue' | 'open' | 'percent' | 'progress';
  /** The filter added to the row's for the link; null: the number is not a link. */
  extra: Record<string, string> | null;
  compact: boolean;
};

const METRICS: Metric[] = [
  { key: 'total', extra: {}, compact: true },
  { key: 'done', extra: { status: 'accepted' }, compact: true },
  { key: 'onTime', extra: { timeliness: 'on_time' }, compact: false },
  { key: 'late', extra: { timeliness: 'late' }, compact: false },
  { key: 'awaiting', extra: { timeliness: 'awaiting_acceptance' }, compact: false },
  { key: 'overdue', extra: { timeliness: 'overdue' }, compact: true },
  { key: 'open', extra: null, compact: false },
  { key: 'percent', extra: null, compact: true },
  { key: 'progress', extra: null, compact: false },
];

/** A figure of a row (or of the totals) as shown in its cell. */
function figure(m: Metric, c: Counts): string | number {
  if (m.key === 'percent') return c.total ? formatPercent(donePercent(c)) : '—';
  if (m.key === 'progress') return c.total ? formatPercent(c.progress) : '—';
  return c[m.key];
}

type PhoneProps = {
  label: string;
  rows: CountsRow[];
  totals: Counts;
  metrics: Metric[];
  name: (r: CountsRow) => ReactNode;
  cell: (m: Metric, r: CountsRow) => ReactNode;
};

/** The phone's table: a name takes the whole width on its own line (a header of its group of rows) and its figures
 * sit under the columns' headers; each figure names both its column and its row (`headers`), so that a screen reader
 * reads "Quá hạn, Hội LHPN…, 2". */
function PhoneCountsTable({ label, rows, totals, metrics, name, cell }: PhoneProps) {
  const { t } = useTranslation();
  const id = useId();
  const colId = (m: Metric) => `${id}-${m.key}`;
  const group = (key: string, head: ReactNode, figures: (m: Metric) => ReactNode) => (
    <>
      <tr className="overview-phone-name">
        <th scope="rowgroup" colSpan={metrics.length} id={`${id}-${key}`}>
          {head}
        </th>
      </tr>
      <tr className="overview-phone-figures">
        {metrics.map((m) => (
          <td key={m.key} headers={`${colId(m)} ${id}-${key}`}>
            {figures(m)}
          </td>
        ))}
      </tr>
    </>
  );
  return (
    <table className="overview-phone-table" aria-label={label}>
      <thead>
        <tr>
          {metrics.map((m) => (
            <th key={m.key} scope="col" id={colId(m)}>
              {t(`overview.col.${m.key}`)}
            </th>
          ))}
        </tr>
      </thead>
      {rows.length === 0 ? (
        <tbody>
          <tr>
            <td colSpan={metrics.length} className="overview-phone-empty">
              {t('overview.noTasks')}
            </td>
          </tr>
        </tbody>
      ) : (
        rows.map((r, i) => <tbody key={r.key}>{group(`r${i}`, name(r), (m) => cell(m, r))}</tbody>)
      )}
      <tfoot className="overview-total-row">{group('total', t('overview.totalRow'), (m) => figure(m, totals))}</tfoot>
    </table>
  );
}

/** Tasks per group or per body: total, done (on time / late), waiting for acceptance, overdue, open, % done, mean
 * progress; a totals row. */
export function CountsTable({ programmeId, nameTitle, rows, totals, compact, ...rest }: Props) {
  const { t } = useTranslation();
  const metrics = METRICS.filter((m) => !compact || m.compact);
  const cell = (m: Metric, r: CountsRow): ReactNode => {
    const v = figure(m, r.counts);
    if (typeof v !== 'number') return v;
    const link = <CountLink value={v} to={m.extra && r.filter ? href(programmeId, r.filter, m.extra) : null} />;
    return m.key === 'overdue' && v > 0 ? <span className="overview-overdue">{link}</span> : link;
  };
  const name = (r: CountsRow) =>
    r.filter ? <Link to={href(programmeId, r.filter)}>{r.label}</Link> : <span>{r.label}</span>;
  if (compact) {
    return (
      <PhoneCountsTable
        label={rest['aria-label']}
        rows={rows}
        totals={totals}
        metrics={metrics}
        name={name}
        cell={cell}
      />
    );
  }
  const columns: TableColumnsType<CountsRow> = [
    {
      title: nameTitle,
      key: 'name',
      fixed: 'left',
      width: 220,
      render: (_v, r) => name(r),
    },
    ...metrics.map((m) => ({
      title: t(`overview.col.${m.key}`),
      key: m.key,
      align: 'right' as const,
      // On a laptop (1366 px) every column fits: nothing hidden behind a sideways scroll.
      width: m.key === 'percent' || m.key === 'progress' ? 96 : 84,
      render: (_v: unknown, r: CountsRow) => cell(m, r),
    })),
  ];

  return (
    <Table<CountsRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      sticky={{ offsetHeader: 56 }}
      scroll={{ x: 1000 }}
      tableLayout="fixed"
      aria-label={rest['aria-label']}
      locale={{ emptyText: t('overview.noTasks') }}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row className="overview-total-row">
            <Table.Summary.Cell index={0}>{t('overview.totalRow')}</Table.Summary.Cell>
            {metrics.map((m, i) => (
              <Table.Summary.Cell key={m.key} index={i + 1} align="right">
                {figure(m, totals)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
