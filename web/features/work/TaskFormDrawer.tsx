import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { AssigneeSelect, PersonSelect } from '../people/PersonSelect.tsx';
import {
  createTask,
  KINDS_KEY,
  listKinds,
  setCooperators,
  updateTask,
  WORK_KEY,
  type CooperatorInput,
  type Group,
  type Priority,
  type Recurrence,
  type TaskChanges,
  type TaskDetail,
} from './work.api.ts';

/** What the form adds to or edits. `parent` makes a subtask; `task` edits an existing task. */
export type TaskFormTarget = {
  /** bodyId: the owner body, whose scope the lead and cooperating bodies are chosen from. */
  programme: { id: string; year: number; bodyId: string };
  groups: Group[];
  /** The group chosen by default (adding from a group's header). */
  groupId?: string | null;
  parent?: { id: string; number: number; title: string; groupId: string | null } | null;
  task?: TaskDetail | null;
};

type Props = { target: TaskFormTarget | null; onClose: () => void; onSaved?: (detail: TaskDetail) => void };

type CooperatorRow = { bodyId?: string | null; part?: string; personId?: string | null };

type Values = {
  groupId?: string | null;
  kind: string;
  title: string;
  description?: string;
  leadBodyId?: string | null;
  cooperators: CooperatorRow[];
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
  startDate?: Dayjs | null;
  dueDate?: Dayjs | null;
  targetValue?: number | null;
  targetUnit?: string;
  priority: Priority;
  weight: number;
  recurrence: Recurrence | 'none';
  assign: boolean;
};

