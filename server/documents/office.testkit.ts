import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** For tests of office files (DESIGN §9): convert with LibreOffice to PDF, then read the text with pdftotext. */

const run = promisify(execFile);

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why office tests cannot run here (null: they can). In CI they never skip: a missing office suite fails them. */
export const officeSkipReason: string | null =
  process.env.CI === 'true'
    ? null
    : !has('soffice')
      ? 'LibreOffice (soffice) is not installed: install libreoffice-writer-nogui and libreoffice-calc-nogui to run the office-file tests'
      : !has('pdftotext')
        ? 'pdftotext is not installed: install poppler-utils to run the office-file tests'
        : null;

let profile: string | null = null;
/** This worker's LibreOffice profile folder. */
function profileDir(): string {
  const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
  profile ??= path.join(os.tmpdir(), `lo-${process.pid}-${worker}`);
  return profile;
}

/** Removes this worker's LibreOffice profile (call it after the file's office tests). */
export function removeOfficeProfile(): void {
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  profile = null;
}

/** The text of an office file as LibreOffice renders it (NFC, whitespace collapsed to single spaces). One profile
 * folder per test worker, so parallel workers do not share LibreOffice's lock. */
export async function officeText(data: Buffer, ext: 'docx' | 'xlsx'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-office-'));
  const profile = `file://${profileDir()}`;
  try {
    const file = path.join(dir, `file.${ext}`);
    fs.writeFileSync(file, data);
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, file],
      { timeout: 120_000 },
    );
    const pdf = path.join(dir, 'file.pdf');
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert the ${ext} file`);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {
      timeout: 60_000,
      maxBuffer: 20 * 1024 * 1024,
    });
    return stdout.normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
