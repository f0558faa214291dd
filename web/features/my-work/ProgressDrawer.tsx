import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Slider,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DATE_FORMAT, todayInVietnam } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { errorText } from '../../ui/errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import { PersonSelect } from '../people/PersonSelect.tsx';
import { formatSize, shrinkAndUpload } from '../work/upload.ts';
import { getTask, reportProgress, taskKey, WORK_KEY, type Task, type TaskDetail } from '../work/work.api.ts';
import { taskPath } from '../work/work.paths.ts';

type Props = { task: Task | null; onClose: () => void };

/** "Báo cáo tiến độ" from a card: a drawer from the bottom on a phone, from the right on a computer. */
export function ProgressDrawer({ task, onClose }: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      placement={wide ? 'right' : 'bottom'}
      size={wide ? 520 : '92%'}
      title={t('myWork.report.title')}
      destroyOnHidden
      className="mywork-drawer"
    >
      {task ? <ProgressLoader task={task} onClose={onClose} /> : null}
    </Drawer>
  );
}

function ProgressLoader({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: taskKey(task.id), queryFn: ({ signal }) => getTask(task.id, signal) });
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (detail.isError) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(detail.error, t)} />;
  return <ProgressForm detail={detail.data} onClose={onClose} />;
}

/** What the report is about: the whole task, or one cooperating body's part of it. */
type Target = { key: string; cooperatorId?: string; label: string; progress: number };

type Values = {
  target: string;
  progress: number;
  note?: string;
  who: 'me' | 'other';
  reportedByPersonId?: string | null;
  reportedOn: Dayjs;
};

type Photo = { file: File; url: string };

const FIELDS = ['progress', 'note', 'reportedByPersonId', 'reportedOn', 'target'] as const;

