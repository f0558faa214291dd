import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { BodySelect } from '../bodies/BodySelect.tsx';
import {
  createProgramme,
  importProgramme,
  listProgrammes,
  programmesKey,
  updateProgramme,
  WORK_KEY,
  type Programme,
  type ProgrammeImport,
} from './work.api.ts';

/** The largest spreadsheet the server reads (its upload limits). */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

type CreateValues = {
  bodyId?: string | null;
  year: number;
  title: string;
  description?: string;
  copyFromId?: string | null;
  groups?: string;
};

const CREATE_FIELDS = ['bodyId', 'year', 'title', 'description', 'copyFromId', 'groups'] as const;

type CreateProps = {
  open: boolean;
  year: number;
  bodyId: string | null;
  onClose: () => void;
  onCreated: (p: Programme) => void;
};

/** "Tạo chương trình": a body's programme for a year — empty, with its task groups (one per line), or copied from an earlier year. */
export function CreateProgrammeModal({ open, onClose, ...rest }: CreateProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('work.programmes.createTitle')}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      <CreateForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function CreateForm({ year, bodyId, onClose, onCreated }: Omit<CreateProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const errors = useFormErrors(form, CREATE_FIELDS);
  const chosenBody: string | null | undefined = Form.useWatch('bodyId', form);
  const chosenYear: number | undefined = Form.useWatch('year', form);
  const copyFrom: string | null | undefined = Form.useWatch('copyFromId', form);
  const asOf = todayInVietnam().format('YYYY-MM-DD');

  // Earlier programmes of the chosen body, to copy groups and tasks from.
  const earlier = useQuery({
    queryKey: programmesKey({ bodyId: chosenBody ?? null }),
    queryFn: ({ signal }) => listProgrammes({ bodyId: chosenBody ?? null }, signal),
    enabled: Boolean(chosenBody),
  });
  const copyOptions = (earlier.data ?? [])
    .filter((p) => !chosenYear || p.year < chosenYear)
    .map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }));

  const mutation = useMutation({
    mutationFn: (v: CreateValues) => {
      const groups = (v.groups ?? '')
        .split('\n')
        .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
        .filter(Boolean);
      return createProgramme({
        bodyId: v.bodyId!,
        year: v.year,
        title: v.title.trim(),
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        ...(v.copyFromId ? { copyFromId: v.copyFromId } : { groups }),
      });
    },
    onMutate: errors.reset,
    onSuccess: (p) => {
      void message.success(t('work.programmes.created', { title: p.title }));
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
      onClose();
      onCreated(p);
    },
    onError: errors.onError,
  });

  const required = { required: true, message: t('validation.required') };
  return (
    <Form<CreateValues>
      form={form}
      layout="vertical"
      initialValues={{
        bodyId,
        year,
        title: t('work.programmes.defaultTitle', { year }),
        description: '',
        copyFromId: null,
        groups: '',
      }}
      onValuesChange={(changed: Partial<CreateValues>, all) => {
        // The default title follows the year until it is edited.
        if (changed.year !== undefined && all.title === t('work.programmes.defaultTitle', { year: chosenYear }))
          form.setFieldValue('title', t('work.programmes.defaultTitle', { year: changed.year }));
      }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('work.programmes.createTitle')}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onClose} />
      <Form.Item
        name="bodyId"
        label={t('work.programme.body')}
        rules={[required]}
        extra={t('work.programmes.bodyHint')}
      >
        <BodySelect asOf={asOf} autoFocus aria-label={t('work.programme.body')} />
      </Form.Item>
      <Form.Item name="year" label={t('work.programme.year')} rules={[required]}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="title" label={t('work.programme.title')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="description" label={t('work.programme.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="copyFromId" label={t('work.programmes.copyFrom')} extra={t('work.programmes.copyFromHint')}>
        <Select
          allowClear
          placeholder={chosenBody ? t('work.programmes.copyNone') : t('work.programmes.copyPickBody')}
          disabled={!chosenBody}
          loading={earlier.isFetching}
          options={copyOptions}
          notFoundContent={<Typography.Text type="secondary">{t('work.programmes.copyNoEarlier')}</Typography.Text>}
        />
      </Form.Item>
      {copyFrom ? null : (
        <Form.Item name="groups" label={t('work.programmes.groups')} extra={t('work.programmes.groupsHint')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t('work.programmes.groupsPlaceholder')} />
        </Form.Item>
      )}
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t('work.programmes.create')} />
    </Form>
  );
}

