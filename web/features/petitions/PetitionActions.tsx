import {
  AuditOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  CompassOutlined,
  DeleteOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FolderOutlined,
  GlobalOutlined,
  MergeCellsOutlined,
  NotificationOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
  SplitCellsOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { getPerson } from '../people/people.api.ts';
import { PersonSelect } from '../people/PersonSelect.tsx';
import { errorText } from '../../ui/errors.ts';
import { DuplicateHints } from './DuplicateHints.tsx';
import { EditPetitionButton } from './EditPetitionModal.tsx';
import {
  ACTIONS,
  COMPETENCES,
  duplicatesKey,
  duplicatesOf,
  KINDS,
  petitionKey,
  PETITIONS_KEY,
  setOfficers,
  takeAction,
  type Competence,
  type PetitionAction,
  type PetitionDetail,
  type PetitionKind,
} from './petitions.api.ts';

const ICONS: Record<PetitionAction, ReactNode> = {
  register: <NumberOutlined aria-hidden />,
  classify: <TagsOutlined aria-hidden />,
  split: <SplitCellsOutlined aria-hidden />,
  merge: <MergeCellsOutlined aria-hidden />,
  guide: <CompassOutlined aria-hidden />,
  forward: <SendOutlined aria-hidden />,
  file: <FolderOutlined aria-hidden />,
  propose: <FileProtectOutlined aria-hidden />,
  record_decision: <AuditOutlined aria-hidden />,
  record_reply: <CheckCircleOutlined aria-hidden />,
  publish_reply: <GlobalOutlined aria-hidden />,
  remind: <NotificationOutlined aria-hidden />,
  supervise: <EyeOutlined aria-hidden />,
  withdraw: <RollbackOutlined aria-hidden />,
  suspend: <PauseCircleOutlined aria-hidden />,
  resume: <PlayCircleOutlined aria-hidden />,
  close: <CloseCircleOutlined aria-hidden />,
};
const PRIMARY = new Set<PetitionAction>([
  'register',
  'classify',
  'forward',
  'record_decision',
  'record_reply',
  'resume',
]);

/** Actions whose form asks only the day it was done and a note. */
const DAY_AND_NOTE = new Set<PetitionAction>([
  'guide',
  'file',
  'propose',
  'remind',
  'withdraw',
  'suspend',
  'resume',
  'close',
]);

type Open = PetitionAction | 'officers';

/** The buttons of what the account may do with the case now (the detail's `actions`, from the state machine), each
 * opening a small form, and "Phân công" for the officers handling it. */
export function PetitionActions({ detail }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const actions = ACTIONS.filter((a) => detail.actions.includes(a));
  // An account that may act on the case may assign its officers and edit what was taken in, while the case is still
  // being handled (the actions are empty once it has ended, or for an account that only reads it).
  const mayAssign = actions.length > 0;
  if (!mayAssign) return null;
  const title = open === 'officers' ? t('petitions.officersTitle') : open ? t(`petitions.action.${open}`) : '';
  return (
    <>
      <Flex gap={8} wrap className="petition-actions" role="group" aria-label={t('petitions.actionsLabel')}>
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={a === 'withdraw'}
            icon={ICONS[a]}
            onClick={() => setOpen(a)}
          >
            {t(`petitions.action.${a}`)}
          </Button>
        ))}
        <EditPetitionButton detail={detail} />
        <Button icon={<TeamOutlined aria-hidden />} onClick={() => setOpen('officers')}>
          {t('petitions.assign')}
        </Button>
      </Flex>
      <Modal
        open={open !== null}
        title={title}
        onCancel={() => setOpen(null)}
        footer={null}
        width={640}
        destroyOnHidden
      >
        {open === 'officers' ? (
          <OfficersForm detail={detail} title={title} onClose={() => setOpen(null)} />
        ) : open ? (
          <ActionForm detail={detail} action={open} title={title} onClose={() => setOpen(null)} />
        ) : null}
      </Modal>
    </>
  );
}

