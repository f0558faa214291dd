import imageCompression from 'browser-image-compression';
import { uploadFile, type FileItem } from './work.api.ts';

/** What POST /api/uploads takes: images, PDF, Word and Excel. */
export const UPLOAD_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
export const UPLOAD_LIMIT = 20 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const ALLOWED_EXT = /\.(jpe?g|png|webp|pdf|docx|xlsx)$/i;

/** Whether the browser thinks the file is one the server accepts (the server checks the content again). */
export function acceptable(file: File): boolean {
  return IMAGE_TYPES.has(file.type) || ALLOWED_EXT.test(file.name);
}

/**
 * Photos from a phone are shrunk before upload (long side ≤ 1,600 px, about 0.5 MB), so evidence sent over a
 * village's mobile connection stays small; other files go as they are. A failed shrink sends the original.
 */
export async function shrinkImage(file: File): Promise<File> {
  if (!IMAGE_TYPES.has(file.type) || file.size <= 300 * 1024) return file;
  try {
    // No web worker: its default loads the library from a CDN, which an office network may block.
    const out = await imageCompression(file, {
      maxSizeMB: 0.5,
      maxWidthOrHeight: 1600,
      useWebWorker: false,
      initialQuality: 0.85,
    });
    if (out.size >= file.size) return file;
    return new File([out], file.name, { type: out.type || file.type, lastModified: Date.now() });
  } catch {
    return file;
  }
}

/** Shrinks (images) and uploads one file; throws the server's error. */
export async function shrinkAndUpload(file: File): Promise<FileItem> {
  return uploadFile(await shrinkImage(file));
}

/** 1,5 MB / 320 KB, Vietnamese decimals. */
export function formatSize(bytes: number, locale: string): string {
  const nf = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${nf(bytes / 1024 / 1024)} MB`;
  return `${nf(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
