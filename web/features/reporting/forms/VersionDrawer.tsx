import { Drawer, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../ui/DateInput.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { SavingForm, useFormSave } from '../../../ui/SavingForm.tsx';
import {
  addFormVersion,
  createReportForm,
  FORMS_KEY,
  PERIOD_TYPES,
  updateFormVersion,
  type FormVersion,
  type PeriodType,
  type ReportForm,
} from './forms.api.ts';
import { VERSION_FIELDS, VersionFields, versionInput, versionValues, type VersionValues } from './VersionFields.tsx';

/** What the drawer does: set up a new form, add a version of one from a date, or correct one of its versions. */
export type VersionTask =
  | { kind: 'createForm' }
  | { kind: 'newVersion'; form: ReportForm; from: FormVersion | null }
  | { kind: 'editVersion'; form: ReportForm; version: FormVersion };

type Props = { task: VersionTask | null; onClose: () => void; onSaved?: (form: ReportForm) => void };

/** A version's fields, at the top (a version of a form) or under firstVersion (a new form, as the API names them). */
type Values = Partial<VersionValues> & {
  code?: string;
  name?: string;
  periodType?: PeriodType;
  validFrom?: Dayjs | null;
  firstVersion?: VersionValues;
};

export function VersionDrawer({ task, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const title =
    task?.kind === 'createForm'
      ? t('reportForms.createTitle')
      : task?.kind === 'newVersion'
        ? t('reportForms.newVersionTitle', { name: task.form.name })
        : task?.kind === 'editVersion'
          ? t('reportForms.editVersionTitle', { name: task.form.name })
          : '';
  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      title={title}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 720 : '92%'}
      destroyOnHidden
    >
      {task ? <VersionForm task={task} title={title} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function VersionForm({
  task,
  title,
  onClose,
  onSaved,
}: Required<Pick<Props, 'onClose'>> & Props & { task: VersionTask; title: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const creating = task.kind === 'createForm';
  const start = task.kind === 'editVersion' ? task.version : task.kind === 'newVersion' ? task.from : null;
  const initialValues: Values = creating
    ? { code: '', name: '', periodType: 'month', firstVersion: versionValues(null) }
    : { ...versionValues(start), ...(task.kind === 'newVersion' ? { validFrom: null } : {}) };
  const saving = useFormSave(form, {
    fields: creating ? ['code', 'name', 'periodType', 'firstVersion'] : ['validFrom', ...VERSION_FIELDS],
    submit: (v: Values) => {
      if (task.kind === 'createForm')
        return createReportForm({
          code: (v.code ?? '').trim().toUpperCase(),
          name: (v.name ?? '').trim(),
          periodType: v.periodType ?? 'month',
          firstVersion: versionInput(v.firstVersion!),
        });
      const version = versionInput(v as VersionValues);
      if (task.kind === 'newVersion')
        return addFormVersion(task.form.id, { validFrom: v.validFrom?.format('YYYY-MM-DD') ?? '', ...version });
      return updateFormVersion(task.form.id, task.version.id, { version: task.version.version, ...version });
    },
    savedText: () => t(creating ? 'reportForms.created' : 'reportForms.saved'),
    refresh: [FORMS_KEY],
    done: (saved) => {
      onClose();
      onSaved?.(saved);
    },
    reloadKey: FORMS_KEY,
    onClose,
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <SavingForm saving={saving} initialValues={initialValues} title={title}>
      {creating ? (
        <>
          <div className="report-form-row">
            <Form.Item name="code" label={t('reportForms.code')} rules={required} extra={t('reportForms.codeHelp')}>
              <Input autoFocus autoComplete="off" maxLength={40} className="indicator-code" />
            </Form.Item>
            <Form.Item name="periodType" label={t('reportForms.periodType')}>
              <Select options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`reportForms.periodTypes.${p}`) }))} />
            </Form.Item>
          </div>
          <Form.Item name="name" label={t('reportForms.name')} rules={required}>
            <Input autoComplete="off" maxLength={300} />
          </Form.Item>
        </>
      ) : null}
      {task.kind === 'newVersion' ? (
        <Form.Item
          name="validFrom"
          label={t('reportForms.validFrom')}
          extra={t('reportForms.validFromHelp')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DateInput />
        </Form.Item>
      ) : null}
      <VersionFields base={creating ? ['firstVersion'] : []} />
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}
