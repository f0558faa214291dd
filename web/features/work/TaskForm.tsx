import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { AssigneeSelect, PersonSelect } from '../people/PersonSelect.tsx';
import { TaskCooperators } from './TaskCooperators.tsx';
import { TaskMeasureFields } from './TaskMeasureFields.tsx';
import { TaskScheduleFields } from './TaskScheduleFields.tsx';
import {
  blank,
  cooperatorsOf,
  initialValuesOf,
  iso,
  TASK_FORM_FIELDS,
  type TaskFormTarget,
  type TaskFormValues,
} from './taskFormValues.ts';
import {
  createTask,
  KINDS_KEY,
  listKinds,
  setCooperators,
  updateTask,
  WORK_KEY,
  type TaskChanges,
  type TaskDetail,
} from './work.api.ts';

/** The task form inside the drawer: adds a task or subtask, or edits one (its cooperators saved after the task). */
export function TaskForm({
  target,
  title,
  onClose,
  onSaved,
}: {
  target: TaskFormTarget;
  title: string;
  onClose: () => void;
  onSaved?: (detail: TaskDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TaskFormValues>();
  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });
  const editing = target.task ?? null;
  const task = editing?.task ?? null;
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const leadBodyId: string | null | undefined = Form.useWatch('leadBodyId', form);
  const dueEditable = !task || task.status === 'draft';

  const initialValues = initialValuesOf(target);

  const saving = useFormSave(form, {
    fields: TASK_FORM_FIELDS,
    submit: async (v: TaskFormValues): Promise<TaskDetail> => {
      const common = {
        groupId: v.groupId ?? null,
        kind: v.kind,
        title: v.title.trim(),
        responsiblePersonId: v.responsiblePersonId ?? null,
        assigneeAccountId: v.assigneeAccountId ?? null,
        startDate: iso(v.startDate),
        targetValue: v.targetValue ?? null,
        targetUnit: blank(v.targetUnit),
        targetIndicatorId: v.targetIndicatorId ?? null,
        targetIndicatorPeriod: v.targetIndicatorId ? blank(v.targetIndicatorPeriod) : null,
        priority: v.priority,
        weight: v.weight,
        recurrence: v.recurrence === 'none' ? null : v.recurrence,
      };
      const cooperators = cooperatorsOf(v.cooperators ?? []);
      if (!editing || !task) {
        return createTask({
          ...common,
          programmeId: target.programme.id,
          parentId: target.parent?.id ?? null,
          description: blank(v.description) ?? undefined,
          leadBodyId: v.leadBodyId!,
          dueDate: iso(v.dueDate),
          cooperators,
          assign: v.assign,
        });
      }
      const changes: TaskChanges = { ...common, version: task.version, description: blank(v.description) };
      if (dueEditable) changes.dueDate = iso(v.dueDate);
      let saved = await updateTask(task.id, changes);
      const before = JSON.stringify(
        editing.cooperators.map((c) => ({
          bodyId: c.bodyId,
          ...(c.part ? { part: c.part } : {}),
          personId: c.personId,
        })),
      );
      if (JSON.stringify(cooperators) !== before)
        saved = await setCooperators(task.id, { version: saved.task.version, cooperators });
      return saved;
    },
    savedText: (saved) =>
      t(editing ? 'work.taskForm.saved' : 'work.taskForm.created', {
        number: saved.task.number,
        title: saved.task.title,
      }),
    refresh: [WORK_KEY],
    done: (saved) => {
      onClose();
      onSaved?.(saved);
    },
    reloadKey: WORK_KEY,
    onClose,
  });

  const required = { required: true, message: t('validation.required') };
  const yearStart = dayjs(`${target.programme.year}-01-01`);

  return (
    <SavingForm
      saving={saving}
      initialValues={initialValues}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      title={title}
      scrollToFirstError
      className="work-task-form"
    >
      {target.parent ? (
        <Alert
          className="form-alert"
          type="info"
          showIcon
          title={t('work.taskForm.under', { number: target.parent.number, title: target.parent.title })}
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item name="groupId" label={t('work.task.group')}>
            <Select
              allowClear
              placeholder={t('work.taskForm.noGroup')}
              options={target.groups.map((g) => ({ value: g.id, label: `${g.position}. ${g.name}` }))}
              popupMatchSelectWidth={false}
              classNames={{ popup: { root: 'body-hit-popup' } }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="kind" label={t('work.task.kind')} rules={[required]}>
            <Select
              loading={kinds.isPending}
              options={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
              popupMatchSelectWidth={false}
              classNames={{ popup: { root: 'body-hit-popup' } }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('work.task.title')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="description" label={t('work.task.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
      </Form.Item>

      {editing && task ? (
        <>
          <Form.Item name="leadBodyId" hidden>
            <Input />
          </Form.Item>
          <Form.Item label={t('work.task.leadBody')} extra={t('work.taskForm.leadChangeHint')}>
            <Typography.Text>{task.leadBodyName}</Typography.Text>
          </Form.Item>
        </>
      ) : (
        <Form.Item name="leadBodyId" label={t('work.task.leadBody')} rules={[required]}>
          <BodySelect
            asOf={asOf}
            namedBy={{ bodyId: target.programme.bodyId, rule: 'lead' }}
            placeholder={t('work.taskForm.leadPlaceholder')}
            aria-label={t('work.task.leadBody')}
          />
        </Form.Item>
      )}

      <TaskCooperators
        asOf={asOf}
        existing={editing?.cooperators ?? null}
        leadBodyId={leadBodyId ?? null}
        ownerBodyId={target.programme.bodyId}
      />

      <Row gutter={12} className="work-form-row">
        <Col xs={24} md={12}>
          <Form.Item
            name="responsiblePersonId"
            label={t('work.task.responsible')}
            extra={t('work.taskForm.responsibleHint')}
          >
            <PersonSelect
              bodyId={leadBodyId ?? null}
              initial={
                task?.responsiblePersonId
                  ? { id: task.responsiblePersonId, name: task.responsiblePersonName ?? '' }
                  : null
              }
              aria-label={t('work.task.responsible')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="assigneeAccountId" label={t('work.task.assignee')} extra={t('work.taskForm.assigneeHint')}>
            <AssigneeSelect initialName={task?.assigneeName ?? null} aria-label={t('work.task.assignee')} />
          </Form.Item>
        </Col>
      </Row>

      <TaskScheduleFields dueEditable={dueEditable} yearStart={yearStart} />
      <TaskMeasureFields />

      {editing ? null : (
        <Form.Item name="assign" valuePropName="checked" extra={t('work.taskForm.assignHint')}>
          <Checkbox>{t('work.taskForm.assignNow')}</Checkbox>
        </Form.Item>
      )}
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}
