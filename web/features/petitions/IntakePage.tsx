import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { todayInVietnam } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import { UnitSearchSelect } from '../units/UnitSearchSelect.tsx';
import { EvidenceUpload, uploadedIds, type Picked } from '../work/EvidenceUpload.tsx';
import { DuplicateHints } from './DuplicateHints.tsx';
import { PlaceUnitField, ProjectField, SummaryContentFields } from './PetitionFields.tsx';
import { ReceiptButton } from './PetitionDocuments.tsx';
import {
  CHANNELS,
  checkDuplicates,
  createPetition,
  defaultRegister,
  duplicatesKey,
  KINDS,
  petitionKey,
  petitionPath,
  PETITIONS_KEY,
  PETITIONS_PATH,
  REGISTERS,
  takeAction,
  type Channel,
  type NewPetition,
  type PetitionDetail,
  type PetitionKind,
  type Register,
} from './petitions.api.ts';
import { useDefaultBody } from './useDefaultBody.ts';

type PetitionerRow = {
  fullName?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  unitCode?: string | null;
  isRepresentative?: boolean;
};
type Values = {
  register: Register;
  receivingBodyId?: string | null;
  receivedOn: Dayjs;
  channel: Channel;
  forwardedFromBodyId?: string | null;
  forwardedFromName?: string;
  anonymous: boolean;
  petitioners: PetitionerRow[];
  summary: string;
  content: string;
  kind?: PetitionKind | null;
  addressUnitCode?: string | null;
  projectId?: string | null;
};

const FIELDS = [
  'register',
  'receivingBodyId',
  'receivedOn',
  'channel',
  'forwardedFromBodyId',
  'forwardedFromName',
  'anonymous',
  'petitioners',
  'summary',
  'content',
  'kind',
  'addressUnitCode',
  'projectId',
  'fileIds',
] as const;

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** At most this many representatives for `count` people coming together (Luật Tiếp công dân, Điều 29); fewer than 5
 * need none (petitions.rules.ts representativesProblem). */
function representativesProblem(count: number, representatives: number): 'missing' | 'tooMany' | null {
  if (count < 5) return null;
  if (representatives < 1) return 'missing';
  if (representatives > (count <= 10 ? 2 : 5)) return 'tooMany';
  return null;
}

