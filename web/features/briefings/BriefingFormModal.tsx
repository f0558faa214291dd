import { useFormErrors } from '../../ui/FormErrors.tsx';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Divider, Flex, Form, Input, Select, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { FormErrorAlerts } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { AttendeeWho } from '../people/AttendeeWho.tsx';
import { PersonSelect } from '../people/PersonSelect.tsx';
import { listProgrammes, programmesKey } from '../work/work.api.ts';
import { BRIEFINGS_KEY, createBriefing, updateBriefing, type BriefingDetail } from './briefings.api.ts';

type Props = {
  open: boolean;
  /** The briefing to edit; null: a new one. */
  detail: BriefingDetail | null;
  onClose: () => void;
  onSaved: (detail: BriefingDetail) => void;
};

type AttendeeRow = {
  free: boolean;
  personId?: string | null;
  personName?: string;
  name?: string;
  bodyId?: string | null;
  bodyName?: string | null;
};
type ConclusionRow = { id?: string; text: string; linked?: boolean };
type Values = {
  bodyId?: string | null;
  programmeId?: string | null;
  heldOn: Dayjs;
  title: string;
  chairPersonId?: string | null;
  agenda?: string;
  minutes?: string;
  attendees: AttendeeRow[];
  conclusions: ConclusionRow[];
};

const FIELDS = [
  'bodyId',
  'programmeId',
  'heldOn',
  'title',
  'chairPersonId',
  'agenda',
  'minutes',
  'attendees',
  'conclusions',
] as const;

