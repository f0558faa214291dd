import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { REPORT_DASHBOARD_PATH } from '../reporting/reporting.paths.ts';
import { usePlanText } from './TaskBits.tsx';
import type { Task } from './work.api.ts';

/** The dashboard of the reports at the task's indicator, unit and period. */
function dashboardPath(r: NonNullable<Task['reported']>): string | null {
  if (!r.unitCode) return null;
  const q = new URLSearchParams({ 'don-vi': r.unitCode, ky: r.period, 'chi-tieu': r.indicatorCode });
  return `${REPORT_DASHBOARD_PATH}?${q.toString()}`;
}

/** A task's result read from the approved reports: "36.793/22.000 hồ sơ — đạt 167,2%, vượt 14.793 hồ sơ so với KH
 * (theo báo cáo đã duyệt đến 30/09/2021)", the indicator, unit and period it is read for, and a link to the
 * dashboard. */
export function ReportedResult({ task }: { task: Task }) {
  const { t } = useTranslation();
  const planText = usePlanText();
  const r = task.reported;
  if (!r) return null;
  const unit = task.targetUnit ? ` ${task.targetUnit}` : '';
  const figures =
    r.value === null
      ? t('work.task.reportedNone')
      : `${formatNumber(r.value)}/${r.target === null ? '—' : formatNumber(r.target)}${unit}`;
  const plan = planText(task);
  const link = dashboardPath(r);
  return (
    <span className="work-reported">
      <span>
        {figures}
        {plan ? ` — ${plan}` : ''} {t('work.task.reportedAsOf', { date: formatDate(r.asOf) })}
      </span>
      <br />
      <Typography.Text type="secondary">
        {r.indicatorCode} — {r.indicatorName} · {r.unitName} · {r.periodLabel}
      </Typography.Text>
      {r.partial ? (
        <>
          <br />
          <Typography.Text type="warning">{t('work.task.reportedPartial')}</Typography.Text>
        </>
      ) : null}
      {link ? (
        <>
          <br />
          <Link to={link}>{t('work.task.reportedLink')}</Link>
        </>
      ) : null}
    </span>
  );
}
