import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from './web-build.ts';

// The build step is a fake that writes a small app in several turns of the event loop, so that two builds in
// flight interleave as two processes' Vite builds would.
const SCRIPT = 'console.log("Khối");\n'.repeat(200);

function fakeBuilder(name: string, gate?: Promise<void>) {
  const calls: string[] = [];
  const build = async (outDir: string) => {
    calls.push(outDir);
    await gate;
    fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true });
    await fs.promises.writeFile(path.join(outDir, 'assets', `${name}.js`), SCRIPT);
    await fs.promises.writeFile(path.join(outDir, 'index.html'), `<script src="/assets/${name}.js"></script>`);
  };
  return { build, calls };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A web folder whose dist is an older build. */
function webFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-web-build-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'index.html'), 'old');
  fs.writeFileSync(path.join(dir, 'dist', '.khoi-build-hash'), 'old-hash\n');
  return dir;
}

function expectCompleteBuild(dir: string, name: string, hash: string) {
  const dist = path.join(dir, 'dist');
  expect(fs.readFileSync(path.join(dist, '.khoi-build-hash'), 'utf8').trim()).toBe(hash);
  expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain(`/assets/${name}.js`);
  const script = fs.readFileSync(path.join(dist, 'assets', `${name}.js`), 'utf8');
  expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, 'assets', `${name}.js.br`))).toString()).toBe(
    script,
  );
  expect(zlib.gunzipSync(fs.readFileSync(path.join(dist, 'assets', `${name}.js.gz`))).toString()).toBe(script);
  // No build folder, lock or moved-aside dist left behind.
  expect(fs.readdirSync(dir)).toEqual(['dist']);
}

const quiet = () => undefined;

describe('building the web app', () => {
  it('builds once when two starts find changed sources at the same time: the second waits and finds it built', async () => {
    const dir = webFolder();
    const fake = fakeBuilder('app-new');
    const results = await Promise.all([
      ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build }),
      ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build }),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(fake.calls).toHaveLength(1);
    expectCompleteBuild(dir, 'app-new', 'new-hash');
    expect(await ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build })).toBe(false);
  });

  it('keeps two builds that do not wait for each other apart, each whole, the last one in place', async () => {
    const dir = webFolder();
    // Neither build may finish before both have started.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const fake = fakeBuilder('app-new', gate);
    const both = Promise.all([
      ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build, lockWaitMs: 0 }),
      ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build, lockWaitMs: 0 }),
    ]);
    await expect.poll(() => fake.calls.length).toBe(2);
    expect(new Set(fake.calls).size).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8')).toBe('old');
    open();
    expect(await both).toEqual([true, true]);
    expectCompleteBuild(dir, 'app-new', 'new-hash');
  });

  it('leaves the previous build in place when the build fails, and builds at the next start', async () => {
    const dir = webFolder();
    const failing = (outDir: string) => {
      fs.writeFileSync(path.join(outDir, 'index.html'), 'half');
      return Promise.reject(new Error('vite: syntax error'));
    };
    await expect(ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: failing })).rejects.toThrow(
      'syntax error',
    );
    expect(fs.readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['dist']);

    const fake = fakeBuilder('app-new');
    expect(await ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build })).toBe(true);
    expectCompleteBuild(dir, 'app-new', 'new-hash');
  });

  it('takes over a lock left by a build that was killed, also one that had this process id', async () => {
    for (const pid of [spawnSync('true').pid, process.pid]) {
      const dir = webFolder();
      fs.writeFileSync(
        path.join(dir, '.dist-lock'),
        JSON.stringify({ pid, host: os.hostname(), at: Date.now(), token: 'killed' }),
      );
      const fake = fakeBuilder('app-new');
      expect(await ensureWebBuilt(quiet, { webDir: dir, hash: () => 'new-hash', build: fake.build })).toBe(true);
      expectCompleteBuild(dir, 'app-new', 'new-hash');
    }
  });

  it('waits a bounded time for a live build, then builds anyway', async () => {
    const dir = webFolder();
    const lock = JSON.stringify({ pid: process.ppid, host: os.hostname(), at: Date.now(), token: 'parent' });
    fs.writeFileSync(path.join(dir, '.dist-lock'), lock);
    const said: string[] = [];
    const fake = fakeBuilder('app-new');
    expect(
      await ensureWebBuilt((m) => said.push(m), {
        webDir: dir,
        hash: () => 'new-hash',
        build: fake.build,
        lockWaitMs: 300,
      }),
    ).toBe(true);
    expect(said.join('\n')).toMatch(/waiting for it[\s\S]*building anyway/);
    // The other process's lock is its own to remove.
    expect(fs.readFileSync(path.join(dir, '.dist-lock'), 'utf8')).toBe(lock);
  });

  it("keeps the previous build's scripts one build longer, for pages loaded before the new build replaced it", async () => {
    const dir = webFolder();
    await ensureWebBuilt(quiet, { webDir: dir, hash: () => 'hash-1', build: fakeBuilder('app-1').build });
    await ensureWebBuilt(quiet, { webDir: dir, hash: () => 'hash-2', build: fakeBuilder('app-2').build });
    const assets = () => fs.readdirSync(path.join(dir, 'dist', 'assets')).sort();
    expect(assets()).toEqual(['app-1.js', 'app-1.js.br', 'app-1.js.gz', 'app-2.js', 'app-2.js.br', 'app-2.js.gz']);
    await ensureWebBuilt(quiet, { webDir: dir, hash: () => 'hash-3', build: fakeBuilder('app-3').build });
    expect(assets()).toEqual(['app-2.js', 'app-2.js.br', 'app-2.js.gz', 'app-3.js', 'app-3.js.br', 'app-3.js.gz']);
  });
});
