import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameInitial } from '../../lib/name-initial.ts';
import { errorText } from '../../ui/errors.ts';
import { deletePersonPhoto, PEOPLE_KEY, uploadPersonPhoto, type PersonDetail } from './people.api.ts';

const ACCEPT = '.jpg,.jpeg,.png,.webp';
const TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_SIDE = 800;
const JPEG_QUALITY = 0.85;

type Props = { personId: string; name: string; photoUrl: string | null; canChange: boolean };

/** Shrinks a photo larger than 800 px on its long side to a JPEG of that size; smaller ones are sent as they are. */
async function shrink(file: File): Promise<File> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file; // the server checks the content and says what is wrong
  }
  const { width, height } = bitmap;
  const scale = MAX_SIDE / Math.max(width, height);
  if (scale >= 1) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) {
    bitmap.close();
    return file;
  }
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  if (!blob) return file;
  return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' });
}

/** A person's photo (or the initial of the name), with Tải ảnh / Xóa ảnh for administrators and the person. */
export function PersonPhoto({ personId, name, photoUrl, canChange }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [broken, setBroken] = useState<string | null>(null);

  // The detail is not fetched again (each read of personal data is logged): only its photo is replaced.
  const adopt = (url: string | null) => {
    queryClient.setQueriesData<PersonDetail>({ queryKey: [...PEOPLE_KEY, 'detail', personId] }, (d) =>
      d ? { ...d, person: { ...d.person, photoUrl: url } } : d,
    );
    void queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'list'] });
  };

  const upload = useMutation({
    mutationFn: (file: File) => uploadPersonPhoto(personId, file),
    onMutate: () => setError(null),
    onSuccess: ({ photoUrl: url }) => {
      void message.success(t('people.photoSaved', { name }));
      adopt(url);
    },
    onError: (e) => setError(errorText(e, t)),
  });
  const remove = useMutation({
    mutationFn: () => deletePersonPhoto(personId),
    onMutate: () => setError(null),
    onSuccess: () => {
      void message.success(t('people.photoDeleted', { name }));
      adopt(null);
    },
    onError: (e) => setError(errorText(e, t)),
  });

  const pick = async (file: File) => {
    setError(null);
    if (!TYPES.has(file.type)) {
      setError(t('people.photoType'));
      return;
    }
    const sent = await shrink(file);
    if (sent.size > MAX_BYTES) {
      setError(t('people.photoTooLarge'));
      return;
    }
    upload.mutate(sent);
  };

  const confirmRemove = () => {
    modal.confirm({
      title: t('people.deletePhotoConfirm', { name }),
      okText: t('people.deletePhoto'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync().catch(() => undefined),
    });
  };

  const showImage = photoUrl && broken !== photoUrl;
  return (
    <Flex gap={16} align="center" className="person-photo">
      {showImage ? (
        <img
          className="person-photo-img"
          src={photoUrl}
          alt={t('people.photoAlt', { name })}
          onError={() => setBroken(photoUrl)}
        />
      ) : (
        <Avatar size={96} className="person-photo-avatar" aria-label={t('people.photoAlt', { name })}>
          {nameInitial(name)}
        </Avatar>
      )}
      {canChange ? (
        <Flex vertical gap={6} align="start">
          <Flex gap={8} wrap>
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                void pick(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
                {t('people.uploadPhoto')}
              </Button>
            </Upload>
            {photoUrl ? (
              <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending} onClick={confirmRemove}>
                {t('people.deletePhoto')}
              </Button>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" className="person-photo-help">
            {t('people.photoHelp')}
          </Typography.Text>
          {error ? <Alert type="error" showIcon title={error} className="person-photo-error" /> : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
