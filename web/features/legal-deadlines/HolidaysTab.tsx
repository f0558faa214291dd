import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { errorText } from '../../ui/errors.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { useMe } from '../auth/session.ts';
import {
  confirmYear,
  fetchYear,
  saveAdjustments,
  yearKey,
  type Adjustment,
  type HolidayYear,
} from './legalDeadlines.api.ts';

type Day = HolidayYear['days'][number];
const REASON_COLOR: Record<Day['reason'], string> = {
  holiday: 'red',
  in_lieu: 'volcano',
  off: 'magenta',
  work: 'green',
  weekday: 'default',
  weekend: 'default',
};

/** "Lịch nghỉ lễ": a year's holidays computed from the Labour Code (lunar ones with the Vietnamese calendar), the
 * announced adjustments on top, and whether the year is confirmed (until it is, deadlines over it are provisional). */
export function HolidaysTab() {
  const { t } = useTranslation();
  const me = useMe();
  const [year, setYear] = useState(() => todayInVietnam().year());
  const data = useQuery({ queryKey: yearKey(year), queryFn: ({ signal }) => fetchYear(year, signal) });
  const columns: ListColumns<Day> = [
    {
      title: t('legalDeadlines.date'),
      key: 'date',
      width: 170,
      phone: 'title',
      render: (_, d) => `${dayjs(d.date).format('dd')}, ${formatDate(d.date)}`,
    },
    {
      title: t('legalDeadlines.dayKindColumn'),
      key: 'reason',
      width: 160,
      render: (_, d) => <Tag color={REASON_COLOR[d.reason]}>{t(`legalDeadlines.reason.${d.reason}`)}</Tag>,
    },
    { title: t('legalDeadlines.holidayName'), key: 'name', render: (_, d) => d.name ?? '' },
  ];
  return (
    <div>
      <Flex className="legal-toolbar" gap={8} align="center" wrap>
        <Button icon={<LeftOutlined />} aria-label={t('legalDeadlines.prevYear')} onClick={() => setYear(year - 1)} />
        <InputNumber
          aria-label={t('legalDeadlines.year')}
          min={1900}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          style={{ width: 100 }}
        />
        <Button icon={<RightOutlined />} aria-label={t('legalDeadlines.nextYear')} onClick={() => setYear(year + 1)} />
        {data.data ? (
          data.data.confirmed ? (
            <Tag color="green">{t('legalDeadlines.yearConfirmed')}</Tag>
          ) : (
            <Tag color="orange">{t('legalDeadlines.yearProvisional')}</Tag>
          )
        ) : null}
      </Flex>
      {data.isError ? <Typography.Text type="danger">{errorText(data.error, t)}</Typography.Text> : null}
      {data.data?.note || data.data?.basis ? (
        <Typography.Paragraph type="secondary">
          {[data.data.basis, data.data.note].filter(Boolean).join(' — ')}
        </Typography.Paragraph>
      ) : null}
      <Card size="small" title={t('legalDeadlines.daysOff', { year })} style={{ marginBottom: 12 }}>
        <ListTable<Day>
          label={t('legalDeadlines.daysOff', { year })}
          rowKey="date"
          columns={columns}
          rows={data.data?.days ?? []}
          loading={data.isLoading}
          pagination={false}
          emptyText={data.isLoading ? t('common.loading') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          cardsOnPhone
          size="small"
        />
      </Card>
      {me.isAdmin && data.data ? <AdjustmentsEditor key={`${year}-${data.data.version}`} year={data.data} /> : null}
      {data.data ? (
        <Card size="small" title={t('legalDeadlines.definitions')}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {data.data.definitions.map((d) => (
              <li key={`${d.code}-${d.validFrom}`}>
                <Typography.Text strong>{d.name}</Typography.Text>
                {d.days > 1 ? ` (${t('legalDeadlines.calendarDays', { count: d.days })})` : null}
                {d.calendar === 'lunar' ? ` — ${t('legalDeadlines.lunar')}` : null}:{' '}
                <span className="legal-basis">{d.basis}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

/** The year's adjustments as a list to edit and save whole; then the confirmation. */
function AdjustmentsEditor({ year }: { year: HolidayYear }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Adjustment[]>(year.adjustments);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<'off' | 'work'>('off');
  const [note, setNote] = useState('');
  useEffect(() => setRows(year.adjustments), [year.adjustments]);
  const done = (text: string) => (y: HolidayYear) => {
    void message.success(text);
    queryClient.setQueryData(yearKey(y.year), y);
    // every computed deadline and the rules' pages may read this year
    void queryClient.invalidateQueries({ queryKey: ['legal-deadlines'] });
  };
  const save = useMutation({
    mutationFn: () =>
      saveAdjustments(year.year, {
        version: year.version,
        adjustments: rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note || null })),
      }),
    onSuccess: done(t('legalDeadlines.adjustmentsSaved', { year: year.year })),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const confirm = useMutation({
    mutationFn: (confirmed: boolean) => confirmYear(year.year, { version: year.version, confirmed }),
    onSuccess: (y) => done(t(y.confirmed ? 'legalDeadlines.yearConfirmedNow' : 'legalDeadlines.yearUnconfirmedNow'))(y),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const changed = JSON.stringify(rows) !== JSON.stringify(year.adjustments);
  const add = () => {
    if (!date) return;
    const d = date.format('YYYY-MM-DD');
    setRows(
      [...rows.filter((r) => r.date !== d), { date: d, kind, note: note || null }].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    );
    setDate(null);
    setNote('');
  };
  return (
    <Card size="small" title={t('legalDeadlines.adjustments')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{t('legalDeadlines.adjustmentsHelp')}</Typography.Paragraph>
      {rows.length === 0 ? <Typography.Paragraph>{t('common.none')}</Typography.Paragraph> : null}
      {rows.map((r) => (
        <Flex key={r.date} gap={8} align="center" wrap style={{ marginBottom: 6 }}>
          <span style={{ minWidth: 110 }}>{formatDate(r.date)}</span>
          <Tag color={r.kind === 'off' ? 'magenta' : 'green'}>{t(`legalDeadlines.reason.${r.kind}`)}</Tag>
          <span style={{ flex: 1, minWidth: 120 }}>{r.note}</span>
          <Button
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('legalDeadlines.removeAdjustment', { date: formatDate(r.date) })}
            onClick={() => setRows(rows.filter((x) => x.date !== r.date))}
          />
        </Flex>
      ))}
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        <div style={{ width: 160 }}>
          <DateInput
            aria-label={t('legalDeadlines.date')}
            value={date}
            onChange={(d) => setDate(Array.isArray(d) ? null : d)}
            minDate={dayjs(`${year.year}-01-01`)}
            maxDate={dayjs(`${year.year}-12-31`)}
          />
        </div>
        <Select
          aria-label={t('legalDeadlines.adjustmentKind')}
          value={kind}
          onChange={setKind}
          style={{ width: 160 }}
          options={[
            { value: 'off', label: t('legalDeadlines.reason.off') },
            { value: 'work', label: t('legalDeadlines.reason.work') },
          ]}
        />
        <Input
          aria-label={t('legalDeadlines.note')}
          placeholder={t('legalDeadlines.note')}
          value={note}
          maxLength={300}
          onChange={(e) => setNote(e.target.value)}
          style={{ flex: 1, minWidth: 160 }}
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!date}>
          {t('legalDeadlines.addAdjustment')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
        {year.confirmed ? (
          <Button loading={confirm.isPending} onClick={() => confirm.mutate(false)}>
            {t('legalDeadlines.unconfirmYear')}
          </Button>
        ) : (
          <Button disabled={changed} loading={confirm.isPending} onClick={() => confirm.mutate(true)}>
            {t('legalDeadlines.confirmYear', { year: year.year })}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
