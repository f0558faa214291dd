import fs from 'node:fs';
import path from 'node:path';

/** Where file bytes live. On disk by default; an S3-compatible store implements the same three calls. */
export type FileStore = {
  put: (key: string, data: Buffer) => Promise<void>;
  get: (key: string) => Promise<Buffer | null>;
  remove: (key: string) => Promise<void>;
};

/** Files under `<dataDir>/files/<first two hex of the key>/<key>`, written atomically (temp file + rename). */
export function diskFileStore(root: string): FileStore {
  const where = (key: string) => {
    if (!/^[a-f0-9-]{16,80}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    put: async (key, data) => {
      const file = where(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const fh = await fs.promises.open(tmp, 'w', 0o640);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.promises.rename(tmp, file);
    },
    get: async (key) => {
      try {
        return await fs.promises.readFile(where(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    remove: async (key) => {
      await fs.promises.rm(where(key), { force: true });
    },
  };
}

/** The file type from its first bytes (never trust the name or the browser's content type). */
export function sniffImage(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    data.length >= 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

const ZIP_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The type of an evidence or attachment file from its first bytes: images, PDF, or a Word/Excel file (a zip
 * package named .docx/.xlsx). Anything else is refused. */
export function sniffDocument(data: Buffer, filename: string): string | null {
  const image = sniffImage(data);
  if (image) return image;
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04 && ZIP_TYPES[ext])
    return ZIP_TYPES[ext];
  return null;
}
