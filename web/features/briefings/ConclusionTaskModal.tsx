import { useFormErrors } from '../../ui/FormErrors.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Flex, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { PersonSelect } from '../people/PersonSelect.tsx';
import {
  getProgramme,
  KINDS_KEY,
  listKinds,
  listProgrammes,
  programmeKey,
  programmesKey,
  WORK_KEY,
} from '../work/work.api.ts';
import { briefingKey, BRIEFINGS_KEY, conclusionToTask, type BriefingDetail, type Conclusion } from './briefings.api.ts';

type Props = { briefing: BriefingDetail; conclusion: Conclusion | null; onClose: () => void };

type Values = {
  programmeId?: string | null;
  groupId?: string | null;
  kind: string;
  title: string;
  leadBodyId?: string | null;
  cooperators: string[];
  dueDate?: Dayjs | null;
  responsiblePersonId?: string | null;
  assign: boolean;
};

const FIELDS = [
  'programmeId',
  'groupId',
  'kind',
  'title',
  'leadBodyId',
  'cooperators',
  'dueDate',
  'responsiblePersonId',
] as const;
const TITLE_MAX = 500;

/** "Tạo nhiệm vụ" from a conclusion: the task's programme, group, kind, lead and cooperating bodies, due date, person. */
export function ConclusionTaskModal({ briefing, conclusion, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Modal
      open={conclusion !== null}
      title={t('briefings.makeTaskTitle')}
      onCancel={onClose}
      footer={null}
      width={wide ? 680 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {conclusion ? <ConclusionTaskForm briefing={briefing} conclusion={conclusion} onClose={onClose} /> : null}
    </Modal>
  );
}

function ConclusionTaskForm({
  briefing,
  conclusion,
  onClose,
}: {
  briefing: BriefingDetail;
  conclusion: Conclusion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const b = briefing.briefing;
  const today = todayInVietnam().format('YYYY-MM-DD');

  const programmeId: string | null | undefined = Form.useWatch('programmeId', form);
  const leadBodyId: string | null | undefined = Form.useWatch('leadBodyId', form);
  const programmes = useQuery({
    queryKey: programmesKey({}),
    queryFn: ({ signal }) => listProgrammes({}, signal),
    staleTime: 60_000,
  });
  const programme = useQuery({
    queryKey: programmeKey(programmeId ?? ''),
    queryFn: ({ signal }) => getProgramme(programmeId!, signal),
    enabled: Boolean(programmeId),
  });
  const kinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 300_000 });

  const long = conclusion.text.length > TITLE_MAX;
  const initialValues: Values = {
    programmeId: b.programmeId,
    groupId: null,
    kind: 'shared',
    title: long ? conclusion.text.slice(0, TITLE_MAX - 1).trimEnd() + '…' : conclusion.text,
    leadBodyId: b.bodyId,
    cooperators: [],
    dueDate: null,
    responsiblePersonId: null,
    assign: true,
  };

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      conclusionToTask(conclusion.id, {
        programmeId: v.programmeId ?? undefined,
        groupId: v.groupId ?? null,
        kind: v.kind,
        title: v.title.trim(),
        // A conclusion longer than a title keeps its whole text as the description.
        description: long ? conclusion.text : undefined,
        leadBodyId: v.leadBodyId!,
        responsiblePersonId: v.responsiblePersonId ?? null,
        dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
        cooperators: v.cooperators.map((bodyId) => ({ bodyId })),
        assign: v.assign,
      }),
    onMutate: errors.reset,
    onSuccess: (d) => {
      void message.success(t('briefings.taskCreated', { number: d.task.number }));
      void queryClient.invalidateQueries({ queryKey: briefingKey(b.id) });
      void queryClient.invalidateQueries({ queryKey: [...BRIEFINGS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
      onClose();
    },
    onError: errors.onError,
  });

  const required = { required: true, message: t('validation.required') };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => mutation.mutate(v)}
      onValuesChange={(changed: Partial<Values>) => {
        if ('programmeId' in changed) form.setFieldValue('groupId', null);
      }}
      aria-label={t('briefings.makeTaskTitle')}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onClose} />
      <Typography.Paragraph type="secondary" className="briefing-from-conclusion">
        {t('briefings.fromConclusion', { n: conclusion.position })}
      </Typography.Paragraph>
      <Form.Item
        name="title"
        label={t('briefings.task.title')}
        rules={[{ ...required, whitespace: true }]}
        extra={long ? t('briefings.task.longText') : undefined}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TITLE_MAX} />
      </Form.Item>
      <Form.Item name="programmeId" label={t('briefings.programme')} rules={[required]}>
        <Select
          options={(programmes.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.title} — ${p.bodyName} (${p.year})`,
          }))}
          loading={programmes.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('briefings.programmePlaceholder')}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="groupId" label={t('briefings.task.group')} className="briefing-grow">
          <Select
            allowClear
            disabled={!programmeId}
            loading={programme.isFetching}
            options={(programme.data?.groups ?? []).map((g) => ({ value: g.id, label: `${g.position}. ${g.name}` }))}
            placeholder={t('briefings.task.groupPlaceholder')}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('briefings.task.kind')} rules={[required]} className="briefing-grow">
          <Select
            options={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
            loading={kinds.isPending}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="leadBodyId" label={t('briefings.task.lead')} rules={[required]}>
        <BodySelect
          asOf={today}
          namedBy={{ bodyId: programme.data?.programme.bodyId ?? b.bodyId, rule: 'lead' }}
          initial={{ id: b.bodyId, name: b.bodyName }}
        />
      </Form.Item>
      <Form.Item name="cooperators" label={t('briefings.task.cooperators')}>
        <BodySelect
          asOf={today}
          multiple
          namedBy={{ bodyId: programme.data?.programme.bodyId ?? b.bodyId, rule: 'near' }}
          excludeId={leadBodyId ?? undefined}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="dueDate" label={t('briefings.task.dueDate')} className="briefing-date">
          <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('briefings.task.responsible')} className="briefing-grow">
          <PersonSelect bodyId={leadBodyId ?? null} aria-label={t('briefings.task.responsible')} />
        </Form.Item>
      </Flex>
      <Form.Item name="assign" valuePropName="checked" extra={t('briefings.task.assignHelp')}>
        <Checkbox>{t('briefings.task.assign')}</Checkbox>
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t('briefings.makeTask')} />
    </Form>
  );
}
