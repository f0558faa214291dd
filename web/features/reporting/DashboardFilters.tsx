import { Button, DatePicker, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { useMe } from '../auth/session.ts';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import { parseRange, rangeId, yearSoFar, type RangeKind } from './periodRange.ts';
import type { Indicator } from './reporting.api.ts';
import { COUNTRY } from './reporting.paths.ts';

type Props = {
  unit: string | null;
  unitName: string | null;
  period: string;
  indicators: string[];
  all: Indicator[];
  by: 'units' | 'periods';
  onChange: (next: Record<string, string | null>) => void;
};

// A quarter keeps antd's own format (2026-Q3): its Q token needs the picker's dayjs plugins.
const FORMATS: Record<RangeKind, string | undefined> = { month: 'MM/YYYY', quarter: undefined, year: 'YYYY' };

/** The dashboard's choices: the unit, the period range (by month, quarter or year), the indicators, rows by units or
 * by periods. Each is written to the address. */
export function DashboardFilters({ unit, unitName, period, indicators, all, by, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const country = unit === COUNTRY;
  const today = todayInVietnam();
  const range = parseRange(period) ?? parseRange(yearSoFar(today))!;
  const setKind = (kind: RangeKind) => onChange({ ky: rangeId(kind, range.from, range.to) });
  return (
    <div className="table-toolbar dashboard-filters" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      <div style={{ minWidth: 240, flex: '1 1 240px' }}>
        <UnitSearchSelect
          asOf={today.format('YYYY-MM-DD')}
          value={country ? null : unit}
          valueLabel={unitName}
          onChange={(code) => onChange({ 'don-vi': code })}
          aria-label={t('reporting.dashboard.unit')}
          placeholder={t('reporting.dashboard.unit')}
        />
      </div>
      {/* the whole country is read by whom reads every province: the administrators */}
      {me.isAdmin ? (
        <Button
          type={country ? 'primary' : 'default'}
          aria-pressed={country}
          onClick={() => onChange({ 'don-vi': COUNTRY })}
        >
          {t('reporting.dashboard.country')}
        </Button>
      ) : null}
      <Segmented<RangeKind>
        aria-label={t('reporting.dashboard.step')}
        value={range.kind}
        options={(['month', 'quarter', 'year'] as const).map((k) => ({
          value: k,
          label: t(`reporting.dashboard.steps.${k}`),
        }))}
        onChange={setKind}
      />
      <DatePicker.RangePicker
        picker={range.kind}
        format={FORMATS[range.kind]}
        allowClear={false}
        value={[range.from, range.to]}
        aria-label={t('reporting.dashboard.period')}
        onChange={(v) => {
          if (v?.[0] && v[1]) onChange({ ky: rangeId(range.kind, v[0], v[1]) });
        }}
      />
      <Select<string[]>
        mode="multiple"
        aria-label={t('reporting.dashboard.indicators')}
        placeholder={t('reporting.dashboard.indicators')}
        value={indicators}
        // A fixed count, names shortened: "responsive" hides even a single long name behind "+ 1 …".
        maxTagCount={2}
        maxTagTextLength={24}
        optionFilterProp="label"
        options={all.map((i) => ({ value: i.code, label: i.name }))}
        onChange={(codes) => onChange({ 'chi-tieu': codes.length ? codes.join(',') : null })}
        style={{ minWidth: 260, flex: '2 1 260px' }}
      />
      <Segmented<'units' | 'periods'>
        aria-label={t('reporting.dashboard.rowsBy')}
        value={by}
        options={[
          { value: 'units', label: t('reporting.dashboard.byUnits') },
          { value: 'periods', label: t('reporting.dashboard.byPeriods') },
        ]}
        onChange={(v) => onChange({ theo: v === 'units' ? null : v })}
      />
    </div>
  );
}
