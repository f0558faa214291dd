import { Alert, Form, InputNumber, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { SavingForm, useFormSave } from '../../../ui/SavingForm.tsx';
import { REPORTING_KEY, type Indicator } from '../reporting.api.ts';
import { splitTarget, TARGETS_KEY, type Row, type Target, type TargetSplit } from './targets.api.ts';
import { numberInputProps, scaled, targetDecimals } from './targetNumbers.ts';

type Choice = 'lastYear' | 'equal' | 'manual';
type Values = { how: Choice; shares: { value: number | null }[] };

type Props = {
  open: boolean;
  onClose: () => void;
  target: Target;
  /** Whose plan: a unit's (split among the units below) or a body's (among the bodies below on its line). */
  holder: { kind: 'unit' | 'body'; name: string };
  indicator: Indicator;
  /** The units or bodies below, each with the share it has now (the starting values of a split by hand). */
  rows: Pick<Row, 'id' | 'name' | 'target'>[];
};

/** "Chia cho cấp dưới": the target split among the units (or bodies) below, proportionally (last year's results, or equally;
 * the server rounds so that the parts add up exactly) or by hand, the parts then adding up to the target. */
export function SplitModal({ open, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  const title = t('reportingTargets.splitTitle', { name: rest.holder.name });
  return (
    <FormModal open={open} title={title} width={640} onClose={onClose}>
      <SplitForm {...rest} title={title} onClose={onClose} />
    </FormModal>
  );
}

function SplitForm({ target, holder, indicator, rows, title, onClose }: Omit<Props, 'open'> & { title: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const how = Form.useWatch('how', form) ?? 'lastYear';
  const shares = Form.useWatch('shares', form);
  // Shown once a save by hand was refused here for parts not adding up; it then follows the typing.
  const [checked, setChecked] = useState(false);
  const decimals = targetDecimals(indicator.valueType);
  const measure = indicator.measure ? ` ${indicator.measure}` : '';
  const shown = (n: number) => `${formatNumber(n)}${measure}`;
  const sum = (shares ?? []).reduce((a, s) => a + scaled(s?.value ?? 0, decimals), 0);
  const left = (scaled(target.value, decimals) - sum) / 10 ** decimals;

  const saving = useFormSave(form, {
    fields: [],
    submit: (v: Values) => {
      const body: TargetSplit =
        v.how === 'manual'
          ? {
              method: 'manual',
              // An empty row is a share of nothing: a unit given a part before loses it.
              // The rows are the units below, in order (the form holds only their values).
              shares: rows.map((r, i) => ({
                ...(holder.kind === 'body' ? { bodyId: r.id } : { unitId: r.id }),
                value: v.shares[i]?.value ?? 0,
              })),
            }
          : { method: 'proportional', basis: v.how };
      return splitTarget(target.id, body);
    },
    savedText: (saved) =>
      t(holder.kind === 'body' ? 'reportingBodyTargets.splitSaved' : 'reportingTargets.splitSaved', {
        n: saved.items.length,
        name: holder.name,
      }),
    refresh: [REPORTING_KEY],
    done: () => onClose(),
    reloadKey: TARGETS_KEY,
    onClose,
  });
  const submit = (v: Values) => {
    if (v.how === 'manual' && left !== 0) {
      setChecked(true);
      return;
    }
    saving.submit(v);
  };

  const initialValues: Values = {
    how: 'lastYear',
    shares: rows.map((r) => ({ value: r.target?.value ?? null })),
  };
  const input = numberInputProps(decimals);
  return (
    <SavingForm saving={{ ...saving, submit }} title={title} initialValues={initialValues}>
      <Typography.Paragraph>
        {t('reportingTargets.splitOf', { value: shown(target.value), indicator: indicator.name })}
      </Typography.Paragraph>
      <Form.Item name="how" label={t('reportingTargets.how')}>
        <Radio.Group
          className="targets-how"
          options={(['lastYear', 'equal', 'manual'] as const).map((k) => ({
            value: k,
            label: t(holder.kind === 'body' ? `reportingBodyTargets.hows.${k}` : `reportingTargets.hows.${k}`),
          }))}
        />
      </Form.Item>
      {how !== 'manual' ? (
        <Typography.Paragraph type="secondary">
          {t(holder.kind === 'body' ? `reportingBodyTargets.howHelp.${how}` : `reportingTargets.howHelp.${how}`)}
        </Typography.Paragraph>
      ) : (
        <>
          <Form.List name="shares">
            {(fields) => (
              <div className="targets-shares">
                {fields.map((field, i) => (
                  <Form.Item
                    key={field.key}
                    name={[field.name, 'value']}
                    label={rows[i]?.name}
                    className="targets-share"
                  >
                    <InputNumber<number> {...input} className="targets-input" />
                  </Form.Item>
                ))}
              </div>
            )}
          </Form.List>
          {checked && left !== 0 ? (
            <Alert
              className="form-alert"
              type="error"
              showIcon
              title={
                left > 0
                  ? t('reportingTargets.sharesShort', { sum: shown(sum / 10 ** decimals), left: shown(left) })
                  : t('reportingTargets.sharesOver', { sum: shown(sum / 10 ** decimals), over: shown(-left) })
              }
            />
          ) : (
            <Typography.Paragraph
              className={left === 0 ? 'targets-summary' : 'targets-summary targets-off'}
              aria-live="polite"
            >
              {left === 0
                ? t('reportingTargets.sharesExact', { sum: shown(sum / 10 ** decimals) })
                : t('reportingTargets.sharesRunning', {
                    sum: shown(sum / 10 ** decimals),
                    target: shown(target.value),
                  })}
            </Typography.Paragraph>
          )}
        </>
      )}
      <FormActions onCancel={onClose} submitting={saving.isPending} submitLabel={t('reportingTargets.splitSave')} />
    </SavingForm>
  );
}