/** A change that answers with the case's new detail: adopted at once, and the lists refreshed. */
function usePetitionMutation<V>(
  id: string,
  fn: (v: V) => Promise<PetitionDetail>,
  on: { onMutate: () => void; onSuccess: (d: PetitionDetail) => void; onError: (e: unknown) => void },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onMutate: async () => {
      on.onMutate();
      await queryClient.cancelQueries({ queryKey: petitionKey(id) });
    },
    onSuccess: (d) => {
      queryClient.setQueryData(petitionKey(id), d);
      void queryClient.invalidateQueries({
        queryKey: PETITIONS_KEY,
        predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== id,
      });
      on.onSuccess(d);
    },
    onError: on.onError,
  });
}

/** "Tải lại" after a stale version: the case read again, the form closed. */
function useReload(id: string, onClose: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.refetchQueries({ queryKey: petitionKey(id) });
    onClose();
  };
}

type Part = { kind?: 'complaint' | 'denunciation' | 'proposal'; summary?: string; content?: string };
type Values = {
  on?: Dayjs | null;
  note?: string;
  kind?: PetitionKind;
  eligible?: boolean;
  eligibilityReason?: string;
  anonymous?: boolean;
  competence?: Competence;
  signatoryCount?: number | null;
  summary?: string;
  parts?: Part[];
  target?: 'body' | 'name';
  toBodyId?: string | null;
  toName?: string;
  decidedOn?: Dayjs | null;
  receivedOn?: Dayjs | null;
  result?: string;
  publish?: boolean;
  publishedText?: string;
};

const FIELDS = [
  'on',
  'note',
  'kind',
  'eligible',
  'eligibilityReason',
  'anonymous',
  'competence',
  'signatoryCount',
  'summary',
  'parts',
  'toBodyId',
  'toName',
  'decidedOn',
  'receivedOn',
  'result',
  'publish',
  'publishedText',
  'intoId',
] as const;

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The body an action sends: what its form asked, with the case's version. */
function bodyOf(action: PetitionAction, v: Values, version: number, intoId: string | null) {
  const note = text(v.note);
  switch (action) {
    case 'register':
      return { version, ...(note ? { note } : {}) };
    case 'classify':
      return {
        version,
        kind: v.kind!,
        eligible: v.eligible ?? true,
        eligibilityReason: v.eligible === false ? text(v.eligibilityReason) : undefined,
        anonymous: v.anonymous ?? false,
        competence: v.competence!,
        ...(typeof v.signatoryCount === 'number' ? { signatoryCount: v.signatoryCount } : {}),
        ...(text(v.summary) ? { summary: text(v.summary) } : {}),
      };
    case 'split':
      return {
        version,
        parts: (v.parts ?? []).map((p) => ({
          kind: p.kind!,
          summary: (p.summary ?? '').trim(),
          ...(text(p.content) ? { content: text(p.content) } : {}),
        })),
      };
    case 'merge':
      return { version, intoId: intoId! };
    case 'forward':
      return {
        version,
        on: day(v.on),
        ...(v.target === 'name' ? { toName: text(v.toName) } : { toBodyId: v.toBodyId ?? undefined }),
        ...(note ? { note } : {}),
      };
    case 'record_decision':
      return { version, decidedOn: day(v.decidedOn)!, ...(note ? { note } : {}) };
    case 'record_reply':
      return {
        version,
        receivedOn: day(v.receivedOn)!,
        decidedOn: day(v.decidedOn),
        result: (v.result ?? '').trim(),
        publish: v.publish ?? false,
        ...(v.publish ? { publishedText: text(v.publishedText) } : {}),
      };
    case 'publish_reply':
      return { version, publishedText: text(v.publishedText) ?? '' };
    case 'supervise':
      return { version, note: note ?? '' };
    default:
      return { version, on: day(v.on), ...(note ? { note } : {}) };
  }
}

