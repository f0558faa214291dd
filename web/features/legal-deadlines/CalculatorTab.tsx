import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Flex, Form, InputNumber, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { errorText } from '../../ui/errors.ts';
import { computeDeadline, fetchInForce, inForceKey } from './legalDeadlines.api.ts';
import { useDaysText, VersionTags } from './VersionDetails.tsx';

/** "Tính thời hạn": a rule, the event day (not counted) and the case's circumstances → the last day, with its basis
 * and the rule version that set it, as the petitions module computes it. */
export function CalculatorTab() {
  const { t } = useTranslation();
  const daysText = useDaysText();
  const [start, setStart] = useState<Dayjs>(() => todayInVietnam());
  const [rule, setRule] = useState<string | null>(null);
  const [uses, setUses] = useState<Record<string, number>>({});
  const day = start.format('YYYY-MM-DD');
  const rules = useQuery({ queryKey: inForceKey(day), queryFn: ({ signal }) => fetchInForce(day, signal) });
  const chosen = rules.data?.find((r) => r.code === rule);
  const variants = (chosen?.variants ?? []).flatMap((v) => Array<string>(uses[v.code] ?? 0).fill(v.code));
  const result = useQuery({
    queryKey: ['legal-deadlines', 'compute', rule, day, variants],
    queryFn: ({ signal }) => computeDeadline(rule!, day, variants, signal),
    enabled: !!chosen,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const setUse = (code: string, n: number) => setUses({ ...uses, [code]: n });
  return (
    <Flex gap={16} wrap align="flex-start">
      <Card size="small" style={{ flex: '1 1 300px', minWidth: 0 }}>
        <Form layout="vertical">
          <Form.Item label={t('legalDeadlines.rule')} htmlFor="legal-calc-rule">
            <Select
              id="legal-calc-rule"
              showSearch
              optionFilterProp="label"
              value={rule}
              loading={rules.isLoading}
              onChange={(v) => {
                setRule(v);
                setUses({});
              }}
              placeholder={t('legalDeadlines.chooseRule')}
              options={(rules.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
          <Form.Item label={t('legalDeadlines.start')} htmlFor="legal-calc-start" extra={t('legalDeadlines.startHelp')}>
            <DateInput
              id="legal-calc-start"
              value={start}
              allowClear={false}
              onChange={(d) => {
                if (d && !Array.isArray(d)) setStart(d);
              }}
            />
          </Form.Item>
          {chosen?.variants.length ? (
            <Form.Item label={t('legalDeadlines.variants')}>
              <Flex vertical gap={6}>
                {chosen.variants.map((v) =>
                  v.kind === 'combine' ? (
                    <Checkbox
                      key={v.code}
                      checked={(uses[v.code] ?? 0) > 0}
                      onChange={(e) => setUse(v.code, e.target.checked ? 1 : 0)}
                    >
                      {v.name}
                    </Checkbox>
                  ) : (
                    <Flex key={v.code} gap={8} align="center" wrap>
                      <InputNumber
                        min={0}
                        max={v.maxUses ?? 1}
                        value={uses[v.code] ?? 0}
                        onChange={(n) => setUse(v.code, n ?? 0)}
                        aria-label={v.name}
                        style={{ width: 80 }}
                      />
                      <span>
                        {v.name} ({t('legalDeadlines.repeatTerms', { days: v.days ?? 0, max: v.maxUses ?? 1 })})
                      </span>
                    </Flex>
                  ),
                )}
              </Flex>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      <Card
        size="small"
        title={t('legalDeadlines.result')}
        style={{ flex: '1 1 300px', minWidth: 0 }}
        aria-live="polite"
      >
        {!chosen ? <Typography.Text type="secondary">{t('legalDeadlines.chooseRule')}</Typography.Text> : null}
        {chosen && result.isError ? (
          <Typography.Text type="danger">{errorText(result.error, t)}</Typography.Text>
        ) : null}
        {chosen && result.data ? (
          <Flex vertical gap={6}>
            <Typography.Text type="secondary">{t('legalDeadlines.due')}</Typography.Text>
            <span className="legal-due">
              {dayjs(result.data.due).format('dddd')}, {formatDate(result.data.due)}
            </span>
            <Flex gap={6} wrap>
              <Tag>{daysText(result.data.days, result.data.dayKind)}</Tag>
              <Tag>{t('legalDeadlines.versionN', { n: result.data.version })}</Tag>
              <VersionTags version={result.data} />
              {result.data.provisional ? <Tag color="orange">{t('legalDeadlines.provisional')}</Tag> : null}
            </Flex>
            <Typography.Paragraph className="legal-basis" style={{ margin: 0 }}>
              {result.data.basis}
            </Typography.Paragraph>
            {result.data.provisional ? (
              <Typography.Text type="secondary">{t('legalDeadlines.provisionalHelp')}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </Card>
    </Flex>
  );
}
