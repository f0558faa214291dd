import { useFormErrors } from '../../ui/FormErrors.tsx';
import { CheckOutlined, CloseOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { DATE_FORMAT, formatDate, formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { FormErrorAlerts } from '../../ui/FormErrors.tsx';
import { FileList } from './FileList.tsx';
import { formatPercent, STATUS_COLOR } from './TaskBits.tsx';
import { acceptable, shrinkAndUpload, UPLOAD_ACCEPT } from './upload.ts';
import { useReloadTask, useTaskMutation } from './useTaskMutation.ts';
import {
  addComment,
  attachFile,
  decideExtension,
  requestExtension,
  type Extension,
  type TaskDetail,
  type TaskStatus,
  type Update,
} from './work.api.ts';

// ---------------------------------------------------------------- comments

/** The task's columns an edit names in its history line, with the form's labels (work.task.*). */
const EDITED_FIELDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  group_id: 'group',
  responsible_person_id: 'responsible',
  assignee_account_id: 'assignee',
  start_date: 'startDate',
  due_date: 'dueDate',
  target_value: 'targetValue',
  target_unit: 'targetUnit',
  result_value: 'targetVsResult',
  priority: 'priority',
  weight: 'weight',
  recurrence: 'recurrence',
};

/** "Ý kiến": a comment on the task, kept in its history. */
export function CommentBox({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useTaskMutation(detail.task.id, (text: string) => addComment(detail.task.id, text), {
    onMutate: () => setError(null),
    onSuccess: () => setNote(''),
    onError: (e) => setError(errorText(e, t)),
  });
  if (!detail.permissions.comment) return null;
  return (
    <form
      className="work-comment"
      aria-label={t('work.comments.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) {
          setError(t('validation.required'));
          return;
        }
        mutation.mutate(note.trim());
      }}
    >
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={5000}
        placeholder={t('work.comments.placeholder')}
        aria-label={t('work.comments.title')}
        status={error ? 'error' : undefined}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <Flex justify="end" className="work-comment-actions">
        <Button htmlType="submit" loading={mutation.isPending}>
          {t('work.comments.submit')}
        </Button>
      </Flex>
    </form>
  );
}

// ---------------------------------------------------------------- extensions

const EXTENDABLE = new Set<TaskStatus>(['assigned', 'in_progress', 'reported_done', 'returned', 'suspended']);

/** Deadline extensions: the requests with their decisions; "Đề nghị gia hạn" for those who report or manage; grant or refuse for managers. */
export function ExtensionsSection({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<{ ext: Extension; decision: 'granted' | 'refused' } | null>(null);
  const task = detail.task;
  const open = detail.extensions.find((e) => e.decision === null);
  const mayRequest = (detail.permissions.report || detail.permissions.manage) && EXTENDABLE.has(task.status) && !open;
  if (detail.extensions.length === 0 && !mayRequest) return null;
  return (
    <section className="work-panel" aria-labelledby="work-ext-title">
      <Typography.Title level={4} id="work-ext-title" className="work-panel-title">
        {t('work.extensions.title')}
      </Typography.Title>
      {detail.extensions.length > 0 ? (
        <ul className="work-ext-list">
          {detail.extensions.map((e) => (
            <li key={e.id} className="work-ext-item">
              <Flex justify="space-between" gap={8} wrap>
                <strong>{t('work.extensions.to', { date: formatDate(e.requestedDueDate) })}</strong>
                {e.decision === null ? (
                  <Tag color="orange">{t('work.extensions.pending')}</Tag>
                ) : (
                  <Tag color={e.decision === 'granted' ? 'green' : 'red'}>{t(`work.extensions.${e.decision}`)}</Tag>
                )}
              </Flex>
              <div className="muted">
                {e.previousDueDate ? `${t('work.extensions.from', { date: formatDate(e.previousDueDate) })} · ` : ''}
                {t('work.extensions.requestedBy', {
                  name: e.requestedByName ?? '—',
                  at: formatDateTime(e.requestedAt),
                })}
              </div>
              <div className="work-pre">{e.reason}</div>
              {e.decision ? (
                <div className="muted">
                  {t('work.extensions.decidedBy', { name: e.decidedByName ?? '—', at: formatDateTime(e.decidedAt) })}
                  {e.decisionNote ? `: ${e.decisionNote}` : ''}
                </div>
              ) : detail.permissions.manage ? (
                <Flex gap={8} wrap className="work-ext-decide">
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined aria-hidden />}
                    onClick={() => setDeciding({ ext: e, decision: 'granted' })}
                  >
                    {t('work.extensions.grant')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined aria-hidden />}
                    onClick={() => setDeciding({ ext: e, decision: 'refused' })}
                  >
                    {t('work.extensions.refuse')}
                  </Button>
                </Flex>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {mayRequest ? <ExtensionRequestForm detail={detail} /> : null}
      <Modal
        open={deciding !== null}
        title={
          deciding
            ? t(deciding.decision === 'granted' ? 'work.extensions.grantTitle' : 'work.extensions.refuseTitle', {
                date: formatDate(deciding.ext.requestedDueDate),
              })
            : ''
        }
        onCancel={() => setDeciding(null)}
        footer={null}
        destroyOnHidden
      >
        {deciding ? (
          <DecideForm
            detail={detail}
            ext={deciding.ext}
            decision={deciding.decision}
            onClose={() => setDeciding(null)}
          />
        ) : null}
      </Modal>
    </section>
  );
}

type RequestValues = { requestedDueDate?: Dayjs | null; reason: string };

function ExtensionRequestForm({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const [shown, setShown] = useState(false);
  const errors = useFormErrors(form, ['requestedDueDate', 'reason']);
  const due = detail.task.dueDate;
  const mutation = useTaskMutation(
    detail.task.id,
    (v: RequestValues) =>
      requestExtension(detail.task.id, {
        requestedDueDate: v.requestedDueDate!.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      }),
    {
      onMutate: errors.reset,
      onSuccess: () => {
        void message.success(t('work.extensions.requested'));
        form.resetFields();
        setShown(false);
      },
      onError: errors.onError,
    },
  );
  if (!shown) {
    return (
      <Button onClick={() => setShown(true)} className="work-ext-open">
        {t('work.extensions.request')}
      </Button>
    );
  }
  return (
    <Form<RequestValues>
      form={form}
      layout="vertical"
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('work.extensions.request')}
      initialValues={{ reason: '' }}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={errors.reset} />
      <Form.Item
        name="requestedDueDate"
        label={t('work.extensions.newDate')}
        extra={due ? t('work.extensions.currentDue', { date: formatDate(due) }) : null}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_r, v: Dayjs | null | undefined) =>
              v && due && !v.isAfter(dayjs(due), 'day')
                ? Promise.reject(new Error(t('work.extensions.mustBeLater')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          disabledDate={(d) => (due ? !d.isAfter(dayjs(due), 'day') : false)}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('work.extensions.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Flex justify="end" gap={8}>
        <Button onClick={() => setShown(false)}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('work.extensions.send')}
        </Button>
      </Flex>
    </Form>
  );
}

function DecideForm({
  detail,
  ext,
  decision,
  onClose,
}: {
  detail: TaskDetail;
  ext: Extension;
  decision: 'granted' | 'refused';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const errors = useFormErrors(form, ['note', 'decision']);
  const reload = useReloadTask(detail.task.id);
  const mutation = useTaskMutation(
    detail.task.id,
    (v: { note?: string }) =>
      decideExtension(ext.id, { version: ext.version, decision, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
    {
      onMutate: errors.reset,
      onSuccess: () => {
        void message.success(t(decision === 'granted' ? 'work.extensions.grantedDone' : 'work.extensions.refusedDone'));
        onClose();
      },
      onError: errors.onError,
    },
  );
  return (
    <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} aria-label={t('work.extensions.decide')}>
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={() => reload(onClose)} />
      <Typography.Paragraph className="work-pre">{ext.reason}</Typography.Paragraph>
      <Form.Item name="note" label={t('work.extensions.decisionNote')}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger={decision === 'refused'} htmlType="submit" loading={mutation.isPending}>
          {t(decision === 'granted' ? 'work.extensions.grant' : 'work.extensions.refuse')}
        </Button>
      </Flex>
    </Form>
  );
}

// ---------------------------------------------------------------- attachments

/** "Tài liệu đính kèm": files of the task itself (evidence sent with reports is in the history), and an upload. */
export function AttachmentsSection({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const mayAttach = detail.permissions.manage || detail.permissions.report || detail.permissions.reportParts.length > 0;
  const mutation = useTaskMutation(detail.task.id, (fileId: string) => attachFile(detail.task.id, fileId));

  const pick = async (file: File) => {
    setError(null);
    if (!acceptable(file)) {
      setError(t('work.files.badType'));
      return;
    }
    setBusy((n) => n + 1);
    try {
      const uploaded = await shrinkAndUpload(file);
      await mutation.mutateAsync(uploaded.id);
      void message.success(t('work.files.attached', { name: file.name }));
    } catch (e) {
      setError(isApiError(e) && e.code === 'CONFLICT' ? t('errors.conflict') : errorText(e, t));
    } finally {
      setBusy((n) => n - 1);
    }
  };

  if (detail.files.length === 0 && !mayAttach) return null;
  return (
    <section className="work-panel" aria-labelledby="work-files-title">
      <Typography.Title level={4} id="work-files-title" className="work-panel-title">
        {t('work.files.title')}
      </Typography.Title>
      {detail.files.length === 0 ? (
        <Typography.Text type="secondary">{t('work.files.none')}</Typography.Text>
      ) : (
        <FileList files={detail.files} />
      )}
      {error ? <Alert className="form-alert work-files-error" type="error" showIcon title={error} /> : null}
      {mayAttach ? (
        <Upload
          accept={UPLOAD_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={busy > 0} className="work-files-upload">
            {t('work.files.attach')}
          </Button>
        </Upload>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- history

const UPDATE_COLOR: Record<Update['kind'], string> = {
  progress: 'blue',
  comment: 'gray',
  status: 'purple',
  extension_requested: 'orange',
  extension_granted: 'green',
  extension_refused: 'red',
  edit: 'gray',
};

const isStatus = (s: string | null): s is TaskStatus => s !== null && s in STATUS_COLOR;

/** The task's history, newest first: progress reports (who reported, who entered), comments, status changes with reasons, extensions. */
export function TaskHistory({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  if (detail.updates.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.history.empty')} />;
  return (
    <Timeline
      className="work-history"
      items={detail.updates.map((u) => ({
        key: u.id,
        color:
          u.kind === 'status' && u.toStatus === 'accepted'
            ? 'green'
            : u.kind === 'status' && (u.toStatus === 'returned' || u.toStatus === 'cancelled')
              ? 'red'
              : UPDATE_COLOR[u.kind],
        content: <HistoryItem update={u} />,
      }))}
    />
  );
}

function HistoryItem({ update: u }: { update: Update }) {
  const { t } = useTranslation();
  const who = u.reportedByName ?? u.enteredByName ?? t('work.history.system');
  let head: ReactNode;
  switch (u.kind) {
    case 'progress':
      head = (
        <>
          <strong>
            {u.cooperatorBodyName
              ? t('work.history.progressPart', { body: u.cooperatorBodyName })
              : t('work.history.progress')}
          </strong>{' '}
          <Progress
            percent={u.progress ?? 0}
            size="small"
            className="work-history-progress"
            format={(p) => formatPercent(p ?? 0)}
          />
          {isStatus(u.toStatus) ? (
            <span className="work-history-moved">
              {t('work.history.movedTo')} <Tag color={STATUS_COLOR[u.toStatus]}>{t(`work.status.${u.toStatus}`)}</Tag>
            </span>
          ) : null}
        </>
      );
      break;
    case 'comment':
      head = <strong>{t('work.history.comment', { name: who })}</strong>;
      break;
    case 'status':
      head = (
        <strong>
          {t('work.history.status')}{' '}
          {isStatus(u.fromStatus) ? (
            <Tag color={STATUS_COLOR[u.fromStatus]}>{t(`work.status.${u.fromStatus}`)}</Tag>
          ) : null}
          → {isStatus(u.toStatus) ? <Tag color={STATUS_COLOR[u.toStatus]}>{t(`work.status.${u.toStatus}`)}</Tag> : null}
        </strong>
      );
      break;
    case 'extension_requested':
      head = <strong>{t('work.history.extensionRequested', { date: formatDate(u.reportedOn) })}</strong>;
      break;
    case 'extension_granted':
      head = <strong>{t('work.history.extensionGranted', { date: formatDate(u.reportedOn) })}</strong>;
      break;
    case 'extension_refused':
      head = <strong>{t('work.history.extensionRefused', { date: formatDate(u.reportedOn) })}</strong>;
      break;
    default:
      head = <strong>{t('work.history.edit')}</strong>;
  }
  const reportedBy = u.reportedByName && u.enteredByName && u.reportedByName !== u.enteredByName;
  return (
    <div className="work-history-item">
      <div className="work-history-head">{head}</div>
      <div className="muted work-history-meta">
        {[
          ...(u.kind === 'progress' || (u.kind === 'status' && u.toStatus === 'reported_done')
            ? [
                t('work.history.reportedOn', { date: formatDate(u.reportedOn) }),
                reportedBy
                  ? t('work.history.reportedByEntered', { reporter: u.reportedByName, enterer: u.enteredByName })
                  : t('work.history.reportedBy', { name: who }),
              ]
            : u.kind === 'comment'
              ? []
              : [t('work.history.by', { name: u.enteredByName ?? who })]),
          formatDateTime(u.createdAt),
        ].join(' · ')}
      </div>
      {u.kind === 'edit' && u.note ? (
        <div className="work-history-note">
          <span className="muted">{t('work.history.changed')}: </span>
          {u.note
            .split(', ')
            .map((col) => (EDITED_FIELDS[col] ? t(`work.task.${EDITED_FIELDS[col]}`) : col))
            .join(', ')}
        </div>
      ) : u.note ? (
        <div className="work-pre work-history-note">
          {u.kind === 'status' &&
          u.toStatus &&
          ['returned', 'suspended', 'cancelled', 'assigned'].includes(u.toStatus) &&
          u.fromStatus !== 'draft' ? (
            <span className="muted">{t('work.history.reason')}: </span>
          ) : null}
          {u.note}
        </div>
      ) : null}
      <FileList files={u.files} />
    </div>
  );
}