/** "Tiếp nhận đơn" (/don-thu/tiep-nhan): the intake form, then what was registered and where to go next. */
export function IntakePage() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<{ detail: PetitionDetail; mergedInto: string | null } | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <Link to={PETITIONS_PATH} className="petition-back">
        <ArrowLeftOutlined aria-hidden /> {t('petitions.backToList')}
      </Link>
      <PageHeader title={t('petitions.intake.title')} description={t('petitions.intake.intro')} />
      {saved ? (
        <Saved
          detail={saved.detail}
          mergedInto={saved.mergedInto}
          onAnother={() => {
            setSaved(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <IntakeForm key={round} onSaved={(detail, mergedInto) => setSaved({ detail, mergedInto })} />
      )}
    </>
  );
}

/** What the officer sees once saved: the number in its register, the citizen's tracking code, and the next steps. */
function Saved({
  detail,
  mergedInto,
  onAnother,
}: {
  detail: PetitionDetail;
  mergedInto: string | null;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const number = detail.registerNumber ?? '';
  return (
    <Card>
      <Result
        status="success"
        title={
          <span role="status">
            {t('petitions.intake.saved', { number, register: t(`petitions.register.${detail.register}`) })}
          </span>
        }
        subTitle={
          <>
            <div>{detail.receivingBody.name}</div>
            {mergedInto ? <div>{t('petitions.intake.mergedNote')}</div> : null}
            {detail.trackingCode ? (
              <div>
                {t('petitions.trackingCode')}: <strong className="petition-code">{detail.trackingCode}</strong>
              </div>
            ) : null}
          </>
        }
        extra={
          <Flex gap={8} wrap justify="center">
            <Button type="primary" onClick={() => void navigate(petitionPath(mergedInto ?? detail.id))}>
              {mergedInto ? t('petitions.intake.openMerged') : t('petitions.intake.open')}
            </Button>
            <ReceiptButton detail={detail} />
            <Button icon={<PlusOutlined aria-hidden />} onClick={onAnother}>
              {t('petitions.intake.another')}
            </Button>
          </Flex>
        }
      />
    </Card>
  );
}

function IntakeForm({ onSaved }: { onSaved: (d: PetitionDetail, mergedInto: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS);
  const today = todayInVietnam();
  const asOf = today.format('YYYY-MM-DD');
  const [files, setFiles] = useState<Picked[]>([]);
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [registerTouched, setRegisterTouched] = useState(false);
  const defaults = useDefaultBody(asOf);

  const channel = Form.useWatch('channel', form) ?? 'post';
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const petitioners = Form.useWatch('petitioners', form) ?? [];
  const summary = Form.useWatch('summary', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  // The default body arrives after the form opened: put it in while the officer has not chosen one.
  const defaultBodyId = defaults.body?.id;
  useEffect(() => {
    if (defaultBodyId && !form.getFieldValue('receivingBodyId') && !form.isFieldTouched('receivingBodyId'))
      form.setFieldValue('receivingBodyId', defaultBodyId);
  }, [defaultBodyId, form]);

  // Possible duplicates, asked as the officer types (after a pause): a similar content, or the same petitioner.
  const ask = useDebounced(
    {
      summary: summary.trim(),
      content: content.trim(),
      petitioners: petitioners
        .filter((p) => p?.fullName?.trim())
        .map((p) => ({ fullName: p.fullName!.trim(), ...(p.address?.trim() ? { address: p.address.trim() } : {}) })),
    },
    500,
  );
  const worthAsking = `${ask.summary} ${ask.content}`.trim().length >= 12 || ask.petitioners.length > 0;
  const hints = useQuery({
    queryKey: duplicatesKey(ask),
    queryFn: ({ signal }) => checkDuplicates(ask, signal),
    enabled: worthAsking,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const shownHints = worthAsking ? (hints.data ?? []) : [];
  const chosen = shownHints.some((h) => h.id === mergeInto) ? mergeInto : null;

  const reps = petitioners.filter((p) => p?.isRepresentative).length;
  const repsProblem = anonymous ? null : representativesProblem(petitioners.length, reps);

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const body: NewPetition = {
        receivingBodyId: v.receivingBodyId!,
        register: v.register,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        channel: v.channel,
        summary: v.summary.trim(),
        content: v.content.trim(),
        anonymous: v.anonymous,
        petitioners: v.anonymous
          ? []
          : v.petitioners.map((p) => ({
              fullName: (p.fullName ?? '').trim(),
              idNumber: trimmed(p.idNumber),
              phone: trimmed(p.phone),
              address: trimmed(p.address),
              unitCode: p.unitCode ?? undefined,
              isRepresentative: p.isRepresentative ?? false,
            })),
        fileIds: uploadedIds(files),
        ...(v.channel === 'forwarded_by_body'
          ? {
              forwardedFromBodyId: v.forwardedFromBodyId ?? undefined,
              forwardedFromName: trimmed(v.forwardedFromName),
            }
          : {}),
        ...(v.kind ? { kind: v.kind } : {}),
        ...(v.addressUnitCode ? { addressUnitCode: v.addressUnitCode } : {}),
        ...(v.projectId ? { projectId: v.projectId } : {}),
      };
      const created = await createPetition(body);
      if (!chosen) return { detail: created, mergedInto: null };
      // The letter is numbered first (every letter received has its line in the register), then folded into the case
      // it repeats, so that content is forwarded once for both.
      const merged = await takeAction(created.id, 'merge', { version: created.version, intoId: chosen });
      return { detail: merged, mergedInto: chosen };
    },
    onMutate: errors.reset,
    onSuccess: ({ detail, mergedInto }) => {
      queryClient.setQueryData(petitionKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: PETITIONS_KEY });
      void message.success(t('petitions.intake.savedShort', { number: detail.registerNumber ?? '' }));
      onSaved(detail, mergedInto);
    },
    onError: errors.onError,
  });

  const uploading = files.some((f) => f.status === 'uploading');
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label={t('petitions.intake.title')}
      className="petition-intake"
      initialValues={{
        register: defaultRegister('post'),
        receivedOn: today,
        channel: 'post',
        anonymous: false,
        petitioners: [{ isRepresentative: false }],
        summary: '',
        content: '',
      }}
      onValuesChange={(changed: Partial<Values>) => {
        // The register follows the channel until the officer picks one.
        if (changed.channel && !registerTouched) form.setFieldValue('register', defaultRegister(changed.channel));
        if (changed.register) setRegisterTouched(true);
      }}
      onFinish={(v) => {
        if (repsProblem) return;
        mutation.mutate(v);
      }}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={() => errors.reset()} />
      <Card className="petition-card" title={<h2 className="card-title">{t('petitions.intake.receiving')}</h2>}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="receivingBodyId" label={t('petitions.receivingBody')} rules={[required]}>
              <BodySelect
                asOf={asOf}
                unit={defaults.unitCode}
                initial={defaults.body}
                aria-label={t('petitions.receivingBody')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="receivedOn"
              label={t('petitions.receivedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DateInput allowClear={false} disabledDate={(d) => d.isAfter(today, 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="channel" label={t('petitions.channel')} rules={[{ required: true }]}>
              <Select
                aria-label={t('petitions.channel')}
                options={CHANNELS.filter((c) => c !== 'online_form').map((c) => ({
                  value: c,
                  label: t(`petitions.channels.${c}`),
                }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="register" label={t('petitions.register.label')} extra={t('petitions.register.help')}>
              <Radio.Group
                options={REGISTERS.map((r) => ({ value: r, label: t(`petitions.register.${r}`) }))}
                aria-label={t('petitions.register.label')}
              />
            </Form.Item>
          </Col>
          {channel === 'forwarded_by_body' ? (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="forwardedFromBodyId" label={t('petitions.forwardedFromBody')}>
                  <BodySelect asOf={asOf} aria-label={t('petitions.forwardedFromBody')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="forwardedFromName" label={t('petitions.forwardedFromName')}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
      </Card>

      <Card className="petition-card" title={<h2 className="card-title">{t('petitions.petitioners')}</h2>}>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{t('petitions.intake.anonymous')}</Checkbox>
        </Form.Item>
        {anonymous ? (
          <Typography.Paragraph type="secondary">{t('petitions.intake.anonymousHelp')}</Typography.Paragraph>
        ) : (
          <Form.List name="petitioners">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <fieldset key={row.key} className="petition-person">
                    <legend>{t('petitions.intake.personN', { n: i + 1 })}</legend>
                    <Row gutter={12}>
                      <Col xs={24} md={8}>
                        <Form.Item name={[row.name, 'fullName']} label={t('petitions.fullName')} rules={[required]}>
                          <Input maxLength={200} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12} md={8}>
                        <Form.Item
                          name={[row.name, 'idNumber']}
                          label={t('petitions.idNumber')}
                          rules={[{ pattern: /^(\d{9}|\d{12})$/, message: t('petitions.intake.idNumberFormat') }]}
                        >
                          <Input maxLength={12} inputMode="numeric" autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12} md={8}>
                        <Form.Item name={[row.name, 'phone']} label={t('petitions.phone')}>
                          <Input maxLength={20} inputMode="tel" autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[row.name, 'address']} label={t('petitions.address')}>
                          <Input maxLength={500} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[row.name, 'unitCode']} label={t('petitions.addressUnit')}>
                          <UnitSearchSelect asOf={asOf} aria-label={t('petitions.addressUnit')} />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Flex justify="space-between" align="center" gap={8} wrap>
                      <Form.Item name={[row.name, 'isRepresentative']} valuePropName="checked" noStyle>
                        <Checkbox>{t('petitions.representative')}</Checkbox>
                      </Form.Item>
                      {rows.length > 1 ? (
                        <Button
                          icon={<DeleteOutlined aria-hidden />}
                          onClick={() => remove(row.name)}
                          aria-label={t('petitions.intake.removePersonN', { n: i + 1 })}
                        >
                          {t('common.delete')}
                        </Button>
                      ) : null}
                    </Flex>
                  </fieldset>
                ))}
                {rows.length >= 2 ? (
                  <Alert
                    className="form-alert"
                    type={repsProblem ? 'error' : 'info'}
                    showIcon
                    title={
                      repsProblem === 'missing'
                        ? t('petitions.intake.repsMissing')
                        : repsProblem === 'tooMany'
                          ? t('petitions.intake.repsTooMany')
                          : t('petitions.intake.repsRule')
                    }
                    description={repsProblem ? t('petitions.intake.repsRule') : undefined}
                  />
                ) : null}
                <Button icon={<UserAddOutlined aria-hidden />} onClick={() => add({ isRepresentative: false })}>
                  {t('petitions.intake.addPerson')}
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Card>

      <Card className="petition-card" title={<h2 className="card-title">{t('petitions.contentTitle')}</h2>}>
        <SummaryContentFields />
        <section aria-live="polite" aria-label={t('petitions.hints.title')}>
          {shownHints.length > 0 ? (
            <Alert
              className="form-alert petition-hints-alert"
              type="warning"
              showIcon
              title={t('petitions.hints.title')}
              description={
                <>
                  <Typography.Paragraph className="petition-hints-intro">
                    {t('petitions.hints.intro')}
                  </Typography.Paragraph>
                  <DuplicateHints hints={shownHints} chosen={chosen} onChoose={setMergeInto} newTab />
                </>
              }
            />
          ) : null}
        </section>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('petitions.intake.kind')} extra={t('petitions.intake.kindHelp')}>
              <Select
                aria-label={t('petitions.intake.kind')}
                allowClear
                options={KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <PlaceUnitField asOf={asOf} />
          </Col>
          <Col xs={24}>
            <ProjectField />
          </Col>
        </Row>
        <Form.Item label={t('petitions.attachments')} extra={t('petitions.attachmentsHelp')}>
          <EvidenceUpload value={files} onChange={setFiles} label={t('petitions.attach')} />
        </Form.Item>
      </Card>

      {chosen ? <Alert className="form-alert" type="info" showIcon title={t('petitions.intake.willMerge')} /> : null}
      <Flex justify="end" gap={8} className="form-actions">
        <Button onClick={() => void navigate(PETITIONS_PATH)}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} disabled={uploading}>
          {t('petitions.intake.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