const FIELDS = [
  'groupId',
  'kind',
  'title',
  'description',
  'leadBodyId',
  'cooperators',
  'responsiblePersonId',
  'assigneeAccountId',
  'startDate',
  'dueDate',
  'targetValue',
  'targetUnit',
  'priority',
  'weight',
  'recurrence',
  'assign',
] as const;

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** "Thêm nhiệm vụ" / "Thêm nhiệm vụ con" / "Sửa nhiệm vụ": a drawer on the right (the whole screen on a phone). */
export function TaskFormDrawer({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const title = target?.task
    ? t('work.taskForm.editTitle', { number: target.task.task.number })
    : target?.parent
      ? t('work.taskForm.subtaskTitle', { number: target.parent.number })
      : t('work.taskForm.createTitle');
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      placement="right"
      size={wide ? 760 : '100%'}
      destroyOnHidden
      className="work-task-drawer"
    >
      {target ? <TaskForm target={target} title={title} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function TaskForm({
  target,
  title,
  onClose,
  onSaved,
}: {
  target: TaskFormTarget;
  title: string;
  onClose: () => void;
  onSaved?: Props['onSaved'];
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });
  const editing = target.task ?? null;
  const task = editing?.task ?? null;
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const leadBodyId: string | null | undefined = Form.useWatch('leadBodyId', form);
  const dueEditable = !task || task.status === 'draft';

  const initialValues: Values = task
    ? {
        groupId: task.groupId,
        kind: task.kind,
        title: task.title,
        description: task.description ?? '',
        leadBodyId: task.leadBodyId,
        cooperators: editing!.cooperators.map((c) => ({ bodyId: c.bodyId, part: c.part ?? '', personId: c.personId })),
        responsiblePersonId: task.responsiblePersonId,
        assigneeAccountId: task.assigneeAccountId,
        startDate: task.startDate ? dayjs(task.startDate) : null,
        dueDate: task.dueDate ? dayjs(task.dueDate) : null,
        targetValue: task.targetValue,
        targetUnit: task.targetUnit ?? '',
        priority: task.priority,
        weight: task.weight,
        recurrence: task.recurrence ?? 'none',
        assign: false,
      }
    : {
        groupId: target.parent?.groupId ?? target.groupId ?? null,
        kind: 'shared',
        title: '',
        description: '',
        leadBodyId: null,
        cooperators: [],
        responsiblePersonId: null,
        assigneeAccountId: null,
        startDate: null,
        dueDate: null,
        targetValue: null,
        targetUnit: '',
        priority: 'normal',
        weight: 1,
        recurrence: 'none',
        assign: true,
      };

  const cooperatorsOf = (rows: CooperatorRow[]): CooperatorInput[] =>
    rows
      .filter((r) => r.bodyId)
      .map((r) => ({
        bodyId: r.bodyId!,
        ...(blank(r.part) ? { part: blank(r.part)! } : {}),
        personId: r.personId ?? null,
      }));

  const saving = useFormSave(form, {
    fields: FIELDS,
    submit: async (v: Values): Promise<TaskDetail> => {
      const common = {
        groupId: v.groupId ?? null,
        kind: v.kind,
        title: v.title.trim(),
        responsiblePersonId: v.responsiblePersonId ?? null,
        assigneeAccountId: v.assigneeAccountId ?? null,
        startDate: iso(v.startDate),
        targetValue: v.targetValue ?? null,
        targetUnit: blank(v.targetUnit),
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

      <Typography.Text strong className="work-form-subtitle">
        {t('work.task.cooperators')}
      </Typography.Text>
      <Form.List name="cooperators">
        {(rows, { add, remove }) => (
          <div className="work-coop-rows">
            {rows.map((row, i) => (
              <CooperatorFields
                key={row.key}
                name={row.name}
                index={i}
                asOf={asOf}
                onRemove={() => remove(row.name)}
                initial={editing?.cooperators[row.name] ?? null}
                leadBodyId={leadBodyId ?? null}
                ownerBodyId={target.programme.bodyId}
              />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ bodyId: null, part: '', personId: null })}
              block
            >
              {t('work.taskForm.addCooperator')}
            </Button>
          </div>
        )}
      </Form.List>

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

      <Row gutter={12}>
        <Col xs={12} md={8}>
          <Form.Item name="startDate" label={t('work.task.startDate')}>
            <DateInput defaultPickerValue={yearStart} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="dueDate"
            label={t('work.task.dueDate')}
            dependencies={['startDate']}
            extra={dueEditable ? null : t('work.taskForm.dueNeedsExtension')}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: Dayjs | null | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | null | undefined;
                  if (value && start && value.isBefore(start, 'day'))
                    return Promise.reject(new Error(t('work.taskForm.dueBeforeStart')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DateInput disabled={!dueEditable} defaultPickerValue={yearStart} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="recurrence" label={t('work.task.recurrence')}>
            <Select
              options={[
                { value: 'none', label: t('work.recurrence.none') },
                { value: 'monthly', label: t('work.recurrence.monthly') },
                { value: 'quarterly', label: t('work.recurrence.quarterly') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>

      <Row gutter={12}>
        <Col xs={12} md={8}>
          <Form.Item name="targetValue" label={t('work.task.targetValue')}>
            <InputNumber min={0} max={1e12} style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="targetUnit" label={t('work.task.targetUnit')}>
            <Input maxLength={50} placeholder={t('work.taskForm.targetUnitPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="weight"
            label={t('work.task.weight')}
            rules={[required]}
            extra={t('work.taskForm.weightHint')}
          >
            <InputNumber min={0.1} max={1000} step={1} style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="priority" label={t('work.task.priority')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'high', label: t('work.priority.high') },
                { value: 'normal', label: t('work.priority.normal') },
                { value: 'low', label: t('work.priority.low') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>

      {editing ? null : (
        <Form.Item name="assign" valuePropName="checked" extra={t('work.taskForm.assignHint')}>
          <Checkbox>{t('work.taskForm.assignNow')}</Checkbox>
        </Form.Item>
      )}
      <FormActions onCancel={onClose} submitting={saving.isPending} />
    </SavingForm>
  );
}

type CoopProps = {
  name: number;
  index: number;
  asOf: string;
  onRemove: () => void;
  initial: { bodyId: string; bodyName: string; personId: string | null; personName: string | null } | null;
  leadBodyId: string | null;
  /** The programme's owner body: cooperating bodies are chosen from what its tasks may name. */
  ownerBodyId: string;
};

/** One cooperating body: the body, its person for this task and its own part of the work. */
function CooperatorFields({ name, index, asOf, onRemove, initial, leadBodyId, ownerBodyId }: CoopProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const bodyId: string | null | undefined = Form.useWatch(['cooperators', name, 'bodyId'], form);
  return (
    <div className="work-coop-row" role="group" aria-label={t('work.taskForm.cooperatorN', { n: index + 1 })}>
      <div className="work-coop-legend">
        <span>{t('work.taskForm.cooperatorN', { n: index + 1 })}</span>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined aria-hidden />}
          onClick={onRemove}
          aria-label={t('work.taskForm.removeCooperator', { n: index + 1 })}
        />
      </div>
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'bodyId']}
            label={t('work.task.cooperatorBody')}
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator: (_r, v: string | null | undefined) =>
                  v && leadBodyId && v === leadBodyId
                    ? Promise.reject(new Error(t('work.taskForm.cooperatorIsLead')))
                    : Promise.resolve(),
              },
            ]}
          >
            <BodySelect
              asOf={asOf}
              namedBy={{ bodyId: ownerBodyId, rule: 'near' }}
              initial={initial ? { id: initial.bodyId, name: initial.bodyName } : null}
              aria-label={t('work.task.cooperatorBody')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'personId']} label={t('work.task.cooperatorPerson')}>
            <PersonSelect
              bodyId={bodyId ?? null}
              initial={initial?.personId ? { id: initial.personId, name: initial.personName ?? '' } : null}
              aria-label={t('work.task.cooperatorPerson')}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[name, 'part']} label={t('work.task.cooperatorPart')} className="work-coop-part">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
