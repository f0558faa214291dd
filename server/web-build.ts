import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const STAMP = '.khoi-build-hash';
/** The files of web/dist/assets that its own build wrote (the rest are the previous build's, carried over). */
const OWN_ASSETS = '.khoi-build-assets';

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** What the build writes besides Vite's output; a change here rebuilds (1: the compressed copies). */
const BUILD_STEPS = 'precompressed-1';

/** A hash of everything the web build depends on. */
export function webSourceHash(): string {
  const files: string[] = [];
  walk(WEB, files);
  for (const f of ['vite.config.ts', 'package-lock.json'])
    if (fs.existsSync(path.join(ROOT, f))) files.push(path.join(ROOT, f));
  const h = crypto.createHash('sha256');
  h.update(BUILD_STEPS);
  for (const f of files.sort()) {
    h.update(path.relative(ROOT, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

export type WebBuildOptions = {
  /** the folder holding the web app's sources and its `dist` (default web/) */
  webDir?: string;
  /** the sources' hash (default webSourceHash) */
  hash?: () => string;
  /** writes the built app into `outDir` (default Vite) */
  build?: (outDir: string) => Promise<void>;
  /** how long to wait for another process's build before building anyway */
  lockWaitMs?: number;
};

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

function isCurrent(dist: string, hash: string): boolean {
  try {
    return (
      fs.readFileSync(path.join(dist, STAMP), 'utf8').trim() === hash && fs.existsSync(path.join(dist, 'index.html'))
    );
  } catch {
    return false;
  }
}

/** Builds the web app only when its sources changed since the last build. Returns whether it built.
 *
 * Several servers or test runs may start at once from one checkout, and a running one serves `dist` meanwhile. So
 * one process builds at a time (a lock file; the others wait, then find the build done), and the build goes into a
 * folder of its own that replaces `dist` by a rename only once complete: nobody reads a half-written `dist`, and a
 * build that fails or is killed leaves the previous one in place. */
export async function ensureWebBuilt(log: (m: string) => void, opts: WebBuildOptions = {}): Promise<boolean> {
  const webDir = opts.webDir ?? WEB;
  const dist = path.join(webDir, 'dist');
  const hash = (opts.hash ?? webSourceHash)();
  if (isCurrent(dist, hash)) return false;
  const release = await takeLock(path.join(webDir, '.dist-lock'), opts.lockWaitMs ?? 10 * 60_000, log);
  try {
    if (isCurrent(dist, hash)) return false;
    log('Building the web app (first start or changed sources) …');
    const started = Date.now();
    // Not mkdtemp, whose 0700 would become the served folder's mode.
    const out = path.join(webDir, `.dist-build-${crypto.randomBytes(6).toString('hex')}`);
    fs.mkdirSync(out);
    try {
      await (opts.build ?? viteBuild)(out);
      const assets = path.join(out, 'assets');
      fs.mkdirSync(assets, { recursive: true });
      precompress(assets);
      fs.writeFileSync(path.join(out, OWN_ASSETS), fs.readdirSync(assets).join('\n') + '\n');
      carryOverAssets(dist, assets);
      fs.writeFileSync(path.join(out, STAMP), hash + '\n');
      replaceDir(out, dist);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return true;
  } finally {
    release();
  }
}

/** A page loaded from the previous build (by a server still running it, or a browser tab open across an upgrade) asks
 * for that build's scripts later; their names carry their content's hash, so they stay alongside, one build back. */
function carryOverAssets(previousDist: string, next: string): void {
  let own: string[];
  try {
    own = fs.readFileSync(path.join(previousDist, OWN_ASSETS), 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  for (const name of own) {
    if (path.basename(name) !== name || fs.existsSync(path.join(next, name))) continue;
    try {
      fs.copyFileSync(path.join(previousDist, 'assets', name), path.join(next, name));
    } catch {
      /* gone already: nothing to carry */
    }
  }
}

/** Puts the complete folder `from` in the place of `to`. Between the two renames `to` is missing for an instant
 * (a reader then sees no build, never a partial one); a `to` that reappears in between (a build that did not wait for
 * the lock) is moved aside again. */
function replaceDir(from: string, to: string): void {
  const parent = path.dirname(to);
  for (let attempt = 1; ; attempt++) {
    const old = path.join(parent, `.dist-old-${crypto.randomBytes(6).toString('hex')}`);
    let moved = false;
    try {
      fs.renameSync(to, old);
      moved = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    try {
      fs.renameSync(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 5) throw err;
    } finally {
      if (moved) fs.rmSync(old, { recursive: true, force: true });
    }
  }
}

type LockHolder = { pid: number; host: string; at: number; token: string };
/** The locks this process holds: a lock naming this pid but not held here was left by an earlier process that had
 * the same pid (a container's first process is always 1). */
const heldHere = new Set<string>();

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock whose holder is gone (a build killed midway); one taken on another machine (a shared folder), whose
 * process cannot be asked, once it is older than any build takes. */
function isStale(holder: LockHolder | null): boolean {
  if (!holder || typeof holder.pid !== 'number') return true;
  if (holder.host !== os.hostname()) return Date.now() - holder.at > 60 * 60_000;
  if (holder.pid === process.pid) return !heldHere.has(holder.token);
  return !pidAlive(holder.pid);
}

/** Takes the build lock, waiting at most `waitMs` for another build; past that, goes on without it (the build's own
 * folder and the rename keep a second build harmless, only slower). Returns the release. */
async function takeLock(file: string, waitMs: number, log: (m: string) => void): Promise<() => void> {
  const token = crypto.randomBytes(9).toString('base64url');
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    // Written whole, then linked into place: the link fails if a lock exists, and nobody reads a half-written one.
    const mine = `${file}.${token}`;
    fs.writeFileSync(
      mine,
      JSON.stringify({ pid: process.pid, host: os.hostname(), at: Date.now(), token } satisfies LockHolder),
    );
    try {
      fs.linkSync(mine, file);
      heldHere.add(token);
      return () => {
        heldHere.delete(token);
        if (readHolder(file)?.token === token) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(mine, { force: true });
    }
    const holder = readHolder(file);
    if (isStale(holder)) {
      // Removed only if it is still the stale one read above, not a lock just taken by another process.
      if (readHolder(file)?.token === holder?.token) fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      log(`The web app's build lock (${file}) is still held after ${Math.round(waitMs / 1000)} s; building anyway.`);
      return () => undefined;
    }
    if (!told) {
      log(`Another process (pid ${holder?.pid}) is building the web app; waiting for it …`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Writes a brotli and a gzip copy beside each built script and style sheet, which the server sends to a browser that
 * accepts them (@fastify/static's preCompressed) with no compressing per request: the app's 2 MB of JavaScript
 * arrive as 0.53 MB (brotli) or 0.61 MB (gzip) on a commune's mobile connection. Brotli at quality 9: 0.4 s for
 * the main script, 8 % larger than quality 11, which takes 6 s. */
function precompress(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const file = path.join(dir, name);
    const body = fs.readFileSync(file);
    if (body.length < 1024) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  }
}
