import { FileExcelOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Image } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n.ts';
import { formatSize } from './upload.ts';
import type { FileItem } from './work.api.ts';

type F = Pick<FileItem, 'id' | 'filename' | 'contentType' | 'size' | 'url'>;

function iconOf(type: string) {
  if (type === 'application/pdf') return <FilePdfOutlined aria-hidden className="work-file-icon work-file-pdf" />;
  if (type.includes('wordprocessingml'))
    return <FileWordOutlined aria-hidden className="work-file-icon work-file-word" />;
  if (type.includes('spreadsheetml'))
    return <FileExcelOutlined aria-hidden className="work-file-icon work-file-excel" />;
  return <FileOutlined aria-hidden className="work-file-icon" />;
}

/** Evidence and attachments: images as thumbnails (tap to enlarge), other files as links with their size. */
export function FileList({ files }: { files: readonly F[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  const images = files.filter((f) => f.contentType.startsWith('image/'));
  const others = files.filter((f) => !f.contentType.startsWith('image/'));
  return (
    <div className="work-files">
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <div className="work-thumbs">
            {images.map((f) => (
              <Image key={f.id} src={f.url} alt={f.filename} width={72} height={72} className="work-thumb" />
            ))}
          </div>
        </Image.PreviewGroup>
      ) : null}
      {others.length > 0 ? (
        <ul className="work-file-list">
          {others.map((f) => (
            <li key={f.id}>
              <a href={f.url} target="_blank" rel="noreferrer" aria-label={t('work.files.open', { name: f.filename })}>
                {iconOf(f.contentType)} <span className="work-file-name">{f.filename}</span>
              </a>{' '}
              <span className="muted">({formatSize(f.size, currentLocale())})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
