import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Typography, Upload, type UploadFile } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/errors.ts';
import { acceptable, shrinkAndUpload, UPLOAD_ACCEPT, UPLOAD_LIMIT } from './upload.ts';
import type { FileItem } from './work.api.ts';

/** An uploaded (or uploading, or refused) file in a form. */
export type Picked = UploadFile<FileItem>;

type Props = {
  value: Picked[];
  onChange: (next: Picked[] | ((prev: Picked[]) => Picked[])) => void;
  /** At most this many files (a progress report takes 20). */
  max?: number;
  label?: string;
  disabled?: boolean;
  /** A "Chụp ảnh" button beside the picker, which opens a phone's camera. */
  camera?: boolean;
};

/** The ids of the files that finished uploading. */
export const uploadedIds = (list: readonly Picked[]) =>
  list.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

/**
 * Evidence files: each is shrunk (photos) and sent to /api/uploads as soon as it is picked, so the report itself only
 * carries ids. Photos show as thumbnails; a refused file shows why.
 */
export function EvidenceUpload({ value, onChange, max = 20, label, disabled, camera }: Props) {
  const { t } = useTranslation();
  const cameraInput = useRef<HTMLInputElement>(null);
  const full = disabled || value.length >= max;
  const pick = (file: File) => {
    const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const base: Picked = { uid, name: file.name, size: file.size, type: file.type };
    if (!acceptable(file)) {
      onChange((prev) => [...prev, { ...base, status: 'error', error: new Error(t('work.files.badType')) }]);
      return;
    }
    if (file.size > UPLOAD_LIMIT && !file.type.startsWith('image/')) {
      onChange((prev) => [...prev, { ...base, status: 'error', error: new Error(t('work.files.tooLarge')) }]);
      return;
    }
    onChange((prev) => [...prev, { ...base, status: 'uploading', percent: 30 }]);
    shrinkAndUpload(file)
      .then((item) =>
        onChange((prev) =>
          prev.map((f) =>
            f.uid === uid
              ? {
                  ...f,
                  status: 'done',
                  percent: 100,
                  response: item,
                  url: item.url,
                  thumbUrl: item.contentType.startsWith('image/') ? item.url : undefined,
                }
              : f,
          ),
        ),
      )
      .catch((e: unknown) =>
        onChange((prev) =>
          prev.map((f) => (f.uid === uid ? { ...f, status: 'error', error: new Error(errorText(e, t)) } : f)),
        ),
      );
  };
  return (
    <div className="work-evidence">
      {camera ? (
        <>
          <Button
            icon={<CameraOutlined aria-hidden />}
            disabled={full}
            onClick={() => cameraInput.current?.click()}
            className="work-camera-button"
            style={{ marginInlineEnd: 8, marginBottom: 8 }}
          >
            {t('work.files.takePhoto')}
          </Button>
          <input
            ref={cameraInput}
            type="file"
            accept="image/*"
            capture="environment"
            style={{ display: 'none' }}
            tabIndex={-1}
            aria-label={t('work.files.takePhoto')}
            className="work-camera-input"
            onChange={(e) => {
              for (const file of e.target.files ?? []) pick(file);
              e.target.value = '';
            }}
          />
        </>
      ) : null}
      <Upload<FileItem>
        accept={UPLOAD_ACCEPT}
        multiple
        listType="picture"
        fileList={value}
        beforeUpload={(file) => {
          pick(file);
          return Upload.LIST_IGNORE;
        }}
        onRemove={(f) => onChange((prev) => prev.filter((x) => x.uid !== f.uid))}
        disabled={disabled}
        showUploadList={{ showPreviewIcon: false, showDownloadIcon: false }}
      >
        <Button icon={<PaperClipOutlined aria-hidden />} disabled={full}>
          {label ?? t('work.files.pick')}
        </Button>
      </Upload>
      {value.some((f) => f.status === 'error') ? (
        <ul className="work-evidence-errors" aria-live="polite">
          {value.flatMap((f) =>
            f.status === 'error'
              ? [
                  <li key={f.uid}>
                    {t('work.files.refused', { name: f.name, reason: f.error instanceof Error ? f.error.message : '' })}
                  </li>,
                ]
              : [],
          )}
        </ul>
      ) : null}
      <Typography.Text type="secondary" className="work-evidence-help">
        {t('work.files.help')}
      </Typography.Text>
    </div>
  );
}
