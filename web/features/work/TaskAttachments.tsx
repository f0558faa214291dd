import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { errorText } from '../../ui/errors.ts';
import { FileList } from './FileList.tsx';
import { acceptable, shrinkAndUpload, UPLOAD_ACCEPT } from './upload.ts';
import { useTaskMutation } from './useTaskMutation.ts';
import { attachFile, type TaskDetail } from './work.api.ts';

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
