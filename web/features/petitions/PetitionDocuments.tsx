import { EditOutlined, FileAddOutlined, FileWordOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Skeleton, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import type { Body, Covers, Item, Ok } from '../../lib/contract.ts';
import { formatDate, TIME_ZONE, todayInVietnam } from '../../lib/format.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { errorText } from '../../ui/errors.ts';
import { petitionKey, PETITIONS_KEY, type PetitionDetail, type PetitionState } from './petitions.api.ts';

type List = Ok<'/api/petitions/{id}/documents'>;
type Doc = Item<List['items']>;
type Draft = Ok<'/api/petitions/{id}/documents', 'post'>;
export type DocumentKind = Doc['kind'];
type Status = Doc['status'];

/** The kinds in the order a case meets them (the draft form's choices). */
export const DOCUMENT_KINDS = [
  'receipt',
  'guidance',
  'forward',
  'proposal',
  'filing',
  'reminder',
  'citizen_reply',
  'withdrawal',
] as const;
const _kinds: Covers<typeof DOCUMENT_KINDS, DocumentKind> = true;

const STATUS_COLOR: Record<Status, string> = { draft: 'default', signed: 'blue', issued: 'green', cancelled: 'red' };
/** Notices addressed to the citizen (documents.texts.ts TO_CITIZEN): an unsigned letter has nobody to receive them. */
const TO_CITIZEN = new Set<DocumentKind>(['receipt', 'guidance', 'filing', 'citizen_reply', 'withdrawal']);
/** The step of the timeline after which a notice of that kind may be drafted (documents.service.ts STEP_OF). */
const AFTER_STEP: Partial<Record<DocumentKind, string>> = {
  guidance: 'guide',
  filing: 'file',
  proposal: 'propose',
  withdrawal: 'withdraw',
};
const CHASED: readonly PetitionState[] = ['forwarded', 'awaiting_result'];

/** The kinds the server would draft for this case now (documents.service.ts draftDocument): the choices offered. The
 * server has the last word (409 INVALID_TRANSITION), shown in the form. */
export function draftableKinds(d: PetitionDetail): DocumentKind[] {
  const did = (action: string) => d.events.some((e) => e.action === action);
  const forwarded = d.forwards.length > 0;
  return DOCUMENT_KINDS.filter((k) => {
    if (d.anonymous && TO_CITIZEN.has(k)) return false;
    if (k === 'receipt' || k === 'citizen_reply') return d.registerNumber !== null;
    if (k === 'forward') return forwarded;
    if (k === 'reminder') return forwarded && CHASED.includes(d.state);
    return did(AFTER_STEP[k]!);
  });
}

const documentsUrl = (id: string) => `/api/petitions/${encodeURIComponent(id)}/documents`;
const documentUrl = (id: string, docId: string) => `${documentsUrl(id)}/${encodeURIComponent(docId)}`;
export const documentsKey = (id: string) => [...PETITIONS_KEY, 'documents', id] as const;

function listDocuments(id: string, signal?: AbortSignal): Promise<List> {
  return api(documentsUrl(id), { signal });
}

type Open = { step: 'draft' } | { step: 'sign' | 'issue'; doc: Doc };

/**
 * "Văn bản, phiếu": the case's notices and letters (giấy biên nhận, phiếu chuyển đơn, thông báo, đôn đốc) in the side
 * column of its page: each with its status, its number and day once issued, its Word file, and the next step — sign
 * a draft, issue a signed one (it takes its number then, Decree 30/2020). Drafting, signing and issuing are for those
 * who act on the case; the others see the list and the files.
 */
export function PetitionDocuments({ detail: d }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const docs = useQuery({ queryKey: documentsKey(d.id), queryFn: ({ signal }) => listDocuments(d.id, signal) });
  // The detail shows the tracking code only to those who act on the case (petitions.presenter.ts), the same right
  // the notices' routes ask; `actions` alone is empty on a closed case, which may still get its reply notice.
  const mayAct = d.trackingCode !== null;
  const kinds = mayAct ? draftableKinds(d) : [];
  const title = !open
    ? ''
    : open.step === 'draft'
      ? t('petitions.documents.draftTitle')
      : t(`petitions.documents.${open.step}Title`, { kind: t(`petitions.documents.kind.${open.doc.kind}`) });
  const close = () => setOpen(null);
  return (
    <Card className="petition-card" title={<h2 className="card-title">{t('petitions.documents.title')}</h2>}>
      {docs.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : docs.isError ? (
        <Alert type="error" showIcon title={errorText(docs.error, t)} />
      ) : docs.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('petitions.documents.none')}</Typography.Text>
      ) : (
        <ul className="petition-list petition-documents">
          {docs.data.items.map((doc) => (
            <DocumentRow key={doc.id} doc={doc} mayAct={mayAct} onStep={(step) => setOpen({ step, doc })} />
          ))}
        </ul>
      )}
      {kinds.length > 0 ? (
        <Button
          className="petition-documents-add"
          icon={<FileAddOutlined aria-hidden />}
          onClick={() => setOpen({ step: 'draft' })}
        >
          {t('petitions.documents.draft')}
        </Button>
      ) : null}
      <Modal open={open !== null} title={title} onCancel={close} footer={null} destroyOnHidden>
        {open?.step === 'draft' ? (
          <DraftForm detail={d} kinds={kinds} title={title} onClose={close} />
        ) : open ? (
          <StepForm detail={d} doc={open.doc} step={open.step} title={title} onClose={close} />
        ) : null}
      </Modal>
    </Card>
  );
}

