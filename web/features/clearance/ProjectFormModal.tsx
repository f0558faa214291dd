import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Divider, Flex, Form, Grid, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import { TaskSelect } from '../work/TaskSelect.tsx';
import { CLEARANCE_KEY, createProject, updateProject, type ProjectDetail } from './clearance.api.ts';

type Props = { open: boolean; detail: ProjectDetail | null; onClose: () => void; onSaved: (d: ProjectDetail) => void };

type Milestone = { dueOn?: Dayjs; title?: string; targetPercent?: number };
type Values = {
  bodyId?: string | null;
  code: string;
  name: string;
  investor?: string;
  description?: string;
  householdTotal?: number | null;
  startDate: Dayjs;
  plannedCompletionDate: Dayjs;
  completedOn?: Dayjs | null;
  taskId?: string | null;
  milestones: Milestone[];
};
type Unit = { id: string; name: string };

const FIELDS = [
  'bodyId',
  'code',
  'name',
  'investor',
  'description',
  'householdTotal',
  'startDate',
  'plannedCompletionDate',
  'completedOn',
  'taskId',
  'milestones',
  'affectedUnitIds',
] as const;

/** Thêm / Sửa a key project: who follows it, the investor, the households announced, its schedule and milestones,
 * the communes it crosses. */
export function ProjectFormModal({ open, detail, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const title = detail ? t('clearance.editTitle', { name: detail.project.name }) : t('clearance.createTitle');
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={null}
      width={wide ? 760 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {/* Kept while the dialog fades out (destroyOnHidden removes it after), so it does not empty as it closes. */}
      <ProjectForm detail={detail} title={title} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function ProjectForm({
  detail,
  title,
  onClose,
  onSaved,
}: {
  detail: ProjectDetail | null;
  title: string;
  onClose: () => void;
  onSaved: (d: ProjectDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const p = detail?.project;
  const today = todayInVietnam();
  const asOf = today.format('YYYY-MM-DD');
  const [units, setUnits] = useState<Unit[]>(
    () => detail?.affectedUnits.map((u) => ({ id: u.id, name: u.name ?? u.code ?? u.id })) ?? [],
  );

  const initialValues: Values = p
    ? {
        bodyId: p.bodyId,
        code: p.code,
        name: p.name,
        investor: p.investor ?? '',
        description: p.description ?? '',
        householdTotal: p.householdTotal,
        startDate: dayjs(p.startDate),
        plannedCompletionDate: dayjs(p.plannedCompletionDate),
        completedOn: p.completedOn ? dayjs(p.completedOn) : null,
        taskId: p.taskId,
        milestones: detail.milestones.map((m) => ({
          dueOn: dayjs(m.dueOn),
          title: m.title,
          targetPercent: m.targetPercent,
        })),
      }
    : {
        code: '',
        name: '',
        startDate: today.startOf('month'),
        plannedCompletionDate: today.add(6, 'month').endOf('month'),
        milestones: [],
      };

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        code: v.code.trim(),
        name: v.name.trim(),
        investor: text(v.investor),
        description: text(v.description),
        householdTotal: v.householdTotal ?? null,
        startDate: day(v.startDate)!,
        plannedCompletionDate: day(v.plannedCompletionDate)!,
        completedOn: day(v.completedOn),
        affectedUnitIds: units.map((u) => u.id),
        milestones: v.milestones
          .filter((m) => m.dueOn && m.title?.trim())
          .map((m) => ({ dueOn: day(m.dueOn)!, title: m.title!.trim(), targetPercent: m.targetPercent ?? 0 })),
      };
      const taskId = v.taskId ?? null;
      // The task is sent only when changed: a linked task the editor does not read would be refused as a reference.
      return p
        ? updateProject(p.id, { ...common, version: p.version, ...(taskId !== p.taskId ? { taskId } : {}) })
        : createProject({ ...common, bodyId: v.bodyId!, taskId });
    },
    onMutate: errors.reset,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY });
      onSaved(saved);
    },
    onError: errors.onError,
  });
  const required = { required: true, message: t('validation.required') };
  const date = <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />;

  // A stale version: the project is read again, and the form closes.
  const reload = () => void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEY }).then(onClose);

  return (
    <Form<Values>
      aria-label={title}
      form={form}
      initialValues={initialValues}
      layout="vertical"
      onFinish={() => mutation.mutate(form.getFieldsValue(true) as Values)}
    >
      <FormErrorAlerts conflict={errors.conflict} formError={errors.formError} onReload={reload} />
      <Flex gap={12} wrap>
        <Form.Item
          name="code"
          label={t('clearance.code')}
          rules={[{ ...required, whitespace: true }]}
          className="clearance-code"
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('clearance.name')}
          rules={[{ ...required, whitespace: true }]}
          className="clearance-grow"
        >
          <Input maxLength={300} />
        </Form.Item>
      </Flex>
      {p ? (
        <Form.Item label={t('clearance.body')}>
          <Typography.Text>{p.bodyName}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="bodyId" label={t('clearance.body')} extra={t('clearance.bodyHelp')} rules={[required]}>
          <BodySelect asOf={asOf} />
        </Form.Item>
      )}
      <Flex gap={12} wrap>
        <Form.Item name="investor" label={t('clearance.investor')} className="clearance-grow">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="householdTotal" label={t('clearance.householdTotal')} className="clearance-code">
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="startDate" label={t('clearance.startDate')} rules={[required]} className="clearance-date">
          {date}
        </Form.Item>
        <Form.Item
          name="plannedCompletionDate"
          label={t('clearance.plannedCompletion')}
          rules={[required]}
          className="clearance-date"
        >
          {date}
        </Form.Item>
        {p ? (
          <Form.Item name="completedOn" label={t('clearance.completedOn')} className="clearance-date">
            {date}
          </Form.Item>
        ) : null}
      </Flex>
      <Form.Item name="taskId" label={t('clearance.task')} extra={t('clearanceTask.help')}>
        <TaskSelect
          aria-label={t('clearance.task')}
          initial={
            p?.task
              ? { id: p.task.id, title: p.task.title }
              : p?.taskId
                ? { id: p.taskId, title: t('clearanceTask.unreadable') }
                : null
          }
        />
      </Form.Item>
      <Form.Item label={t('clearance.affectedUnits')} extra={t('clearance.affectedUnitsHelp')}>
        <Flex vertical gap={8}>
          <Flex gap={4} wrap>
            {units.map((u) => (
              <Tag key={u.id} closable onClose={() => setUnits((list) => list.filter((x) => x.id !== u.id))}>
                {u.name}
              </Tag>
            ))}
          </Flex>
          <UnitSearchSelect
            asOf={asOf}
            value={null}
            placeholder={t('clearance.addUnit')}
            aria-label={t('clearance.addUnit')}
            onChange={(_code, hit) => {
              if (hit && !units.some((u) => u.id === hit.id))
                setUnits((list) => [...list, { id: hit.id, name: hit.name }]);
            }}
          />
        </Flex>
      </Form.Item>
      <Form.Item name="description" label={t('clearance.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
      </Form.Item>
      <Divider titlePlacement="start">{t('clearance.milestones')}</Divider>
      <Typography.Paragraph type="secondary">{t('clearance.milestonesHelp')}</Typography.Paragraph>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} wrap align="start">
                <Form.Item name={[field.name, 'dueOn']} className="clearance-date" rules={[required]}>
                  <DatePicker
                    format={DATE_FORMAT}
                    placeholder={t('common.datePlaceholder')}
                    aria-label={t('clearance.milestoneDate', { n: i + 1 })}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'title']}
                  className="clearance-grow"
                  rules={[{ ...required, whitespace: true }]}
                >
                  <Input maxLength={300} aria-label={t('clearance.milestoneTitle', { n: i + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'targetPercent']} className="clearance-percent" rules={[required]}>
                  <InputNumber
                    min={0}
                    max={100}
                    suffix="%"
                    aria-label={t('clearance.milestonePercent', { n: i + 1 })}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('clearance.removeMilestone')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <div>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '' })}>
                {t('clearance.addMilestone')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      {/* once saved, Lưu keeps spinning while the dialog fades out */}
      <FormActions onCancel={onClose} submitting={mutation.isPending || mutation.isSuccess} />
    </Form>
  );
}