/** Thêm mới / Sửa a briefing: when, who chaired and came, what was said, and its conclusions as an editable list. */
export function BriefingFormModal({ open, detail, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = detail ? t('briefings.editTitle', { title: detail.briefing.title }) : t('briefings.createTitle');
  return (
    <FormModal open={open} title={title} onClose={onClose} className="briefing-modal">
      <BriefingForm detail={detail} title={title} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function BriefingForm({
  detail,
  title,
  onClose,
  onSaved,
}: {
  detail: BriefingDetail | null;
  title: string;
  onClose: () => void;
  onSaved: (d: BriefingDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const b = detail?.briefing;
  const programmes = useQuery({
    queryKey: programmesKey({}),
    queryFn: ({ signal }) => listProgrammes({}, signal),
    staleTime: 60_000,
  });
  const heldOn: Dayjs | undefined = Form.useWatch('heldOn', form);
  const asOf = (heldOn ?? todayInVietnam()).format('YYYY-MM-DD');
  const today = todayInVietnam();

  const initialValues: Values = b
    ? {
        bodyId: b.bodyId,
        programmeId: b.programmeId,
        heldOn: dayjs(b.heldOn),
        title: b.title,
        chairPersonId: b.chairPersonId,
        agenda: b.agenda ?? '',
        minutes: b.minutes ?? '',
        attendees: detail.attendees.map((a) => ({
          free: a.personId === null,
          personId: a.personId,
          personName: a.name,
          name: a.name,
          bodyId: a.bodyId,
          bodyName: a.bodyName,
        })),
        conclusions: detail.conclusions.map((c) => ({ id: c.id, text: c.text, linked: c.task !== null })),
      }
    : {
        heldOn: today,
        title: t('briefings.defaultTitle', { month: today.format('MM/YYYY') }),
        attendees: [],
        conclusions: [{ text: '' }],
        programmeId: null,
      };

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const attendees = v.attendees
        .filter((a) => (a.free ? text(a.name) : a.personId))
        .map((a) =>
          a.free
            ? { name: text(a.name)!, bodyId: a.bodyId ?? null }
            : { personId: a.personId!, bodyId: a.bodyId ?? null },
        );
      const common = {
        programmeId: v.programmeId ?? null,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        title: v.title.trim(),
        chairPersonId: v.chairPersonId ?? null,
        agenda: text(v.agenda),
        minutes: text(v.minutes),
        attendees,
      };
      const conclusions = v.conclusions.filter((c) => c.text?.trim());
      if (b)
        return updateBriefing(b.id, {
          ...common,
          version: b.version,
          conclusions: conclusions.map((c) => ({ id: c.id, text: c.text.trim() })),
        });
      return createBriefing({ ...common, bodyId: v.bodyId!, conclusions: conclusions.map((c) => c.text.trim()) });
    },
    onMutate: errors.reset,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: BRIEFINGS_KEY });
      onSaved(saved);
    },
    onError: errors.onError,
  });

  const required = { required: true, message: t('validation.required') };
  const programmeOptions = (programmes.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.title} — ${p.bodyName} (${p.year})`,
  }));

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => mutation.mutate(form.getFieldsValue(true) as Values)}
      aria-label={title}
      className="briefing-form"
    >
      <FormErrorAlerts
        formError={errors.formError}
        conflict={errors.conflict}
        onReload={() => {
          void queryClient.invalidateQueries({ queryKey: BRIEFINGS_KEY });
          onClose();
        }}
      />
      <Flex gap={12} wrap>
        <Form.Item name="heldOn" label={t('briefings.heldOn')} rules={[required]} className="briefing-date">
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            allowClear={false}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('briefings.titleField')}
          rules={[{ ...required, whitespace: true }]}
          className="briefing-grow"
        >
          <Input maxLength={300} />
        </Form.Item>
      </Flex>
      {b ? (
        <Form.Item label={t('briefings.body')}>
          <Typography.Text>{b.bodyName}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="bodyId" label={t('briefings.body')} extra={t('briefings.bodyHelp')} rules={[required]}>
          <BodySelect asOf={asOf} />
        </Form.Item>
      )}
      <Form.Item name="programmeId" label={t('briefings.programme')} extra={t('briefings.programmeHelp')}>
        <Select
          allowClear
          options={programmeOptions}
          loading={programmes.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('briefings.programmePlaceholder')}
        />
      </Form.Item>
      <Form.Item name="chairPersonId" label={t('briefings.chair')}>
        <PersonSelect
          initial={b?.chairPersonId ? { id: b.chairPersonId, name: b.chairName ?? '' } : null}
          aria-label={t('briefings.chair')}
        />
      </Form.Item>

      <Divider titlePlacement="start" className="briefing-divider">
        {t('briefings.attendees')}
      </Divider>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => {
              const row = form.getFieldValue(['attendees', field.name]) as AttendeeRow | undefined;
              return (
                <Flex key={field.key} gap={8} align="start" wrap className="briefing-attendee">
                  <AttendeeWho
                    name={field.name}
                    free={row?.free === true}
                    personId={row?.personId}
                    personName={row?.personName}
                    className="briefing-attendee-who"
                    nameLabel={t('briefings.attendeeName')}
                    personLabel={t('briefings.attendeePerson')}
                    onPerson={(person) => {
                      // The body the person holds a position in, unless one is already chosen.
                      const pos = person?.positions[0];
                      if (pos && !form.getFieldValue(['attendees', field.name, 'bodyId'])) {
                        form.setFieldValue(['attendees', field.name, 'bodyId'], pos.bodyId);
                        form.setFieldValue(['attendees', field.name, 'bodyName'], pos.bodyName);
                      }
                    }}
                  />
                  <Form.Item name={[field.name, 'bodyId']} className="briefing-attendee-body">
                    <BodySelect
                      asOf={asOf}
                      initial={row?.bodyId && row.bodyName ? { id: row.bodyId, name: row.bodyName } : null}
                      placeholder={t('briefings.attendeeBody')}
                      aria-label={t('briefings.attendeeBody')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('briefings.removeAttendee')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              );
            })}
            <Flex gap={8} wrap>
              <Button icon={<UserAddOutlined aria-hidden />} onClick={() => add({ free: false })}>
                {t('briefings.addPerson')}
              </Button>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ free: true })}>
                {t('briefings.addGuest')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Form.List>

      <Divider titlePlacement="start" className="briefing-divider">
        {t('briefings.content')}
      </Divider>
      <Form.Item name="agenda" label={t('briefings.agenda')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="minutes" label={t('briefings.minutes')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} />
      </Form.Item>

      <Divider titlePlacement="start" className="briefing-divider">
        {t('briefings.conclusions')}
      </Divider>
      <Form.List name="conclusions">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => {
              const linked = Boolean(form.getFieldValue(['conclusions', field.name, 'linked']));
              return (
                <Flex key={field.key} gap={8} align="start" className="briefing-conclusion-row">
                  <span className="briefing-conclusion-no">{index + 1}.</span>
                  <Form.Item name={[field.name, 'text']} className="briefing-grow">
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      maxLength={2000}
                      placeholder={t('briefings.conclusionPlaceholder')}
                      aria-label={t('briefings.conclusionN', { n: index + 1 })}
                    />
                  </Form.Item>
                  <Flex gap={2} className="briefing-conclusion-tools">
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined aria-hidden />}
                      disabled={index === 0}
                      aria-label={t('briefings.moveUp')}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined aria-hidden />}
                      disabled={index === fields.length - 1}
                      aria-label={t('briefings.moveDown')}
                      onClick={() => move(index, index + 1)}
                    />
                    <Tooltip title={linked ? t('briefings.linkedCannotRemove') : undefined}>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        disabled={linked}
                        aria-label={t('briefings.removeConclusion')}
                        onClick={() => remove(field.name)}
                      />
                    </Tooltip>
                  </Flex>
                </Flex>
              );
            })}
            <div>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ text: '' })}>
                {t('briefings.addConclusion')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