function ProgressForm({ detail, onClose }: { detail: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, FIELDS, { cooperatorId: 'target' });
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const galleryInput = useRef<HTMLInputElement>(null);
  const { task, permissions } = detail;

  // Object URLs of the previews are released when the drawer closes.
  const photosRef = useRef(photos);
  useEffect(() => {
    photosRef.current = photos;
  }, [photos]);
  useEffect(() => () => photosRef.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const targets: Target[] = [
    ...(permissions.report ? [{ key: 'task', label: t('myWork.report.wholeTask'), progress: task.progress }] : []),
    ...detail.cooperators
      .filter((c) => permissions.reportParts.includes(c.id))
      .map((c) => ({
        key: c.id,
        cooperatorId: c.id,
        label: t('myWork.report.part', { body: c.bodyName }),
        progress: c.progress,
      })),
  ];
  const who = Form.useWatch('who', form);

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const target = targets.find((x) => x.key === v.target) ?? targets[0]!;
      const fileIds: string[] = [];
      setUploading(photos.length ? { done: 0, total: photos.length } : null);
      try {
        for (const p of photos) {
          fileIds.push((await shrinkAndUpload(p.file)).id);
          setUploading((u) => (u ? { ...u, done: u.done + 1 } : u));
        }
      } finally {
        setUploading(null);
      }
      return reportProgress(task.id, {
        progress: v.progress,
        note: v.note?.trim() ? v.note.trim() : undefined,
        cooperatorId: target.cooperatorId,
        reportedByPersonId: v.who === 'other' ? (v.reportedByPersonId ?? null) : undefined,
        reportedOn: v.reportedOn.format('YYYY-MM-DD'),
        fileIds,
      });
    },
    onMutate: errors.reset,
    onSuccess: () => {
      void message.success(t('myWork.report.saved', { title: task.title }));
      void queryClient.invalidateQueries({ queryKey: WORK_KEY });
      onClose();
    },
    onError: errors.onError,
  });

  if (targets.length === 0) {
    return (
      <Flex vertical gap={12}>
        <Typography.Text strong>{task.title}</Typography.Text>
        <Alert type="info" showIcon title={t('myWork.report.notAllowed')} />
        <Link to={taskPath(task.id)}>{t('myWork.openTask')}</Link>
      </Flex>
    );
  }

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const images = [...list].filter((f) => f.type.startsWith('image/'));
    if (images.length < list.length) void message.warning(t('myWork.report.onlyImages'));
    setPhotos((prev) => [...prev, ...images.map((file) => ({ file, url: URL.createObjectURL(file) }))].slice(0, 20));
  };
  const removePhoto = (p: Photo) => {
    URL.revokeObjectURL(p.url);
    setPhotos((prev) => prev.filter((x) => x !== p));
  };

  const today = todayInVietnam();
  const required = { required: true, message: t('validation.required') };
  const initial: Values = {
    target: targets[0]!.key,
    progress: Math.round(targets[0]!.progress),
    note: '',
    who: 'me',
    reportedByPersonId: null,
    reportedOn: today,
  };
  const locale = currentLocale();

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => mutation.mutate(v)}
      onValuesChange={(changed: Partial<Values>) => {
        // Choosing another part starts from that part's own progress.
        if (changed.target)
          form.setFieldValue('progress', Math.round(targets.find((x) => x.key === changed.target)?.progress ?? 0));
      }}
      aria-label={t('myWork.report.title')}
      className="mywork-report-form"
    >
      <Typography.Paragraph strong className="mywork-report-task">
        {task.title}
      </Typography.Paragraph>
      <FormErrorAlerts
        formError={errors.formError}
        conflict={errors.conflict}
        onReload={() => void queryClient.invalidateQueries({ queryKey: WORK_KEY })}
      />
      {targets.length > 1 ? (
        <Form.Item name="target" label={t('myWork.report.target')}>
          <Select options={targets.map((x) => ({ value: x.key, label: x.label }))} />
        </Form.Item>
      ) : null}
      <Form.Item label={t('myWork.report.progress')} required>
        <Flex gap={12} align="center">
          <Form.Item name="progress" noStyle>
            <Slider
              min={0}
              max={100}
              step={5}
              className="mywork-slider"
              tooltip={{ formatter: (v) => `${v ?? 0} %` }}
              ariaLabelForHandle={t('common.progressSlider')}
            />
          </Form.Item>
          <Form.Item name="progress" noStyle rules={[required]}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              suffix="%"
              className="mywork-percent"
              aria-label={t('myWork.report.progress')}
              inputMode="numeric"
            />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item name="note" label={t('myWork.report.note')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={5000}
          placeholder={t('myWork.report.notePlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('myWork.report.photos')} extra={t('myWork.report.photosHelp')}>
        <Flex gap={8} wrap>
          <Button icon={<CameraOutlined aria-hidden />} onClick={() => cameraInput.current?.click()}>
            {t('myWork.report.takePhoto')}
          </Button>
          <Button icon={<PictureOutlined aria-hidden />} onClick={() => galleryInput.current?.click()}>
            {t('myWork.report.choosePhotos')}
          </Button>
        </Flex>
        <input
          ref={cameraInput}
          type="file"
          accept="image/*"
          capture="environment"
          className="mywork-file-input"
          style={{ display: 'none' }}
          tabIndex={-1}
          aria-label={t('myWork.report.takePhoto')}
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <input
          ref={galleryInput}
          type="file"
          accept="image/*"
          multiple
          className="mywork-file-input"
          style={{ display: 'none' }}
          tabIndex={-1}
          aria-label={t('myWork.report.choosePhotos')}
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {photos.length ? (
          <ul className="mywork-photos">
            {photos.map((p) => (
              <li key={p.url}>
                <img src={p.url} alt={p.file.name} />
                <span className="mywork-photo-size">{formatSize(p.file.size, locale)}</span>
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined aria-hidden />}
                  className="mywork-photo-remove"
                  aria-label={t('myWork.report.removePhoto', { name: p.file.name })}
                  onClick={() => removePhoto(p)}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </Form.Item>
      <Form.Item name="who" label={t('myWork.report.who')}>
        <Radio.Group
          options={[
            { value: 'me', label: t('myWork.report.whoMe') },
            { value: 'other', label: t('myWork.report.whoOther') },
          ]}
        />
      </Form.Item>
      {who === 'other' ? (
        <Form.Item
          name="reportedByPersonId"
          label={t('myWork.report.reportedBy')}
          extra={t('myWork.report.reportedByHelp')}
          rules={[required]}
        >
          <PersonSelect aria-label={t('myWork.report.reportedBy')} />
        </Form.Item>
      ) : null}
      <Form.Item name="reportedOn" label={t('myWork.report.reportedOn')} rules={[required]}>
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          allowClear={false}
          disabledDate={(d) => d.isAfter(today, 'day')}
          style={{ width: '100%' }}
          inputReadOnly
        />
      </Form.Item>
      {uploading ? (
        <Alert
          className="form-alert"
          type="info"
          showIcon
          title={t('myWork.report.uploading', { done: uploading.done, total: uploading.total })}
        />
      ) : null}
      <FormActions onCancel={onClose} submitting={mutation.isPending} submitLabel={t('myWork.report.submit')} />
    </Form>
  );
}
