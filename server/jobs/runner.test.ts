import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { parseEnv } from '../env.ts';
import { backup } from '../features/backup/backup.service.ts';
import { reminderScenario, type ReminderScenario } from '../features/notifications/notifications.testkit.ts';
import { dailySweep, type DailySweepResult } from './daily-sweep.ts';
import { cronOf, DAILY_SWEEP, JOBS_SCHEMA, startJobs, type JobRunner, type RunnerOptions } from './runner.ts';

describe('the job runner (pg-boss on the test database)', () => {
  // 09:00 on 2 March 2026 in Hà Nội: past the 07:00 reminder time.
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let s: ReminderScenario;
  const running: JobRunner[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    s = await reminderScenario(t());
  }, 120_000);
  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop(1000);
  });

  /** A runner as `serve` starts it, but without pg-boss's clock (so the real time of day sends nothing). */
  async function start(opts: Partial<RunnerOptions> = {}): Promise<JobRunner> {
    const r = await startJobs(t().ctx, t().db.url, {
      log: (m) => logs.push(m),
      channels: [],
      timers: false,
      catchUp: false,
      work: false,
      ...opts,
    });
    running.push(r);
    return r;
  }
  const notificationCount = async () =>
    Number(
      (
        await t()
          .ctx.db.selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps one daily schedule at 07:00 Asia/Ho_Chi_Minh in the database, across restarts and servers', async () => {
    const a = await start();
    await a.stop();
    running.length = 0;
    const [b, c] = [await start(), await start()];
    expect(b.boss).not.toBe(c.boss);
    const schedules = await b.boss.getSchedules();
    expect(schedules.map((x) => ({ name: x.name, cron: x.cron, tz: (x as { timezone?: string }).timezone }))).toEqual([
      { name: DAILY_SWEEP, cron: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' },
    ]);
    expect(cronOf('18:30')).toBe('30 18 * * *');
    // pg-boss's tables live in their own schema, which Khối's backup leaves out.
    const schemas = await sql<{
      n: string;
    }>`select nspname as n from pg_namespace where nspname = ${JOBS_SCHEMA}`.execute(t().ctx.db);
    expect(schemas.rows).toHaveLength(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-jobs-backup-'));
    try {
      const manifest = await backup(t().db.url, path.join(dir, 'b.backup'));
      const names = manifest.tables.map((x) => x.name);
      expect(names).toContain('notifications');
      expect(
        names.filter(
          (n) =>
            ['job', 'queue', 'schedule', 'archive', 'version', 'subscription'].includes(n) || /^j[0-9a-f]{56}$/.test(n),
        ),
      ).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a job sent to the queue is fetched once, runs the sweep, and is completed', async () => {
    const { boss } = await start();
    const before = await notificationCount();
    const id = await boss.send(DAILY_SWEEP, {});
    expect(id).toBeTruthy();
    const jobs = await boss.fetch(DAILY_SWEEP);
    expect(jobs.map((j) => j.id)).toEqual([id]);
    // Fetched: no other worker (server) gets it.
    expect(await boss.fetch(DAILY_SWEEP)).toEqual([]);
    const result = await dailySweep(t().ctx, []);
    expect(result.errors).toEqual([]);
    expect(result.reminders!.inserted).toEqual({ due_soon: 3, overdue: 1, to_accept: 1, digest: 0 });
    await boss.complete(DAILY_SWEEP, id!);
    expect((await boss.getJobById(DAILY_SWEEP, id!))!.state).toBe('completed');
    expect(await notificationCount()).toBe(before + 5);
    // Delivered twice (a retry, a second server): nothing more is written.
    expect((await dailySweep(t().ctx, [])).reminders!.inserted).toEqual({
      due_soon: 0,
      overdue: 0,
      to_accept: 0,
      digest: 0,
    });
  });

  it('two servers working the queue run one job once', async () => {
    const runs: DailySweepResult[] = [];
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const onSweep = (r: DailySweepResult) => {
      runs.push(r);
      ran();
    };
    const a = await start({ work: true, pollingIntervalSeconds: 0.5, onSweep });
    const b = await start({ work: true, pollingIntervalSeconds: 0.5, onSweep });
    const id = await a.boss.send(DAILY_SWEEP, {});
    await done;
    // A graceful stop waits for the job in hand to finish and be completed.
    await a.stop();
    await b.stop();
    running.length = 0;
    expect(runs).toHaveLength(1);
    const state = await sql<{
      state: string;
    }>`select state::text from pgboss.job where id = ${id}::uuid union all select state::text from pgboss.archive where id = ${id}::uuid`.execute(
      t().ctx.db,
    );
    expect(state.rows.map((r) => r.state)).toEqual(['completed']);
    expect(
      logs.some((l) => l.startsWith('Daily sweep 2026-03-02: 0 recurring task(s) created; reminders: 0 due soon')),
    ).toBe(true);
  });

  it('on start after the reminder time, queues one catch-up sweep for the day, however many times it starts', async () => {
    const first = await start({ catchUp: true });
    const jobs = await first.boss.fetch<{ catchUp?: boolean }>(DAILY_SWEEP);
    expect(jobs.map((j) => j.data)).toEqual([{ catchUp: true }]);
    await first.boss.complete(DAILY_SWEEP, jobs[0]!.id);
    const second = await start({ catchUp: true });
    expect(await second.boss.fetch(DAILY_SWEEP)).toEqual([]);
    // Before the reminder time (06:00 in Hà Nội) nothing is queued.
    t().clock.set('2026-03-02T23:00:00Z');
    try {
      const early = await start({ catchUp: true });
      expect(await early.boss.fetch(DAILY_SWEEP)).toEqual([]);
    } finally {
      t().clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('reads KHOI_JOBS, the reminder time and the SMTP settings from the environment', () => {
    expect(parseEnv({}).KHOI_JOBS).toBe(true);
    expect(parseEnv({ KHOI_JOBS: 'off' }).KHOI_JOBS).toBe(false);
    expect(parseEnv({}).KHOI_REMINDER_TIME).toBe('07:00');
    expect(() => parseEnv({ KHOI_JOBS: 'tat' })).toThrow(/KHOI_JOBS/);
    expect(() => parseEnv({ KHOI_REMINDER_TIME: '7h' })).toThrow(/KHOI_REMINDER_TIME/);
    expect(() => parseEnv({ KHOI_SMTP_URL: 'smtp://mail.mongcai.vn:587' })).toThrow(/KHOI_MAIL_FROM/);
    expect(() => parseEnv({ KHOI_SMTP_URL: 'mail.mongcai.vn', KHOI_MAIL_FROM: 'khoi@mongcai.vn' })).toThrow(
      /KHOI_SMTP_URL/,
    );
    const env = parseEnv({
      KHOI_SMTP_URL: 'smtps://khoi:mk@mail.mongcai.vn:465',
      KHOI_MAIL_FROM: 'Khối <khoi@mongcai.vn>',
      KHOI_PUBLIC_URL: 'https://khoi.mongcai.vn/',
    });
    expect([env.KHOI_MAIL_FROM, env.KHOI_PUBLIC_URL]).toEqual(['Khối <khoi@mongcai.vn>', 'https://khoi.mongcai.vn']);
    expect(s.tasks.soon).toBeTruthy();
  });
});
