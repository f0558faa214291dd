import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPlanPercent, planFigures } from '../../lib/format.ts';
import type { PivotCell } from './reporting.api.ts';

/** A cell's % of plan: the server's, else the web twin of the same rounding; null without a positive plan. */
export function percentOf(c: PivotCell): number | null {
  return c.percent ?? planFigures(c.value, c.target)?.percent ?? null;
}

/** The result, marked when part of it comes from a unit split by the reform (not summed for sure). */
export function ResultValue({ cell }: { cell: PivotCell }) {
  const { t } = useTranslation();
  return (
    <>
      {cell.value === null ? '—' : formatNumber(cell.value)}
      {cell.partial ? (
        <Tooltip title={t('reporting.dashboard.partial')}>
          <span className="pivot-partial" tabIndex={0} role="note" aria-label={t('reporting.dashboard.partial')}>
            *
          </span>
        </Tooltip>
      ) : null}
    </>
  );
}

export function PercentValue({ cell }: { cell: PivotCell }) {
  const p = percentOf(cell);
  if (p === null) return <>—</>;
  return <span className={p >= 100 ? 'pivot-over' : undefined}>{formatPlanPercent(p)}</span>;
}

/** "vượt 14.793" or "thiếu 2.000" against the plan; nothing without a plan. */
export function DifferenceValue({ cell }: { cell: PivotCell }) {
  const { t } = useTranslation();
  const d = cell.difference ?? planFigures(cell.value, cell.target)?.difference ?? null;
  if (d === null) return <>—</>;
  if (d === 0) return <>{t('reporting.dashboard.onTarget')}</>;
  return (
    <span className={d > 0 ? 'pivot-over' : 'pivot-under'}>
      {t(d > 0 ? 'reporting.dashboard.over' : 'reporting.dashboard.under', { n: formatNumber(Math.abs(d)) })}
    </span>
  );
}

export const plain = (v: number | null) => (v === null ? '—' : formatNumber(v));
