import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { RuleVersion } from './legalDeadlines.api.ts';

/** "10 ngày" / "7 ngày làm việc". */
export function useDaysText() {
  const { t } = useTranslation();
  return (days: number, dayKind: 'calendar' | 'working') =>
    t(dayKind === 'working' ? 'legalDeadlines.workingDays' : 'legalDeadlines.calendarDays', { count: days });
}

/** The dates a version applies: "từ 01/07/2026", "01/07/2012 – 30/06/2026", "không thời hạn". */
export function useValidityText() {
  const { t } = useTranslation();
  return (from: string | null, to: string | null) => {
    const last = to ? formatDate(lastDayBefore(to)) : null;
    if (from && last) return t('legalDeadlines.validRange', { from: formatDate(from), to: last });
    if (from) return t('legalDeadlines.validFrom', { from: formatDate(from) });
    if (last) return t('legalDeadlines.validUntil', { to: last });
    return t('legalDeadlines.validAlways');
  };
}

/** validTo is the first day no longer in force; people read the last day in force. */
function lastDayBefore(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The tags of a version: not checked against the text; an alternative reading kept but not applied. */
export function VersionTags({ version }: { version: Pick<RuleVersion, 'confirmed'> & { status?: string } }) {
  const { t } = useTranslation();
  return (
    <>
      {version.confirmed ? null : <Tag color="orange">{t('legalDeadlines.unconfirmed')}</Tag>}
      {version.status === 'alternative' ? <Tag>{t('legalDeadlines.alternative')}</Tag> : null}
    </>
  );
}

/** One version: its count, dates, basis, variants and their combinations. */
export function VersionDetails({ version }: { version: RuleVersion }) {
  const { t } = useTranslation();
  const daysText = useDaysText();
  const validity = useValidityText();
  return (
    <div className={`legal-version${version.inForce ? ' legal-version-applied' : ''}`}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>
          {t('legalDeadlines.versionN', { n: version.version })}: {daysText(version.days, version.dayKind)}
        </Typography.Text>
        {version.inForce ? <Tag color="blue">{t('legalDeadlines.inForce')}</Tag> : null}
        <VersionTags version={version} />
        <Typography.Text type="secondary">{validity(version.validFrom, version.validTo)}</Typography.Text>
      </Flex>
      <Typography.Paragraph className="legal-basis" style={{ marginBottom: 4 }}>
        {version.basis}
      </Typography.Paragraph>
      {version.note ? <Typography.Text type="secondary">{version.note}</Typography.Text> : null}
      {version.variants.length ? (
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {version.variants.map((v) => (
            <li key={v.code}>
              {v.name} <Typography.Text code>{v.code}</Typography.Text>
              {v.kind === 'repeat'
                ? ` — ${t('legalDeadlines.repeatTerms', { days: v.days ?? 0, max: v.maxUses ?? 1 })}`
                : null}
            </li>
          ))}
          {version.combinations.map((c) => (
            <li key={c.variants.join('+')}>
              {c.variants.map((code) => version.variants.find((v) => v.code === code)?.name ?? code).join(' + ')}:{' '}
              {daysText(c.days, version.dayKind)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