function DocumentRow({ doc, mayAct, onStep }: { doc: Doc; mayAct: boolean; onStep: (s: 'sign' | 'issue') => void }) {
  const { t } = useTranslation();
  const kind = t(`petitions.documents.kind.${doc.kind}`);
  return (
    <li className="petition-document">
      <Flex gap={6} wrap align="center" justify="space-between">
        <strong>{kind}</strong>
        <Tag color={STATUS_COLOR[doc.status]}>{t(`petitions.documents.status.${doc.status}`)}</Tag>
      </Flex>
      {doc.status === 'issued' && doc.written ? (
        <div className="petition-document-number">
          {t('petitions.documents.issuedLine', { number: doc.written, on: formatDate(doc.issuedOn) })}
        </div>
      ) : null}
      {doc.signerName ? (
        <div className="petition-sub">
          {t('petitions.documents.signedLine', {
            name: doc.signerTitle ? `${doc.signerTitle} ${doc.signerName}` : doc.signerName,
            on: formatDate(doc.signedAt),
          })}
        </div>
      ) : null}
      {doc.note ? <div className="petition-sub petition-pre">{doc.note}</div> : null}
      <Flex gap={8} wrap className="petition-document-actions">
        {/* The file comes as an attachment: the page stays where it is. */}
        <Button size="small" icon={<FileWordOutlined aria-hidden />} href={doc.url} download>
          {t('petitions.documents.download')}
        </Button>
        {mayAct && doc.status === 'draft' ? (
          <Button size="small" type="primary" icon={<EditOutlined aria-hidden />} onClick={() => onStep('sign')}>
            {t('petitions.documents.sign')}
          </Button>
        ) : null}
        {mayAct && doc.status === 'signed' ? (
          <Button size="small" type="primary" icon={<SendOutlined aria-hidden />} onClick={() => onStep('issue')}>
            {t('petitions.documents.issue')}
          </Button>
        ) : null}
      </Flex>
    </li>
  );
}

/** After a change: the list read again, and the case (its timeline has the step). */
function useDocumentChange<V>(d: PetitionDetail, fn: (v: V) => Promise<Doc>, onError: (e: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: documentsKey(d.id) }),
        queryClient.invalidateQueries({ queryKey: petitionKey(d.id) }),
      ]);
    },
    onError,
  });
}

type DraftValues = { kind?: DocumentKind; note?: string };

