import { UnlockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, todayInVietnam } from '../../../lib/format.ts';
import { DateInput } from '../../../ui/DateInput.tsx';
import { errorText } from '../../../ui/errors.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { SavingForm, useFormSave } from '../../../ui/SavingForm.tsx';
import { useMe } from '../../auth/session.ts';
import { useHoldsPermission } from '../../roles/useHoldsPermission.ts';
import { UnitSearchSelect } from '../../units/UnitSearchSelect.tsx';
import type { SearchHit } from '../../units/units.api.ts';
import { formPeriodsKey, reopenPeriod, upcomingPeriods, type FormPeriod } from './forms.api.ts';

/** Where a period stands today: open, locked (since its lock day), or opened again until a day. */
function stateOf(p: FormPeriod, today: string) {
  const everyone = p.reopenings.find((o) => o.unitId === null);
  if (p.locksOn === null || today < p.locksOn) return { kind: 'open' as const };
  if (everyone) return { kind: 'reopened' as const, reopening: everyone };
  return { kind: 'locked' as const };
}

/** "Kỳ báo cáo": the form's recent periods, their days, due and lock. A locked one says since when and why, and
 * those who review reports may open it again, with a reason and a last day (kept in the audit). */
export function PeriodsCard({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const canReopen = useHoldsPermission(me, 'reporting.review');
  const periods = useQuery({
    queryKey: formPeriodsKey(formId),
    queryFn: ({ signal }) => upcomingPeriods(formId, signal),
  });
  const [reopening, setReopening] = useState<FormPeriod | null>(null);
  const today = todayInVietnam().format('YYYY-MM-DD');

  return (
    <Card title={t('reportingPeriods.title')} className="report-form-card">
      {periods.isError ? (
        <Typography.Text type="danger">{errorText(periods.error, t)}</Typography.Text>
      ) : (
        <ul className="report-form-periods">
          {(periods.data?.items ?? []).map((p) => {
            const state = stateOf(p, today);
            return (
              <li key={p.id} aria-label={p.label}>
                <strong>{p.label}</strong>{' '}
                {state.kind === 'locked' ? (
                  <Tag color="red">{t('reportingPeriods.locked')}</Tag>
                ) : state.kind === 'reopened' ? (
                  <Tag color="green">{t('reportingPeriods.reopened')}</Tag>
                ) : (
                  <Tag color="blue">{t('reportingPeriods.open')}</Tag>
                )}{' '}
                <Typography.Text type="secondary">
                  {t('reportForms.periodLine', {
                    start: formatDate(p.start),
                    end: formatDate(p.end),
                    due: formatDate(p.due),
                  })}
                  {p.locksOn && state.kind === 'open'
                    ? ` · ${t('reportForms.locksOn', { date: formatDate(p.locksOn) })}`
                    : ''}
                </Typography.Text>
                {state.kind !== 'open' && p.locksOn ? (
                  <div className="report-form-period-why">
                    {t('reportingPeriods.lockedWhy', { date: formatDate(p.locksOn), due: formatDate(p.due) })}
                  </div>
                ) : null}
                {p.reopenings.map((o) => (
                  <div key={`${o.at}-${o.unitId ?? ''}`} className="report-form-period-why">
                    {t('reportingPeriods.reopenedLine', {
                      who: o.unitName ?? t('reportingPeriods.everyReporter'),
                      until: formatDate(o.until),
                      by: o.by ?? '—',
                      at: formatDateTime(o.at),
                      reason: o.reason,
                    })}
                  </div>
                ))}
                {state.kind === 'locked' && canReopen ? (
                  <Button
                    size="small"
                    icon={<UnlockOutlined aria-hidden />}
                    onClick={() => setReopening(p)}
                    aria-label={t('reportingPeriods.reopenLabel', { period: p.label })}
                  >
                    {t('reportingPeriods.reopen')}
                  </Button>
                ) : null}
              </li>
            );
          })}
          {periods.data && periods.data.items.length === 0 ? <li>{t('reportForms.noPeriods')}</li> : null}
        </ul>
      )}
      <FormModal
        open={reopening !== null}
        width={560}
        title={reopening ? t('reportingPeriods.reopenTitle', { period: reopening.label }) : ''}
        onClose={() => setReopening(null)}
      >
        {reopening ? (
          <ReopenForm formId={formId} period={reopening} isAdmin={me.isAdmin} onClose={() => setReopening(null)} />
        ) : null}
      </FormModal>
    </Card>
  );
}

type Values = { reason: string; until: dayjs.Dayjs };

/** Mở lại kỳ: a reason, a last day, and (for a unit's reviewers, who may only open it for their units) a unit. */
function ReopenForm(p: { formId: string; period: FormPeriod; isAdmin: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [unit, setUnit] = useState<SearchHit | null>(null);
  const title = t('reportingPeriods.reopenTitle', { period: p.period.label });
  const saving = useFormSave(form, {
    fields: ['reason', 'until', 'unitId'],
    submit: (v: Values) =>
      reopenPeriod(p.formId, p.period.id, {
        reason: v.reason.trim(),
        until: v.until.format('YYYY-MM-DD'),
        ...(unit ? { unitId: unit.id } : {}),
      }),
    savedText: () => t('reportingPeriods.reopenedDone', { period: p.period.label }),
    refresh: [formPeriodsKey(p.formId)],
    done: () => p.onClose(),
    reloadKey: formPeriodsKey(p.formId),
    onClose: p.onClose,
  });
  return (
    <SavingForm saving={saving} title={title} initialValues={{ until: todayInVietnam().add(7, 'day') }}>
      <Form.Item
        name="reason"
        label={t('reportingPeriods.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} autoFocus />
      </Form.Item>
      <Form.Item
        name="until"
        label={t('reportingPeriods.until')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DateInput disabledDate={(d) => d.isBefore(todayInVietnam(), 'day')} />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('reportingPeriods.unit')}
        extra={p.isAdmin ? t('reportingPeriods.unitHelpAdmin') : t('reportingPeriods.unitHelp')}
        rules={
          p.isAdmin
            ? []
            : [{ validator: () => (unit ? Promise.resolve() : Promise.reject(new Error(t('validation.required')))) }]
        }
      >
        <UnitSearchSelect
          asOf={p.period.end}
          value={unit?.code ?? null}
          onChange={(_code, hit) => setUnit(hit)}
          aria-label={t('reportingPeriods.unit')}
        />
      </Form.Item>
      <FormActions onCancel={p.onClose} submitting={saving.isPending} submitLabel={t('reportingPeriods.reopen')} />
    </SavingForm>
  );
}
