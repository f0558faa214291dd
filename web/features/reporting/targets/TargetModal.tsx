import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { SavingForm, useFormSave } from '../../../ui/SavingForm.tsx';
import { REPORTING_KEY, type Indicator } from '../reporting.api.ts';
import { putTarget, TARGETS_KEY, type Target } from './targets.api.ts';
import { numberInputProps, targetDecimals } from './targetNumbers.ts';

type Props = {
  open: boolean;
  onClose: () => void;
  /** Whose plan: a unit's, or a body's (tổ chức). */
  holder: { kind: 'unit' | 'body'; id: string; name: string };
  indicator: Indicator;
  periodId: string;
  periodLabel: string;
  /** The target already set (changed with its version), or none yet. */
  current: Target | undefined;
};

type Values = { value: number | null };

/** "Giao kế hoạch": the target of the indicator for the unit (or body) and period, set or changed. */
export function TargetModal({ open, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  const title = t('reportingTargets.setTitle', { name: rest.holder.name });
  return (
    <FormModal open={open} title={title} width={480} onClose={onClose}>
      <TargetForm {...rest} title={title} onClose={onClose} />
    </FormModal>
  );
}

function TargetForm({
  holder,
  indicator,
  periodId,
  periodLabel,
  current,
  title,
  onClose,
}: Omit<Props, 'open'> & { title: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const saving = useFormSave(form, {
    fields: ['value'],
    submit: (v: Values) =>
      putTarget({
        indicatorId: indicator.id,
        ...(holder.kind === 'body' ? { bodyId: holder.id } : { unitId: holder.id }),
        periodId,
        value: v.value ?? 0,
        version: current?.version,
      }),
    savedText: (saved) => t('reportingTargets.saved', { name: holder.name, value: formatNumber(saved.value) }),
    // The dashboard shows targets beside results: every reporting figure is read again.
    refresh: [REPORTING_KEY],
    done: () => onClose(),
    reloadKey: TARGETS_KEY,
    onClose,
  });
  return (
    <SavingForm saving={saving} title={title} initialValues={{ value: current?.value ?? null }}>
      <Form.Item
        name="value"
        label={t('reportingTargets.valueLabel', { indicator: indicator.name, period: periodLabel })}
        extra={indicator.measure ?? undefined}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber<number>
          {...numberInputProps(targetDecimals(indicator.valueType))}
          autoFocus
          className="targets-input"
        />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={saving.isPending} submitLabel={t('reportingTargets.save')} />
    </SavingForm>
  );
}
