import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/db/embedded.ts';
import { createTestDatabase } from './db.ts';

const BIN = path.resolve('bin/khoi.mjs');
const PASSWORD = 'mat-khau-quan-tri';

type Running = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

function baseEnv(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KHOI_DEMO_PASSWORD: 'mat-khau-demo-123' };
  delete env.DATABASE_URL;
  return {
    ...env,
    KHOI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    KHOI_SKIP_WEB_BUILD: 'true',
    ...extra,
  };
}

async function start(dataDir: string, extra: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: baseEnv(dataDir, port, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Ready when the server says it is running (it listens before it says so); fail if it exits first.
  await new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes('Khối is running at')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`khoi serve exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, port, output: () => out, exited };
}

function cli(dataDir: string, args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: baseEnv(dataDir, 0, extra),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

async function login(port: number, login: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  return res.status;
}

function pidFile(dataDir: string): string {
  return path.join(dataDir, 'pg', 'postmaster.pid');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterAlive(dataDir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(pidFile(dataDir), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// These start their own embedded server whatever the suite runs on: on another server's run (KHOI_TEST_DATABASE_URL)
// they would only repeat themselves.
describe.skipIf(Boolean(process.env.KHOI_TEST_DATABASE_URL))('khoi serve on the embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-life-'));
  const children: ChildProcess[] = [];
  /** servers started by npm, not our children */
  const grandchildren: number[] = [];

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const pid of grandchildren) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
    // Stop any server left by a failed assertion, then remove the folder.
    if (fs.existsSync(pidFile(dataDir))) {
      const { startEmbedded } = await import('../server/db/embedded.ts');
      const s = await startEmbedded({ dataDir }).catch(() => null);
      await s?.stop();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts in a fresh data folder, stops cleanly on SIGTERM, keeps data, and recovers after kill -9', async () => {
    const first = await start(dataDir);
    children.push(first.child);
    expect(await (await fetch(`http://127.0.0.1:${first.port}/api/health`)).json()).toEqual({
      status: 'ok',
      db: 'embedded',
    });
    expect(first.output()).toContain(`http://localhost:${first.port}`);
    // The demo's fixed accounts are ready with the printed password (KHOI_DEMO_PASSWORD when set).
    expect(first.output()).toContain('Demo accounts: admin@khoi.local');
    expect(first.output()).toContain('Demo password: (KHOI_DEMO_PASSWORD)');
    expect(await login(first.port, 'mongcai@khoi.local', 'mat-khau-demo-123')).toBe(200);
    // A new embedded database gets the demo data by itself; importing Quảng Ninh again changes nothing.
    expect(first.output()).toMatch(/Demo data loaded: 244 units, 183 links, \d+ villages, \d+ bodies, \d+ people/);
    const again = cli(dataDir, ['import', 'units', '--province', '22']);
    expect(again.out).toContain('Units:    0 added, 0 changed, 244 unchanged');
    expect(again.code).toBe(0);
    const badSnapshot = cli(dataDir, ['import', 'units', '/nonexistent.json', '--date', '2026-01-01']);
    expect(badSnapshot.code).toBe(1);
    expect(badSnapshot.out).toContain('Cannot read /nonexistent.json');

    // The CLI works against the running server's database.
    const add = cli(dataDir, ['user', 'add', '--login', 'quantri', '--password', PASSWORD, '--admin']);
    expect(add.out).toContain('Added account "quantri"');
    expect(add.code).toBe(0);
    expect(postmasterAlive(dataDir)).toBe(true);
    expect(await login(first.port, 'quantri', PASSWORD)).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(pidFile(dataDir))).toBe(false);

    const second = await start(dataDir);
    children.push(second.child);
    expect(await login(second.port, 'quantri', PASSWORD)).toBe(200);
    second.child.kill('SIGKILL');
    await second.exited;
    expect(postmasterAlive(dataDir)).toBe(true); // the orphan of kill -9

    const third = await start(dataDir);
    children.push(third.child);
    expect(third.output()).toContain('Found the running PostgreSQL');
    expect(await login(third.port, 'quantri', PASSWORD)).toBe(200);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
    expect(postmasterAlive(dataDir)).toBe(false);
  }, 300_000);

  it('stops with the npm that started it: a SIGTERM to `npm start` stops the server and its PostgreSQL', async () => {
    const port = await freePort();
    // npm runs the server under `sh -c`, which dies of the SIGTERM without passing it on.
    const npm = spawn('npm', ['start'], {
      cwd: path.resolve('.'),
      env: baseEnv(dataDir, port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(npm);
    let out = '';
    const collect = (c: Buffer) => (out += c.toString());
    npm.stdout.on('data', collect);
    npm.stderr.on('data', collect);
    const npmExited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    await expect.poll(() => out, { timeout: 240_000, interval: 200 }).toContain('Khối is running at');
    const serverPid = Number(/"pid":(\d+)/.exec(out)?.[1]);
    expect(serverPid).toBeGreaterThan(0);
    grandchildren.push(serverPid);
    expect(serverPid).not.toBe(npm.pid);
    expect(postmasterAlive(dataDir)).toBe(true);

    npm.kill('SIGTERM');
    await npmExited;
    // The server notices within a second or so that its parent is gone, then stops as on SIGTERM.
    await expect
      .poll(() => out, { timeout: 60_000, interval: 200 })
      .toContain('npm, which started this server, has ended: stopping.');
    await expect.poll(() => processAlive(serverPid), { timeout: 60_000, interval: 200 }).toBe(false);
    expect(fs.existsSync(pidFile(dataDir))).toBe(false);
  }, 300_000);

  it('the CLI explains bad input and exits non-zero', () => {
    const weak = cli(dataDir, ['user', 'add', '--login', 'ai-do', '--password', 'ngan']);
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/password: .*8 characters/);
    const missing = cli(dataDir, ['user', 'disable', 'khong-ton-tai']);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('No account "khong-ton-tai"');
  }, 120_000);

  it('stops at start-up naming a bad variable', () => {
    const r = cli(dataDir, ['serve'], { PORT: 'ba-nghin' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PORT');
  });
});

describe('khoi serve on an external PostgreSQL', () => {
  it('uses DATABASE_URL and starts no embedded server', async () => {
    const db = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-ext-'));
    const running = await start(dataDir, { DATABASE_URL: db.url });
    try {
      expect(await (await fetch(`http://127.0.0.1:${running.port}/api/health`)).json()).toEqual({
        status: 'ok',
        db: 'external',
      });
      expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(false);
    } finally {
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
