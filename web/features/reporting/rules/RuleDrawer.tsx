import { Drawer, Form, Grid, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../ui/FormActions.tsx';
import { SavingForm, useFormSave } from '../../../ui/SavingForm.tsx';
import { useRuleNames } from './ruleNames.ts';
import {
  createRule,
  RULE_KINDS,
  RULE_OPS,
  RULES_KEY,
  SEVERITIES,
  updateRule,
  type Rule,
  type RuleInput,
} from './rules.api.ts';

type Props = { rule: Rule | 'new' | null; onClose: () => void };

type Values = {
  formId?: string | null;
  indicatorId?: string;
  kind: Rule['kind'];
  op?: Rule['op'];
  against: 'indicator' | 'constant';
  otherIndicatorId?: string | null;
  constant?: number | null;
  factor?: number | null;
  severity: Rule['severity'];
  message?: string;
};

const FIELDS = [
  'formId',
  'indicatorId',
  'kind',
  'op',
  'otherIndicatorId',
  'constant',
  'factor',
  'severity',
  'message',
] as const;

/** Thêm / sửa một quy tắc kiểm tra, in a drawer beside the list (at the foot of the screen on a phone). */
export function RuleDrawer({ rule, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const editing = rule !== null && rule !== 'new' ? rule : null;
  const title = editing ? t('reportingRules.editTitle') : t('reportingRules.createTitle');
  return (
    <Drawer
      open={rule !== null}
      onClose={onClose}
      title={title}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 560 : '92%'}
      destroyOnHidden
    >
      {rule !== null ? <RuleForm rule={editing} title={title} onClose={onClose} /> : null}
    </Drawer>
  );
}

function RuleForm({ rule, title, onClose }: { rule: Rule | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const against = Form.useWatch('against', form);
  const indicatorId = Form.useWatch('indicatorId', form);
  const names = useRuleNames();
  // Text indicators are never checked (the server refuses them too).
  const numeric = names.indicators.filter((i) => i.valueType !== 'text');
  const indicatorOptions = numeric.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }));

  const initialValues: Values = rule
    ? {
        formId: rule.formId,
        indicatorId: rule.indicatorId,
        kind: rule.kind,
        op: rule.op ?? '<=',
        against: rule.constant !== null ? 'constant' : 'indicator',
        otherIndicatorId: rule.otherIndicatorId,
        constant: rule.constant,
        factor: rule.factor ?? 3,
        severity: rule.severity,
        message: rule.message ?? '',
      }
    : { formId: null, kind: 'compare', op: '<=', against: 'indicator', factor: 3, severity: 'warning', message: '' };

  const saving = useFormSave(form, {
    fields: FIELDS,
    submit: (v: Values) => {
      const compare = v.kind === 'compare';
      const input: RuleInput = {
        formId: v.formId ?? null,
        indicatorId: v.indicatorId ?? '',
        kind: v.kind,
        op: compare ? (v.op ?? null) : null,
        otherIndicatorId: compare && v.against === 'indicator' ? (v.otherIndicatorId ?? null) : null,
        constant: compare && v.against === 'constant' ? (v.constant ?? null) : null,
        factor: compare ? null : (v.factor ?? null),
        severity: v.severity,
        message: v.message?.trim() ? v.message.trim() : null,
      };
      return rule ? updateRule(rule.id, { ...input, version: rule.version }) : createRule(input);
    },
    savedText: () => t(rule ? 'reportingRules.saved' : 'reportingRules.created'),
    refresh: [RULES_KEY],
    done: () => onClose(),
    reloadKey: RULES_KEY,
    onClose,
  });
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      <Form.Item name="indicatorId" label={t('reportingRules.indicator')} rules={required}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={names.loading} options={indicatorOptions} />
      </Form.Item>
      <Form.Item name="kind" label={t('reportingRules.kind')}>
        <Radio.Group
          options={RULE_KINDS.map((k) => ({ value: k, label: t(`reportingRules.kinds.${k}`) }))}
          optionType="button"
        />
      </Form.Item>
      {kind === 'history' ? (
        <Form.Item
          name="factor"
          label={t('reportingRules.factor')}
          rules={required}
          extra={t('reportingRules.factorHelp')}
        >
          <InputNumber min={1.1} max={1000} step={0.5} decimalSeparator="," />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="op" label={t('reportingRules.op')} rules={required}>
            <Select options={RULE_OPS.map((o) => ({ value: o, label: t(`reportingRules.ops.${o}`) }))} />
          </Form.Item>
          <Form.Item name="against" label={t('reportingRules.against')} className="rule-against">
            <Radio.Group
              options={[
                { value: 'indicator', label: t('reportingRules.againstIndicator') },
                { value: 'constant', label: t('reportingRules.againstConstant') },
              ]}
            />
          </Form.Item>
          {against === 'constant' ? (
            <Form.Item name="constant" label={t('reportingRules.constant')} rules={required}>
              <InputNumber decimalSeparator="," />
            </Form.Item>
          ) : (
            <Form.Item name="otherIndicatorId" label={t('reportingRules.otherIndicator')} rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={names.loading}
                options={indicatorOptions.filter((o) => o.value !== indicatorId)}
              />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="severity" label={t('reportingRules.severity')} extra={t('reportingRules.severityHelp')}>
        <Radio.Group
          options={SEVERITIES.map((s) => ({ value: s, label: t(`reportingRules.severities.${s}`) }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item name="formId" label={t('reportingRules.form')} extra={t('reportingRules.formHelp')}>
        <Select
          allowClear
          placeholder={t('reportingRules.everyForm')}
          options={names.forms.map((f) => ({ value: f.id, label: f.name }))}
        />
      </Form.Item>
      <Form.Item name="message" label={t('reportingRules.message')} extra={t('reportingRules.messageHelp')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}