type ImportValues = { bodyId?: string | null; year: number; title: string };

type ImportProps = {
  open: boolean;
  year: number;
  bodyId: string | null;
  onClose: () => void;
  onCreated: (p: ProgrammeImport) => void;
};

/** "Nhập từ Excel": a programme from the office's Excel sheet (groups and tasks), for a body and year. */
export function ImportProgrammeModal({ open, onClose, ...rest }: ImportProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('work.import.title')} onCancel={onClose} footer={null} width={600} destroyOnHidden>
      <ImportForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function ImportForm({ year, bodyId, onClose, onCreated }: Omit<ImportProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ImportValues>();
  const errors = useFormErrors(form, ['bodyId', 'year', 'title']);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const asOf = todayInVietnam().format('YYYY-MM-DD');

  const mutation = useMutation({
    mutationFn: (v: ImportValues) =>
      importProgramme({ bodyId: v.bodyId!, year: v.year, title: v.title.trim(), file: file! }),
    onMutate: () => {
      errors.reset();
      setFileError(null);
    },
    onSuccess: (p) => {
      void message.success(t('work.import.done', { title: p.title }));
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
      onClose();
      onCreated(p);
    },
    onError: (error) => {
      const issue = isApiError(error)
        ? (error.issues.find((i) => i.field === 'file') ??
          (error.field === 'file' ? { message: error.message } : undefined))
        : undefined;
      if (issue) setFileError(issue.message);
      else errors.onError(error);
    },
  });

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : [];
  const required = { required: true, message: t('validation.required') };

  return (
    <Form<ImportValues>
      form={form}
      layout="vertical"
      initialValues={{ bodyId, year, title: t('work.programmes.defaultTitle', { year }) }}
      onFinish={(v) => (file ? mutation.mutate(v) : setFileError(t('work.import.pickFile')))}
      aria-label={t('work.import.title')}
    >
      <Typography.Paragraph type="secondary">{t('work.import.intro')}</Typography.Paragraph>
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={onClose} />
      <Form.Item name="bodyId" label={t('work.programme.body')} rules={[required]}>
        <BodySelect asOf={asOf} aria-label={t('work.programme.body')} />
      </Form.Item>
      <Form.Item name="year" label={t('work.programme.year')} rules={[required]}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="title" label={t('work.programme.title')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        label={t('work.import.file')}
        required
        validateStatus={fileError ? 'error' : undefined}
        help={fileError ?? undefined}
      >
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => {
            // The server's limit for a spreadsheet (server/uploads/upload.limits.ts): said here before sending it.
            setFileError(f.size > IMPORT_MAX_BYTES ? t('work.import.tooLarge') : null);
            setFile(f);
            return Upload.LIST_IGNORE;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('work.import.drop')}</p>
        </Upload.Dragger>
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t('work.import.submit')} />
    </Form>
  );
}

type EditProps = { programme: Programme | null; onClose: () => void };

/** Sửa a programme's title and description. */
export function EditProgrammeModal({ programme, onClose }: EditProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={programme !== null}
      title={t('work.programme.editTitle')}
      onCancel={onClose}
      footer={null}
      width={600}
      destroyOnHidden
    >
      {programme ? <EditForm programme={programme} onClose={onClose} /> : null}
    </Modal>
  );
}

function EditForm({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const errors = useFormErrors(form, ['title', 'description']);
  const mutation = useMutation({
    mutationFn: (v: { title: string; description?: string }) =>
      updateProgramme(programme.id, {
        version: programme.version,
        title: v.title.trim(),
        description: v.description?.trim() ? v.description.trim() : null,
      }),
    onMutate: errors.reset,
    onSuccess: (p) => {
      void message.success(t('work.programme.saved', { title: p.title }));
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
      onClose();
    },
    onError: errors.onError,
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: WORK_KEY });
    onClose();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ title: programme.title, description: programme.description ?? '' }}
      onFinish={(v) => mutation.mutate(v)}
      aria-label={t('work.programme.editTitle')}
    >
      <FormErrorAlerts formError={errors.formError} conflict={errors.conflict} onReload={reload} />
      {programme.copiedFromId ? (
        <Alert className="form-alert" type="info" showIcon title={t('work.programme.copiedNote')} />
      ) : null}
      <Form.Item
        name="title"
        label={t('work.programme.title')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={300} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('work.programme.description')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <FormActions onCancel={onClose} submitting={mutation.isPending} />
    </Form>
  );
}
