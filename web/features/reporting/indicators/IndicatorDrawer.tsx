import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Drawer, Form, Grid, Input, InputNumber, Popconfirm, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../ui/FormActions.tsx';
import { SavingForm, useFormSave } from '../../../ui/SavingForm.tsx';
import { errorText } from '../../../ui/errors.ts';
import {
  createIndicator,
  deleteIndicator,
  INDICATOR_KINDS,
  indicatorListKey,
  INDICATORS_KEY,
  listIndicatorsBy,
  TIME_AGGREGATIONS,
  TREE_AGGREGATIONS,
  updateIndicator,
  VALUE_TYPES,
  type Indicator,
  type IndicatorInput,
} from './indicators.api.ts';

type Props = { indicator: Indicator | 'new' | null; onClose: () => void };

type Values = {
  code: string;
  name: string;
  measure?: string;
  valueType: Indicator['valueType'];
  treeAggregation: Indicator['treeAggregation'];
  timeAggregation: Indicator['timeAggregation'];
  kind: Indicator['kind'];
  formula?: string;
  coverage?: { sourceId?: string; min?: number | null; level?: number };
  byOrganisation: boolean;
  description?: string;
  sort?: number | null;
};

const FIELDS = [
  'code',
  'name',
  'measure',
  'valueType',
  'treeAggregation',
  'timeAggregation',
  'kind',
  'formula',
  'coverage',
  'breakdown',
  'description',
  'sort',
] as const;
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Thêm / sửa một chỉ tiêu, in a drawer beside the list (at the foot of the screen on a phone). */
export function IndicatorDrawer({ indicator, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const editing = indicator !== null && indicator !== 'new' ? indicator : null;
  const title = editing ? t('indicators.editTitle', { code: editing.code }) : t('indicators.createTitle');
  return (
    <Drawer
      open={indicator !== null}
      onClose={onClose}
      title={title}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 640 : '92%'}
      destroyOnHidden
      extra={editing ? <DeleteButton indicator={editing} onDone={onClose} /> : null}
    >
      {indicator !== null ? <IndicatorForm indicator={editing} title={title} onClose={onClose} /> : null}
    </Drawer>
  );
}