function ActionForm({
  detail: d,
  action,
  title,
  onClose,
}: {
  detail: PetitionDetail;
  action: PetitionAction;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [intoId, setIntoId] = useState<string | null>(null);
  const today = todayInVietnam();
  const asOf = today.format('YYYY-MM-DD');
  const received = dayjs(d.receivedOn);
  const outside = (x: Dayjs) => x.isAfter(today, 'day') || x.isBefore(received, 'day');
  const reload = useReload(d.id, onClose);
  const mutation = usePetitionMutation(
    d.id,
    (v: Values) => takeAction(d.id, action, bodyOf(action, v, d.version, intoId) as never),
    {
      onMutate: () => {
        setRefusal(null);
        errors.reset();
      },
      onSuccess: (saved) => {
        void message.success(t(`petitions.done.${action}`, { number: saved.registerNumber ?? '' }));
        onClose();
      },
      onError: (e) => {
        // Forward once: the refusal names the earlier forward (when this account may read it) in its issues.
        if (isApiError(e) && e.code === 'ALREADY_FORWARDED') {
          setRefusal([e.message, ...e.issues.map((i) => i.message)].join(' '));
          return;
        }
        errors.onError(e);
      },
    },
  );
  const kind = Form.useWatch('kind', form);
  const eligible = Form.useWatch('eligible', form);
  const anonymous = Form.useWatch('anonymous', form);
  const target = Form.useWatch('target', form) ?? 'body';
  const publish = Form.useWatch('publish', form) ?? false;
  const required = { required: true, message: t('validation.required') };
  const requiredText = { required: true, whitespace: true, message: t('validation.required') };
  const noteField = (label: string, rules: object[] = []) => (
    <Form.Item name="note" label={label} rules={rules}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
    </Form.Item>
  );
  // What the citizen's tracking page will show: written with the result, or later ("Công khai kết quả").
  const publishedTextField = (
    <Form.Item
      name="publishedText"
      label={t('petitions.form.publishedText')}
      rules={[requiredText]}
      extra={t('petitions.form.publishedTextHelp')}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
    </Form.Item>
  );

  let fields: ReactNode = null;
  switch (action) {
    case 'register':
      fields = noteField(t('petitions.form.noteOptional'));
      break;
    case 'classify':
      fields = (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('petitions.kindColumn')} rules={[required]}>
              <Select
                aria-label={t('petitions.kindColumn')}
                options={KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="competence" label={t('petitions.competence.label')} rules={[required]}>
              <Select
                aria-label={t('petitions.competence.label')}
                options={COMPETENCES.map((c) => ({ value: c, label: t(`petitions.competence.${c}`) }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="anonymous" valuePropName="checked">
              <Checkbox>{t('petitions.form.anonymous')}</Checkbox>
            </Form.Item>
            {kind === 'denunciation' && anonymous ? (
              <Alert className="form-alert" type="warning" showIcon title={t('petitions.form.anonymousDenunciation')} />
            ) : null}
            <Form.Item name="eligible" label={t('petitions.eligibility.label')} rules={[required]}>
              <Radio.Group
                aria-label={t('petitions.eligibility.label')}
                options={[
                  { value: true, label: t('petitions.eligibility.yes') },
                  { value: false, label: t('petitions.eligibility.no') },
                ]}
              />
            </Form.Item>
            {eligible === false ? (
              <Form.Item name="eligibilityReason" label={t('petitions.eligibility.reason')} rules={[requiredText]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
              </Form.Item>
            ) : null}
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="signatoryCount" label={t('petitions.signatories')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="summary" label={t('petitions.summary')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
      );
      break;
    case 'split':
      fields = (
        <Form.List name="parts">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <fieldset key={row.key} className="petition-person">
                  <legend>{t('petitions.form.partN', { n: i + 1 })}</legend>
                  <Form.Item name={[row.name, 'kind']} label={t('petitions.kindColumn')} rules={[required]}>
                    <Select
                      aria-label={t('petitions.kindColumn')}
                      options={(['complaint', 'denunciation', 'proposal'] as const).map((k) => ({
                        value: k,
                        label: t(`petitions.kind.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'summary']} label={t('petitions.summary')} rules={[requiredText]}>
                    <Input maxLength={300} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'content']}
                    label={t('petitions.form.partContent')}
                    extra={t('petitions.form.partContentHelp')}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
                  </Form.Item>
                  {rows.length > 2 ? (
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(row.name)}
                      aria-label={t('petitions.form.removePartN', { n: i + 1 })}
                    >
                      {t('common.delete')}
                    </Button>
                  ) : null}
                </fieldset>
              ))}
              {rows.length < 10 ? (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('petitions.form.addPart')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      );
      break;
    case 'merge':
      fields = <MergeChoice id={d.id} chosen={intoId} onChoose={setIntoId} />;
      break;
    case 'forward':
      fields = (
        <>
          <Form.Item name="on" label={t('petitions.form.forwardedOn')} rules={[required]}>
            <DateInput allowClear={false} disabledDate={outside} />
          </Form.Item>
          <Form.Item name="target" label={t('petitions.form.forwardTo')}>
            <Radio.Group
              aria-label={t('petitions.form.forwardTo')}
              options={[
                { value: 'body', label: t('petitions.form.toBody') },
                { value: 'name', label: t('petitions.form.toName') },
              ]}
            />
          </Form.Item>
          {target === 'name' ? (
            <Form.Item name="toName" label={t('petitions.form.toNameField')} rules={[requiredText]}>
              <Input maxLength={300} />
            </Form.Item>
          ) : (
            <Form.Item
              name="toBodyId"
              label={t('petitions.form.toBodyField')}
              rules={[required]}
              extra={t('petitions.form.toBodyHelp')}
            >
              <BodySelect
                asOf={asOf}
                namedBy={{ bodyId: d.receivingBody.id, rule: 'near' }}
                aria-label={t('petitions.form.toBodyField')}
              />
            </Form.Item>
          )}
          {noteField(t('petitions.form.noteOptional'))}
        </>
      );
      break;
    case 'record_decision':
      fields = (
        <>
          <Form.Item
            name="decidedOn"
            label={t('petitions.form.decidedOn')}
            rules={[required]}
            extra={d.kind === 'complaint' ? t('petitions.form.decidedOnHelp') : undefined}
          >
            <DateInput allowClear={false} disabledDate={outside} />
          </Form.Item>
          {noteField(t('petitions.form.noteOptional'))}
        </>
      );
      break;
    case 'record_reply':
      fields = (
        <>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="receivedOn" label={t('petitions.form.replyReceivedOn')} rules={[required]}>
                <DateInput allowClear={false} disabledDate={outside} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="decidedOn" label={t('petitions.form.decidedOnOptional')}>
                <DateInput disabledDate={outside} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="result" label={t('petitions.form.result')} rules={[requiredText]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
          </Form.Item>
          <Form.Item name="publish" valuePropName="checked" extra={t('petitions.form.publishHelp')}>
            <Checkbox>{t('petitions.form.publish')}</Checkbox>
          </Form.Item>
          {publish ? publishedTextField : null}
        </>
      );
      break;
    case 'publish_reply':
      fields = publishedTextField;
      break;
    case 'supervise':
      fields = noteField(t('petitions.form.superviseNote'), [requiredText]);
      break;
    default:
      if (DAY_AND_NOTE.has(action))
        fields = (
          <>
            <Form.Item name="on" label={t('petitions.form.on')} rules={[required]}>
              <DateInput allowClear={false} disabledDate={outside} />
            </Form.Item>
            {noteField(t('petitions.form.noteOptional'))}
          </>
        );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label={title}
      initialValues={{
        on: today,
        note: '',
        kind: d.kind ?? undefined,
        eligible: d.eligible ?? true,
        eligibilityReason: d.eligibilityReason ?? '',
        anonymous: d.anonymous,
        competence: d.competence ?? undefined,
        signatoryCount: d.signatoryCount || d.petitioners.length || null,
        summary: '',
        parts: [{}, {}],
        target: 'body',
        toBodyId: null,
        toName: '',
        decidedOn: action === 'record_decision' ? today : null,
        receivedOn: today,
        result: '',
        publish: false,
        publishedText: '',
      }}
      onFinish={(v) => {
        if (action === 'merge' && !intoId) {
          setRefusal(t('petitions.form.chooseMerge'));
          return;
        }
        mutation.mutate(v);
      }}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={reload} />
      {refusal ? <Alert className="form-alert" type="error" showIcon title={refusal} /> : null}
      <Typography.Paragraph>{t(`petitions.explain.${action}`)}</Typography.Paragraph>
      {fields}
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t(`petitions.action.${action}`)} />
    </Form>
  );
}

/** The duplicates of a saved case, to pick the one it repeats. */
function MergeChoice({
  id,
  chosen,
  onChoose,
}: {
  id: string;
  chosen: string | null;
  onChoose: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const hints = useQuery({ queryKey: duplicatesKey(id), queryFn: ({ signal }) => duplicatesOf(id, signal) });
  if (hints.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const open = (hints.data ?? []).filter((h) => h.id !== id);
  if (!open.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.form.noDuplicates')} />;
  return <DuplicateHints hints={open} chosen={chosen} onChoose={onChoose} />;
}

/** "Phân công": the officers handling the case (with the receiving body's leaders, the only ones who see the
 * petitioners' identities). */
function OfficersForm({ detail: d, title, onClose }: { detail: PetitionDetail; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, ['officerIds']);
  const [officers, setList] = useState(d.officers);
  const reload = useReload(d.id, onClose);
  const mutation = usePetitionMutation(
    d.id,
    () => setOfficers(d.id, { version: d.version, officerIds: officers.map((o) => o.id) }),
    {
      onMutate: errors.reset,
      onSuccess: () => {
        void message.success(t('petitions.officersSaved'));
        onClose();
      },
      onError: errors.onError,
    },
  );
  return (
    <Form form={form} layout="vertical" aria-label={title} onFinish={() => mutation.mutate(undefined)}>
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={reload} />
      <Typography.Paragraph>{t('petitions.officersHelp')}</Typography.Paragraph>
      {officers.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('petitions.noOfficer')}</Typography.Paragraph>
      ) : (
        <ul className="petition-list">
          {officers.map((o) => (
            <li key={o.id}>
              <Flex justify="space-between" align="center" gap={8}>
                <span>{o.name}</span>
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('petitions.removeOfficer', { name: o.name })}
                  onClick={() => setList((xs) => xs.filter((x) => x.id !== o.id))}
                />
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Form.Item name="officerIds" label={t('petitions.addOfficer')} extra={t('petitions.addOfficerHelp')}>
        <OfficerPicker
          onPick={(o) => setList((xs) => (xs.some((x) => x.id === o.id) ? xs : [...xs, o]))}
          aria-label={t('petitions.addOfficer')}
        />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}

/** Picks a person with an account and answers that account with the person's name. */
function OfficerPicker({
  onPick,
  ...rest
}: {
  onPick: (o: { id: string; name: string }) => void;
  'aria-label': string;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const pick = async (personId: string | null, name: string | undefined) => {
    setFailed(null);
    if (!personId) return;
    setPending(true);
    try {
      const found = await getPerson(personId, todayInVietnam().format('YYYY-MM-DD'));
      if (found.account) onPick({ id: found.account.id, name: name ?? found.person.fullName });
      else setFailed(t('work.task.noAccount'));
    } catch (e) {
      setFailed(errorText(e, t));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <PersonSelect
        withAccount
        value={null}
        disabled={pending}
        aria-label={rest['aria-label']}
        onChange={(personId, person) => void pick(personId, person?.fullName)}
      />
      {failed ? <Typography.Text type="danger">{failed}</Typography.Text> : null}
    </>
  );
}
