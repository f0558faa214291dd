import { useFormErrors } from '../../ui/FormErrors.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DATE_FORMAT, formatDate, todayInVietnam } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts } from '../../ui/FormErrors.tsx';
import { bodyDetailKey, getBody } from '../bodies/bodies.api.ts';
import { childrenKey, listChildren } from '../units/units.api.ts';
import { cascadeTask, WORK_KEY, type CascadeResult, type TaskDetail } from './work.api.ts';
import { taskPath } from './work.paths.ts';

type Props = { detail: TaskDetail | null; onClose: () => void };

/** "Giao xuống cơ sở": one subtask for each chosen unit below the lead body's (all by default), then what was created and skipped. */
export function CascadeModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={detail !== null}
      title={t('work.cascade.title')}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      {detail ? <CascadeForm detail={detail} onClose={onClose} /> : null}
    </Modal>
  );
}

type Values = { unitCodes: string[]; title: string; dueDate?: Dayjs | null };

function CascadeForm({ detail, onClose }: { detail: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, ['unitCodes', 'title', 'dueDate']);
  const [result, setResult] = useState<CascadeResult | null>(null);
  const task = detail.task;
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const lead = useQuery({
    queryKey: bodyDetailKey(task.leadBodyId, asOf),
    queryFn: ({ signal }) => getBody(task.leadBodyId, asOf, signal),
  });
  const unitCode = lead.data?.body.unitCode ?? null;
  const units = useQuery({
    queryKey: childrenKey(asOf, unitCode),
    queryFn: ({ signal }) => listChildren(asOf, unitCode, signal),
    enabled: unitCode !== null,
  });
  const below = (units.data ?? []).filter((u) => u.code !== null);

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const all = v.unitCodes.length === below.length;
      return cascadeTask(task.id, {
        ...(all ? {} : { unitCodes: v.unitCodes }),
        ...(v.title.trim() && v.title.trim() !== task.title ? { title: v.title.trim() } : {}),
        ...(v.dueDate && v.dueDate.format('YYYY-MM-DD') !== task.dueDate
          ? { dueDate: v.dueDate.format('YYYY-MM-DD') }
          : {}),
      });
    },
    onMutate: errors.reset,
    onSuccess: (r) => {
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
    },
    onError: errors.onError,
  });

  if (result) {
    type Row = {
      key: string;
      unitName: string;
      bodyName: string | null;
      taskId: string | null;
      reason: 'no_body' | 'already' | null;
    };
    const rows: Row[] = [
      ...result.created.map((c) => ({
        key: `c-${c.taskId}`,
        unitName: c.unitName,
        bodyName: c.bodyName,
        taskId: c.taskId,
        reason: null,
      })),
      ...result.skipped.map((s, i) => ({
        key: `s-${i}`,
        unitName: s.unitName,
        bodyName: null,
        taskId: null,
        reason: s.reason,
      })),
    ];
    const columns: TableColumnsType<Row> = [
      { title: t('work.cascade.unit'), dataIndex: 'unitName', key: 'unit', width: 200 },
      {
        title: t('work.cascade.outcome'),
        key: 'outcome',
        render: (_v, r) =>
          r.taskId ? (
            <>
              <Tag color="green">{t('work.cascade.created')}</Tag> <Link to={taskPath(r.taskId)}>{r.bodyName}</Link>
            </>
          ) : (
            <>
              <Tag color="orange">{t('work.cascade.skipped')}</Tag> {t(`work.cascade.reason.${r.reason ?? 'no_body'}`)}
            </>
          ),
      },
    ];
    return (
      <>
        <Alert
          className="form-alert"
          type={result.created.length > 0 ? 'success' : 'warning'}
          showIcon
          title={t('work.cascade.summary', { created: result.created.length, skipped: result.skipped.length })}
        />
        <Table<Row>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 480, y: 360 }}
          aria-label={t('work.cascade.resultLabel')}
        />
        <Flex justify="end" className="form-actions">
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Flex>
      </>
    );
  }

  if (lead.isPending || (unitCode !== null && units.isPending)) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (lead.isError || units.isError)
    return <Alert type="error" showIcon title={errorText(lead.error ?? units.error, t)} />;
  if (below.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('work.cascade.noUnits', { body: task.leadBodyName })}
      />
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        unitCodes: below.map((u) => u.code!),
        title: task.title,
        dueDate: task.dueDate ? dayjs(task.dueDate) : null,
      }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('work.cascade.title')}
    >
      <Typography.Paragraph type="secondary">
        {t('work.cascade.intro', { body: task.leadBodyName, unit: lead.data.body.unitName ?? '' })}
      </Typography.Paragraph>
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onClose} />
      <Form.Item label={t('work.cascade.units', { count: below.length })} required>
        <Flex gap={8} className="work-cascade-tools">
          <Button
            size="small"
            onClick={() =>
              form.setFieldValue(
                'unitCodes',
                below.map((u) => u.code!),
              )
            }
          >
            {t('work.cascade.all')}
          </Button>
          <Button size="small" onClick={() => form.setFieldValue('unitCodes', [])}>
            {t('work.cascade.none')}
          </Button>
        </Flex>
        <Form.Item name="unitCodes" noStyle rules={[{ type: 'array', min: 1, message: t('work.cascade.pickOne') }]}>
          <Checkbox.Group
            className="work-cascade-units"
            options={below.map((u) => ({ value: u.code!, label: u.name }))}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="title"
        label={t('work.cascade.subtaskTitle')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('work.task.dueDate')}
        extra={task.dueDate ? t('work.cascade.dueHint', { date: formatDate(task.dueDate) }) : null}
      >
        <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t('work.cascade.submit')} />
    </Form>
  );
}
