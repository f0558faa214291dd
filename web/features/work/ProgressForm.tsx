import { useFormErrors } from '../../ui/FormErrors.tsx';
import { useState, type KeyboardEvent } from 'react';
import { App, Button, Col, DatePicker, Flex, Form, Grid, Input, InputNumber, Row, Select, Slider } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormErrorAlerts } from '../../ui/FormErrors.tsx';
import { EvidenceUpload, uploadedIds, type Picked } from './EvidenceUpload.tsx';
import { PersonSelect } from '../people/PersonSelect.tsx';
import { formatNumber } from './TaskBits.tsx';
import { useTaskMutation } from './useTaskMutation.ts';
import { reportProgress, type ProgressInput, type TaskDetail } from './work.api.ts';
// The form's look comes with it, on my work's sheet too.
import './work.css';

const REPORTABLE = new Set(['assigned', 'in_progress', 'returned']);
const WHOLE = 'whole';

type Values = {
  part: string;
  progress: number;
  resultValue?: number | null;
  note?: string;
  reportedByPersonId?: string | null;
  reportedOn: Dayjs;
};

const FIELDS = [
  'part',
  'cooperatorId',
  'progress',
  'resultValue',
  'note',
  'reportedByPersonId',
  'reportedOn',
  'fileIds',
] as const;

/** Whether the caller can report on this task now (on the whole task, or on a cooperating body's part). */
export function canReport(detail: TaskDetail): boolean {
  if (!REPORTABLE.has(detail.task.status)) return false;
  const whole = detail.permissions.report && detail.task.subtaskCount === 0;
  return whole || detail.permissions.reportParts.length > 0;
}

/** In report forms Enter moves to the next field (keyboard-first data entry); in the last one it submits. */
function enterMovesOn(e: KeyboardEvent<HTMLElement>) {
  const el = e.target as HTMLElement;
  if (
    e.key !== 'Enter' ||
    el.tagName !== 'INPUT' ||
    el.getAttribute('role') === 'combobox' ||
    (el as HTMLInputElement).type === 'file'
  )
    return;
  const fields = [
    ...e.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]):not([type=file]):not([disabled]), textarea:not([disabled])',
    ),
  ];
  const next = fields[fields.indexOf(el) + 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

type Props = {
  detail: TaskDetail;
  /** After the report is recorded, with the task's new detail (the phone sheet closes). */
  onDone?: (d: TaskDetail) => void;
  /** A "Hủy" button beside "Gửi báo cáo" (the phone sheet). */
  onCancel?: () => void;
};

/**
 * "Báo cáo tiến độ", the one progress form of the task page and of my work's sheet: a percentage (slider and box),
 * the result against the target, a note, who reported it (someone without an account, by default the signed-in
 * person), its date and evidence (a photo taken with the phone's camera, or chosen files); on the whole task or on
 * a cooperating body's part when the caller reports for that body.
 */
export function ProgressForm({ detail, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS, { cooperatorId: 'part' });
  const [files, setFiles] = useState<Picked[]>([]);
  const task = detail.task;
  const today = todayInVietnam();
  const whole = detail.permissions.report && task.subtaskCount === 0;
  // a result taken from the approved reports is not entered by hand
  const handTarget = task.targetIndicatorId ? null : task.targetValue;
  const parts = detail.cooperators.filter((c) => detail.permissions.reportParts.includes(c.id));
  const partOptions = [
    ...(whole ? [{ value: WHOLE, label: t('work.progress.whole') }] : []),
    ...parts.map((c) => ({ value: c.id, label: t('work.progress.partOf', { body: c.bodyName }) })),
  ];
  const chosenPart: string | undefined = Form.useWatch('part', form);
  const progressOf = (part: string | undefined) =>
    part && part !== WHOLE ? (parts.find((c) => c.id === part)?.progress ?? 0) : Math.round(task.progress);
  const uploading = files.some((f) => f.status === 'uploading');

  const mutation = useTaskMutation(
    task.id,
    (v: Values) => {
      const body: ProgressInput = {
        progress: v.progress,
        reportedOn: v.reportedOn.format('YYYY-MM-DD'),
        fileIds: uploadedIds(files),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        ...(v.reportedByPersonId ? { reportedByPersonId: v.reportedByPersonId } : {}),
        ...(v.part !== WHOLE ? { cooperatorId: v.part } : {}),
        ...(v.part === WHOLE && handTarget !== null && v.resultValue !== undefined
          ? { resultValue: v.resultValue }
          : {}),
      };
      return reportProgress(task.id, body);
    },
    {
      onMutate: errors.reset,
      onSuccess: (d) => {
        void message.success(t('work.progress.saved', { title: d.task.title }));
        form.resetFields(['note', 'reportedByPersonId']);
        form.setFieldValue('progress', Math.round(d.task.progress));
        setFiles([]);
        onDone?.(d);
      },
      onError: errors.onError,
    },
  );

  if (!canReport(detail)) return null;
  const initialPart = partOptions[0]?.value ?? WHOLE;

  return (
    <div onKeyDown={enterMovesOn}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          part: initialPart,
          progress: progressOf(initialPart),
          resultValue: task.resultValue,
          note: '',
          reportedByPersonId: null,
          reportedOn: today,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.part !== undefined) form.setFieldValue('progress', progressOf(changed.part));
        }}
        onFinish={(v) => mutation.mutate(v)}
        aria-label={t('work.progress.title')}
        className="work-progress-form"
      >
        <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={() => errors.reset()} />
        {partOptions.length > 1 || !whole ? (
          <Form.Item
            name="part"
            label={t('work.progress.on')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={partOptions} />
          </Form.Item>
        ) : (
          <Form.Item name="part" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item label={t('work.progress.percent')} required>
          <Flex gap={12} align="center">
            <Form.Item name="progress" noStyle>
              <Slider
                min={0}
                max={100}
                step={5}
                className="work-progress-slider"
                tooltip={{ formatter: (v) => `${v ?? 0} %` }}
                ariaLabelForHandle={t('common.progressSlider')}
              />
            </Form.Item>
            <Form.Item name="progress" noStyle rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                suffix="%"
                inputMode="numeric"
                className="work-progress-input"
                aria-label={t('work.progress.percentBox')}
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        {handTarget !== null && (chosenPart ?? initialPart) === WHOLE ? (
          <Form.Item
            name="resultValue"
            label={t('work.progress.result', { target: formatNumber(handTarget), unit: task.targetUnit ?? '' })}
          >
            <InputNumber min={0} max={1e12} style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('work.progress.note')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            placeholder={t('work.progress.notePlaceholder')}
          />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="reportedByPersonId"
              label={t('work.progress.reportedBy')}
              extra={t('work.progress.reportedByHint')}
            >
              <PersonSelect placeholder={t('work.progress.me')} aria-label={t('work.progress.reportedBy')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name="reportedOn"
              label={t('work.progress.reportedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                disabledDate={(d) => d.isAfter(today, 'day')}
                allowClear={false}
                inputReadOnly={phone}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('work.progress.evidence')}>
          <EvidenceUpload value={files} onChange={setFiles} camera />
        </Form.Item>
        <Flex justify="end" gap={8} className="form-actions">
          {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
          <Button type="primary" htmlType="submit" loading={mutation.isPending} disabled={uploading}>
            {uploading ? t('work.files.waiting') : t('work.progress.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