function IndicatorForm({
  indicator,
  title,
  onClose,
}: {
  indicator: Indicator | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const valueType = Form.useWatch('valueType', form);
  // Every indicator a coverage may count (the list is small: tens, not thousands).
  const all = useQuery({
    queryKey: indicatorListKey({}),
    queryFn: ({ signal }) => listIndicatorsBy({}, signal),
    staleTime: 60_000,
  });
  const sources = (all.data?.items ?? []).filter((i) => i.valueType !== 'text' && i.id !== indicator?.id);

  const initialValues: Values = indicator
    ? {
        code: indicator.code,
        name: indicator.name,
        measure: indicator.measure ?? '',
        valueType: indicator.valueType,
        treeAggregation: indicator.treeAggregation,
        timeAggregation: indicator.timeAggregation,
        kind: indicator.kind,
        formula: indicator.formula ?? '',
        coverage: indicator.coverage
          ? { sourceId: indicator.coverage.sourceId, min: indicator.coverage.min, level: indicator.coverage.level }
          : { level: 3 },
        byOrganisation: indicator.breakdown === 'organisation',
        description: indicator.description ?? '',
        sort: indicator.sort,
      }
    : {
        code: '',
        name: '',
        measure: '',
        valueType: 'integer',
        treeAggregation: 'sum',
        timeAggregation: 'sum',
        kind: 'entered',
        formula: '',
        coverage: { level: 3, min: 1 },
        byOrganisation: false,
        description: '',
        sort: 100,
      };

  const saving = useFormSave(form, {
    fields: FIELDS,
    rename: { breakdown: 'byOrganisation', coverage: 'coverage.sourceId' },
    submit: (v: Values) => {
      const input: IndicatorInput = {
        code: v.code.trim().toUpperCase(),
        name: v.name.trim(),
        measure: blankToNull(v.measure),
        valueType: v.valueType,
        treeAggregation: v.treeAggregation,
        timeAggregation: v.timeAggregation,
        kind: v.kind,
        formula: v.kind === 'computed' ? blankToNull(v.formula) : null,
        coverage:
          v.kind === 'coverage'
            ? { sourceId: v.coverage?.sourceId ?? '', min: v.coverage?.min ?? null, level: v.coverage?.level ?? 3 }
            : null,
        breakdown: v.byOrganisation ? 'organisation' : null,
        description: blankToNull(v.description),
        sort: v.sort ?? 100,
      };
      return indicator
        ? updateIndicator(indicator.id, { ...input, version: indicator.version })
        : createIndicator(input);
    },
    savedText: (saved) => t(indicator ? 'indicators.saved' : 'indicators.created', { code: saved.code }),
    refresh: [INDICATORS_KEY],
    done: () => onClose(),
    reloadKey: INDICATORS_KEY,
    onClose,
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  // Yes/no and text indicators are only entered (the server says so too).
  const onlyEntered = valueType === 'boolean' || valueType === 'text';

  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      <div className="indicator-form-row">
        <Form.Item name="code" label={t('indicators.code')} rules={required} extra={t('indicators.codeHelp')}>
          <Input autoFocus={!indicator} autoComplete="off" maxLength={40} className="indicator-code" />
        </Form.Item>
        <Form.Item name="measure" label={t('indicators.measure')} extra={t('indicators.measureHelp')}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t('indicators.name')} rules={required}>
        <Input autoComplete="off" maxLength={300} />
      </Form.Item>
      <div className="indicator-form-row">
        <Form.Item name="valueType" label={t('indicators.valueType')}>
          <Select options={VALUE_TYPES.map((v) => ({ value: v, label: t(`indicators.valueTypes.${v}`) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('indicators.kind')}>
          <Select
            options={INDICATOR_KINDS.map((k) => ({
              value: k,
              label: t(`indicators.kinds.${k}`),
              disabled: onlyEntered && k !== 'entered',
            }))}
          />
        </Form.Item>
      </div>
      {kind === 'computed' ? (
        <Form.Item name="formula" label={t('indicators.formula')} rules={required} extra={t('indicators.formulaHelp')}>
          <Input autoComplete="off" spellCheck={false} className="indicator-code" maxLength={1000} />
        </Form.Item>
      ) : null}
      {kind === 'coverage' ? (
        <div className="indicator-form-row">
          <Form.Item
            name={['coverage', 'sourceId']}
            label={t('indicators.coverageSource')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={all.isPending}
              options={sources.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))}
            />
          </Form.Item>
          <Form.Item
            name={['coverage', 'min']}
            label={t('indicators.coverageMin')}
            extra={t('indicators.coverageMinHelp')}
          >
            <InputNumber />
          </Form.Item>
          <Form.Item name={['coverage', 'level']} label={t('indicators.coverageLevel')}>
            <Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: t(`indicators.levels.${l}`) }))} />
          </Form.Item>
        </div>
      ) : null}
      <div className="indicator-form-row">
        <Form.Item name="treeAggregation" label={t('indicators.treeAggregation')}>
          <Select options={TREE_AGGREGATIONS.map((v) => ({ value: v, label: t(`indicators.tree.${v}`) }))} />
        </Form.Item>
        <Form.Item name="timeAggregation" label={t('indicators.timeAggregation')}>
          <Select options={TIME_AGGREGATIONS.map((v) => ({ value: v, label: t(`indicators.time.${v}`) }))} />
        </Form.Item>
      </div>
      <Form.Item name="byOrganisation" valuePropName="checked">
        <Checkbox>{t('indicators.byOrganisationHelp')}</Checkbox>
      </Form.Item>
      <Form.Item name="description" label={t('indicators.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="sort" label={t('indicators.sort')}>
        <InputNumber min={0} max={1_000_000} precision={0} />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}

/** Xóa: refused by the server (with its reason) while a form, a value, another indicator, a rule or a target names it. */
function DeleteButton({ indicator, onDone }: { indicator: Indicator; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteIndicator(indicator.id, indicator.version),
    onSuccess: () => {
      void message.success(t('indicators.deleted', { code: indicator.code }));
      void queryClient.invalidateQueries({ queryKey: INDICATORS_KEY });
      onDone();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Popconfirm
      title={t('indicators.deleteConfirm', { code: indicator.code })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => remove.mutate()}
    >
      <Button danger loading={remove.isPending}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