/** "Soạn văn bản": a kind the case's steps allow, and the officer's words for it. */
function DraftForm({
  detail: d,
  kinds,
  title,
  onClose,
}: {
  detail: PetitionDetail;
  kinds: readonly DocumentKind[];
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftValues>();
  const errors = useFormErrors(form, ['kind', 'note']);
  const draft = useDocumentChange(
    d,
    (v: DraftValues) => {
      const note = v.note?.trim();
      const body: Body<'/api/petitions/{id}/documents', 'post'> = { kind: v.kind!, ...(note ? { note } : {}) };
      return api<Draft>(documentsUrl(d.id), { method: 'POST', body });
    },
    errors.onError,
  );
  return (
    <Form<DraftValues>
      form={form}
      layout="vertical"
      aria-label={title}
      initialValues={{ kind: kinds[0], note: '' }}
      onFinish={(v) => {
        errors.reset();
        draft.mutate(v, {
          onSuccess: () => {
            void message.success(t('petitions.documents.drafted'));
            onClose();
          },
        });
      }}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onClose} />
      <Typography.Paragraph>{t('petitions.documents.draftHelp')}</Typography.Paragraph>
      <Form.Item
        name="kind"
        label={t('petitions.documents.kindLabel')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          aria-label={t('petitions.documents.kindLabel')}
          options={kinds.map((k) => ({ value: k, label: t(`petitions.documents.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('petitions.documents.note')} extra={t('petitions.documents.noteHelp')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={draft.isPending} submitLabel={t('petitions.documents.draft')} />
    </Form>
  );
}

type StepValues = { signerName?: string; signerTitle?: string; on?: Dayjs | null };

/** "Ký" (who signed, with their title, and when) or "Ban hành" (the day; the number is taken then). */
function StepForm({
  detail: d,
  doc,
  step,
  title,
  onClose,
}: {
  detail: PetitionDetail;
  doc: Doc;
  step: 'sign' | 'issue';
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const errors = useFormErrors(form, ['signerName', 'signerTitle', 'on'], { signedOn: 'on', issuedOn: 'on' });
  const today = todayInVietnam();
  // Not in the future; an issue not before the day it was signed (in Hà Nội's calendar, as the server counts).
  const signedDay = doc.signedAt ? dayjs(dayjs(doc.signedAt).tz(TIME_ZONE).format('YYYY-MM-DD')) : null;
  const outside = (x: Dayjs) =>
    x.isAfter(today, 'day') || (step === 'issue' && signedDay !== null && x.isBefore(signedDay, 'day'));
  const change = useDocumentChange(
    d,
    (v: StepValues) => {
      const on = v.on ? v.on.format('YYYY-MM-DD') : undefined;
      if (step === 'sign') {
        const signerTitle = v.signerTitle?.trim();
        const body: Body<'/api/petitions/{id}/documents/{documentId}/sign', 'post'> = {
          version: doc.version,
          signerName: (v.signerName ?? '').trim(),
          ...(signerTitle ? { signerTitle } : {}),
          ...(on ? { signedOn: on } : {}),
        };
        return api<Doc>(`${documentUrl(d.id, doc.id)}/sign`, { method: 'POST', body });
      }
      const body: Body<'/api/petitions/{id}/documents/{documentId}/issue', 'post'> = {
        version: doc.version,
        ...(on ? { issuedOn: on } : {}),
      };
      return api<Doc>(`${documentUrl(d.id, doc.id)}/issue`, { method: 'POST', body });
    },
    errors.onError,
  );
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: documentsKey(d.id) });
    onClose();
  };
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Form<StepValues>
      form={form}
      layout="vertical"
      aria-label={title}
      initialValues={{ signerName: doc.signerName ?? '', signerTitle: doc.signerTitle ?? '', on: today }}
      onFinish={(v) => {
        errors.reset();
        change.mutate(v, {
          onSuccess: (saved) => {
            void message.success(
              step === 'sign'
                ? t('petitions.documents.signed')
                : t('petitions.documents.issued', { number: saved.written ?? '' }),
            );
            onClose();
          },
        });
      }}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={reload} />
      <Typography.Paragraph>{t(`petitions.documents.${step}Help`)}</Typography.Paragraph>
      {step === 'sign' ? (
        <>
          <Form.Item name="signerName" label={t('petitions.documents.signerName')} rules={[required]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="signerTitle"
            label={t('petitions.documents.signerTitle')}
            extra={t('petitions.documents.signerTitleHelp')}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="on"
        label={step === 'sign' ? t('petitions.documents.signedOn') : t('petitions.documents.issuedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DateInput allowClear={false} disabledDate={outside} />
      </Form.Item>
      <FormActions
        onCancel={onClose}
        submitting={change.isPending}
        submitLabel={step === 'sign' ? t('petitions.documents.sign') : t('petitions.documents.issue')}
      />
    </Form>
  );
}

/**
 * "In phiếu tiếp nhận" on the intake's confirmation: drafts the receipt (giấy biên nhận, not numbered until it is
 * signed and issued on the case's page) and downloads it as Word, to print and hand to the citizen.
 */
export function ReceiptButton({ detail }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  const draft = useMutation({
    mutationFn: () => {
      const body: Body<'/api/petitions/{id}/documents', 'post'> = { kind: 'receipt' };
      return api<Draft>(documentsUrl(detail.id), { method: 'POST', body });
    },
    onSuccess: (doc) => {
      // The Word file comes as an attachment: the page stays where it is.
      window.location.assign(`${documentUrl(detail.id, doc.id)}/docx`);
    },
  });
  return (
    <Flex vertical align="center" gap={4}>
      <Button icon={<PrinterOutlined aria-hidden />} loading={draft.isPending} onClick={() => draft.mutate()}>
        {t('petitions.intake.printReceipt')}
      </Button>
      {draft.isError ? <Typography.Text type="danger">{errorText(draft.error, t)}</Typography.Text> : null}
    </Flex>
  );
}
