import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { LimitExceeded, RATIO_FLOOR_BYTES, type UploadLimits } from './upload.limits.ts';

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number; entry: yauzl.Entry };

/** A ZIP read from its central directory: the entries it declares, each opened as a stream on demand. */
export type Archive = {
  entryCount: number;
  next(): Promise<ZipEntry | null>;
  open(e: ZipEntry): Promise<Readable>;
  close(): void;
};

/** Thrown for a buffer that is not a ZIP yauzl can read (its message is yauzl's). */
export class BrokenArchive extends Error {}

/**
 * Opens a ZIP held in memory with yauzl. yauzl reads the central directory only (nothing is inflated until an entry
 * is opened), inflates with Node's asynchronous zlib, and fails an entry's stream as soon as it yields more or fewer
 * bytes than its header declares: the declared sizes checked here bound what inflating can produce.
 */
export function openArchive(data: Buffer): Promise<Archive> {
  return new Promise((resolve, reject) => {
    // Names are read as bytes: yauzl would refuse "/xl/…", which some writers produce and spreadsheet readers accept.
    yauzl.fromBuffer(
      data,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(new BrokenArchive(err?.message ?? 'not a zip'));
        let failed: Error | null = null;
        let waiting: { resolve: (e: ZipEntry | null) => void; reject: (e: Error) => void } | null = null;
        zip.on('entry', (entry: yauzl.Entry) => {
          const name = (entry.fileName as unknown as Buffer).toString('utf8').replace(/^\/+/, '');
          waiting?.resolve({
            name,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            entry,
          });
          waiting = null;
        });
        zip.on('end', () => {
          waiting?.resolve(null);
          waiting = null;
        });
        zip.on('error', (e: Error) => {
          failed = new BrokenArchive(e.message);
          waiting?.reject(failed);
          waiting = null;
        });
        resolve({
          entryCount: zip.entryCount,
          next: () =>
            new Promise<ZipEntry | null>((res, rej) => {
              if (failed) return rej(failed);
              waiting = { resolve: res, reject: rej };
              zip.readEntry();
            }),
          open: (e) =>
            new Promise<Readable>((res, rej) =>
              zip.openReadStream(e.entry, (openErr, stream) =>
                openErr || !stream ? rej(new BrokenArchive(openErr?.message ?? 'unreadable entry')) : res(stream),
              ),
            ),
          close: () => zip.close(),
        });
      },
    );
  });
}

/**
 * Checks an XLSX's central directory before anything is inflated: the number of entries, the total of their declared
 * unzipped sizes and each large entry's compression ratio. Returns the entries; throws UPLOAD_TOO_COMPLEX naming the
 * limit (LimitExceeded), or BrokenArchive.
 */
export async function checkArchive(archive: Archive, limits: UploadLimits): Promise<ZipEntry[]> {
  if (archive.entryCount > limits.entries) throw new LimitExceeded('entries', limits.entries);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let e = await archive.next(); e; e = await archive.next()) {
    entries.push(e);
    if (entries.length > limits.entries) throw new LimitExceeded('entries', limits.entries);
    total += e.uncompressedSize;
    if (total > limits.uncompressedBytes) throw new LimitExceeded('uncompressedBytes', limits.uncompressedBytes);
    if (
      e.uncompressedSize >= RATIO_FLOOR_BYTES &&
      e.uncompressedSize > limits.compressionRatio * Math.max(1, e.compressedSize)
    )
      throw new LimitExceeded('compressionRatio', limits.compressionRatio);
  }
  return entries;
}
