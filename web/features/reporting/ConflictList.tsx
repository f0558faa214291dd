import { Button, Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import type { Conflict, FormIndicator } from './reporting.api.ts';

type Props = {
  conflicts: Conflict[];
  indicators: FormIndicator[];
  categoryName: (code: string) => string;
  /** Counts this report's value instead of the other one (reviewers only). */
  onChoose?: (c: Conflict) => void;
  /** The reviewer chooses once the report is approved: says so instead of offering the choice. */
  chooseAfterApproval?: boolean;
  choosing: string | null;
};

const show = (v: number | null) => (v === null ? '—' : formatNumber(v));

/** The same figure reported twice with different values: both sources and both values, and "Dùng số này". */
export function ConflictList({ conflicts, indicators, categoryName, onChoose, chooseAfterApproval, choosing }: Props) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  const nameOf = (id: string) => indicators.find((i) => i.indicatorId === id)?.name ?? id;
  return (
    <Card className="entry-conflicts" title={t('reporting.conflicts.title')} size="small">
      <Typography.Paragraph type="secondary">{t('reporting.conflicts.intro')}</Typography.Paragraph>
      {chooseAfterApproval ? (
        <Typography.Paragraph type="secondary">{t('reporting.conflicts.afterApproval')}</Typography.Paragraph>
      ) : null}
      <ul className="conflict-list">
        {conflicts.map((c) => {
          const key = `${c.indicatorId}|${c.category}`;
          return (
            <li key={key} className="conflict-item">
              <div className="report-name">
                {nameOf(c.indicatorId)}
                {c.category ? ` — ${categoryName(c.category)}` : ''}
              </div>
              <div>
                {t('reporting.conflicts.this')}: <b>{show(c.value)}</b>
                {c.counted ? <Tag color="green">{t('reporting.conflicts.counted')}</Tag> : null}
              </div>
              <div>
                {t('reporting.conflicts.other', {
                  form: c.other.formName,
                  source: c.other.bodyName ?? c.other.unitName,
                })}
                : <b>{show(c.other.value)}</b>
                {c.other.counted ? <Tag color="green">{t('reporting.conflicts.counted')}</Tag> : null}
              </div>
              {onChoose && !c.counted ? (
                <Button size="small" loading={choosing === key} onClick={() => onChoose(c)}>
                  {t('reporting.conflicts.use')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
