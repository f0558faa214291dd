import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, 'web', 'dist', '.khoi-build-hash');

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** A hash of everything the web build depends on. */
export function webSourceHash(): string {
  const files: string[] = [];
  walk(path.join(ROOT, 'web'), files);
  for (const f of ['vite.config.ts', 'package-lock.json']) if (fs.existsSync(path.join(ROOT, f))) files.push(path.join(ROOT, f));
  const h = crypto.createHash('sha256');
  for (const f of files.sort()) {
    h.update(path.relative(ROOT, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

/** Builds the web app only when its sources changed since the last build. Returns whether it built. */
export async function ensureWebBuilt(log: (m: string) => void): Promise<boolean> {
  const hash = webSourceHash();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash && fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) return false;
  log('Building the web app (first start or changed sources) …');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(STAMP, hash + '\n');
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
