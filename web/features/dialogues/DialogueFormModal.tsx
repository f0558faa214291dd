import { DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Divider, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { listProjects, projectsKey } from '../clearance/clearance.api.ts';
import { AttendeeWho } from '../people/AttendeeWho.tsx';
import { PersonSelect } from '../people/PersonSelect.tsx';
import { listProgrammes, programmesKey } from '../work/work.api.ts';
import {
  createDialogue,
  DIALOGUES_KEY,
  updateDialogue,
  type DialogueDetail,
  type OutcomeTask,
} from './dialogues.api.ts';

type Props = {
  open: boolean;
  detail: DialogueDetail | null;
  /** A new dialogue about this key project. */
  projectId?: string | null;
  onClose: () => void;
  onSaved: (d: DialogueDetail) => void;
};

type AttendeeRow = {
  kind: 'official' | 'resident';
  free: boolean;
  personId?: string | null;
  personName?: string;
  name?: string;
  role?: string;
  householdId?: string | null;
};
type OutcomeRow = {
  id?: string;
  text: string;
  linked?: boolean;
  makeTask?: boolean;
  programmeId?: string | null;
  leadBodyId?: string | null;
  dueDate?: Dayjs | null;
};
type Values = {
  bodyId?: string | null;
  projectId?: string | null;
  heldOn: Dayjs;
  title: string;
  place: string;
  chairPersonId?: string | null;
  chairName?: string;
  minutes?: string;
  attendees: AttendeeRow[];
  outcomes: OutcomeRow[];
};

const FIELDS = [
  'bodyId',
  'projectId',
  'heldOn',
  'title',
  'place',
  'chairPersonId',
  'chairName',
  'minutes',
  'attendees',
  'outcomes',
] as const;

/** Thêm / Sửa a dialogue: when and where, who chaired and came (officials and residents), the minutes, the outcomes —
 * each may become a task now ("Tạo nhiệm vụ"), saved together with the dialogue. */
export function DialogueFormModal({ open, detail, projectId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = detail ? t('dialogues.editTitle', { title: detail.dialogue.title }) : t('dialogues.createTitle');
  return (
    <FormModal open={open} title={title} onClose={onClose} width={840}>
      <DialogueForm detail={detail} projectId={projectId ?? null} title={title} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function DialogueForm({
  detail,
  projectId,
  title,
  onClose,
  onSaved,
}: {
  detail: DialogueDetail | null;
  projectId: string | null;
  title: string;
  onClose: () => void;
  onSaved: (d: DialogueDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const d = detail?.dialogue;
  const today = todayInVietnam();
  const asOf = today.format('YYYY-MM-DD');
  const projects = useQuery({
    queryKey: projectsKey({ page: 1, pageSize: 200 }),
    queryFn: ({ signal }) => listProjects({ page: 1, pageSize: 200 }, signal),
    staleTime: 60_000,
  });
  const programmes = useQuery({
    queryKey: programmesKey({}),
    queryFn: ({ signal }) => listProgrammes({}, signal),
    staleTime: 60_000,
  });

  const initialValues: Values = d
    ? {
        bodyId: d.bodyId,
        projectId: d.projectId,
        heldOn: dayjs(d.heldOn),
        title: d.title,
        place: d.place,
        chairPersonId: d.chairPersonId,
        chairName: d.chairPersonId ? '' : (d.chairName ?? ''),
        minutes: d.minutes ?? '',
        attendees: detail.attendees.map((a) => ({
          kind: a.kind,
          free: a.personId === null,
          personId: a.personId,
          personName: a.name,
          name: a.name,
          role: a.role ?? '',
          householdId: a.householdId,
        })),
        outcomes: detail.outcomes.map((o) => ({ id: o.id, text: o.text, linked: o.task !== null })),
      }
    : {
        projectId,
        heldOn: today,
        title: '',
        place: '',
        attendees: [],
        outcomes: [{ text: '' }],
      };

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const attendees = v.attendees
        .filter((a) => (a.free ? text(a.name) : a.personId))
        .map((a) => ({
          kind: a.kind,
          ...(a.free ? { name: text(a.name)! } : { personId: a.personId! }),
          ...(a.householdId ? { householdId: a.householdId } : {}),
          role: text(a.role),
        }));
      const task = (o: OutcomeRow): OutcomeTask | undefined =>
        o.makeTask && o.programmeId && o.leadBodyId
          ? {
              programmeId: o.programmeId,
              leadBodyId: o.leadBodyId,
              dueDate: o.dueDate ? o.dueDate.format('YYYY-MM-DD') : null,
              assign: true,
            }
          : undefined;
      const outcomes = v.outcomes
        .filter((o) => o.text?.trim())
        .map((o) => ({ ...(o.id ? { id: o.id } : {}), text: o.text.trim(), ...(task(o) ? { task: task(o) } : {}) }));
      const common = {
        projectId: v.projectId ?? null,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        title: v.title.trim(),
        place: v.place.trim(),
        chairPersonId: v.chairPersonId ?? null,
        chairName: v.chairPersonId ? null : text(v.chairName),
        minutes: text(v.minutes),
        attendees,
      };
      if (d) return updateDialogue(d.id, { ...common, version: d.version, outcomes });
      return createDialogue({
        ...common,
        bodyId: v.bodyId!,
        outcomes: outcomes.map(({ text: x, task: k }) => ({ text: x, task: k })),
      });
    },
    onMutate: errors.reset,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: DIALOGUES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['clearance'] });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
      onSaved(saved);
    },
    onError: errors.onError,
  });
  const required = { required: true, message: t('validation.required') };
  const programmeOptions = (programmes.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.year}: ${p.title}, ${p.bodyName}`,
  }));

  // A stale version: read the record again and start over.
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: DIALOGUES_KEY });
    onClose();
  };
  const submit = () => mutation.mutate(form.getFieldsValue(true) as Values);

  return (
    <Form<Values> aria-label={title} form={form} initialValues={initialValues} layout="vertical" onFinish={submit}>
      <FormErrorAlerts conflict={errors.conflict} formError={errors.formError} onReload={reload} />
      <Flex gap={12} wrap>
        <Form.Item name="heldOn" label={t('dialogues.heldOn')} rules={[required]} className="dialogue-date">
          <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('dialogues.titleField')}
          rules={[{ ...required, whitespace: true }]}
          className="dialogue-grow"
        >
          <Input maxLength={300} />
        </Form.Item>
      </Flex>
      <Form.Item name="place" label={t('dialogues.place')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      {d ? (
        <Form.Item label={t('dialogues.body')}>
          <Typography.Text>{d.bodyName}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="bodyId" label={t('dialogues.body')} extra={t('dialogues.bodyHelp')} rules={[required]}>
          <BodySelect asOf={asOf} />
        </Form.Item>
      )}
      <Form.Item name="projectId" label={t('dialogues.project')}>
        <Select
          allowClear
          loading={projects.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
          placeholder={t('dialogues.projectPlaceholder')}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="chairPersonId" label={t('dialogues.chair')} className="dialogue-grow">
          <PersonSelect
            initial={d?.chairPersonId ? { id: d.chairPersonId, name: d.chairName ?? '' } : null}
            aria-label={t('dialogues.chair')}
          />
        </Form.Item>
        <Form.Item name="chairName" label={t('dialogues.chairName')} className="dialogue-grow">
          <Input maxLength={200} />
        </Form.Item>
      </Flex>

      <Divider titlePlacement="start">{t('dialogues.attendees')}</Divider>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => {
              const row = form.getFieldValue(['attendees', field.name]) as AttendeeRow | undefined;
              return (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item name={[field.name, 'kind']} className="dialogue-kind">
                    <Select
                      aria-label={t('dialogues.attendeeKind')}
                      options={[
                        { value: 'official', label: t('dialogues.kind.official') },
                        { value: 'resident', label: t('dialogues.kind.resident') },
                      ]}
                    />
                  </Form.Item>
                  <AttendeeWho
                    name={field.name}
                    free={row?.free === true}
                    personId={row?.personId}
                    personName={row?.personName}
                    className="dialogue-grow"
                    nameLabel={t('dialogues.attendeeName')}
                    personLabel={t('dialogues.attendeePerson')}
                  />
                  <Form.Item name={[field.name, 'role']} className="dialogue-grow">
                    <Input maxLength={200} placeholder={t('dialogues.role')} aria-label={t('dialogues.role')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('dialogues.removeAttendee')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              );
            })}
            <Flex gap={8} wrap>
              <Button icon={<UserAddOutlined aria-hidden />} onClick={() => add({ kind: 'official', free: false })}>
                {t('dialogues.addOfficial')}
              </Button>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'resident', free: true })}>
                {t('dialogues.addResident')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('dialogues.minutes')}</Divider>
      <Form.Item name="minutes">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} maxLength={50000} aria-label={t('dialogues.minutes')} />
      </Form.Item>

      <Divider titlePlacement="start">{t('dialogues.outcomes')}</Divider>
      <Form.List name="outcomes">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field, index) => {
              const row = form.getFieldValue(['outcomes', field.name]) as OutcomeRow | undefined;
              return (
                <div key={field.key} className="dialogue-outcome-row">
                  <Flex gap={8} align="start">
                    <span className="dialogue-outcome-no">{index + 1}.</span>
                    <Form.Item name={[field.name, 'text']} className="dialogue-grow">
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        maxLength={2000}
                        aria-label={t('dialogues.outcomeN', { n: index + 1 })}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      disabled={row?.linked}
                      aria-label={t('dialogues.removeOutcome')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                  {row?.linked ? (
                    <Tag color="green">{t('dialogues.hasTask')}</Tag>
                  ) : (
                    <>
                      <Form.Item name={[field.name, 'makeTask']} valuePropName="checked" className="dialogue-tight">
                        <Checkbox>{t('dialogues.makeTask')}</Checkbox>
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['outcomes', field.name, 'makeTask']) ? (
                            <Flex gap={8} wrap className="dialogue-task">
                              <Form.Item
                                name={[field.name, 'programmeId']}
                                rules={[required]}
                                className="dialogue-grow"
                                label={t('dialogues.programme')}
                              >
                                <Select
                                  showSearch={{ optionFilterProp: 'label' }}
                                  options={programmeOptions}
                                  loading={programmes.isPending}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[field.name, 'leadBodyId']}
                                rules={[required]}
                                className="dialogue-grow"
                                label={t('dialogues.leadBody')}
                              >
                                <BodySelect asOf={asOf} />
                              </Form.Item>
                              <Form.Item
                                name={[field.name, 'dueDate']}
                                className="dialogue-date"
                                label={t('dialogues.dueDate')}
                              >
                                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                              </Form.Item>
                            </Flex>
                          ) : null
                        }
                      </Form.Item>
                    </>
                  )}
                </div>
              );
            })}
            <div>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ text: '' })}>
                {t('dialogues.addOutcome')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
