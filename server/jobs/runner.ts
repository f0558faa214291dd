import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { localDate } from '../clock.ts';
import { channelsFromEnv, type NotificationChannel } from '../features/notifications/index.ts';
import { dailySweep, describeSweep, type DailySweepResult } from './daily-sweep.ts';

/** pg-boss keeps its tables in this schema of Khối's database; Khối's backup copies only its own schema
 * (`current_schema()`, i.e. public), so jobs are neither archived nor restored. */
export const JOBS_SCHEMA = 'pgboss';
export const DAILY_SWEEP = 'daily-sweep';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type JobRunner = {
  boss: PgBoss;
  /** Stops fetching, waits up to `timeoutMs` for a running job (which is otherwise failed, to be retried), closes. */
  stop: (timeoutMs?: number) => Promise<void>;
};

export type RunnerOptions = {
  log: (message: string) => void;
  /** default: from the environment (e-mail when KHOI_SMTP_URL is set) */
  channels?: readonly NotificationChannel[];
  /** run the jobs in this process (default true); tests may drive them with `boss.fetch` instead */
  work?: boolean;
  /** pg-boss's cron clock and maintenance timers (default true); tests turn them off so the real time of day
   * cannot send a job */
  timers?: boolean;
  /** on start, once the day's reminder time has passed, queue the day's sweep (the server may have been down) */
  catchUp?: boolean;
  /** how often an idle worker asks for a job (pg-boss's default: 2 s; at least 0.5) */
  pollingIntervalSeconds?: number;
  /** called after each run of the daily job (tests, monitoring) */
  onSweep?: (result: DailySweepResult) => void;
};

/** "07:00" → "0 7 * * *" */
export function cronOf(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${m} ${h} * * *`;
}

/** Minutes after midnight of an instant, in Asia/Ho_Chi_Minh. */
function localMinutes(d: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * Starts pg-boss on Khối's database (`url`; its own tables in the schema `pgboss`, created or migrated by pg-boss
 * itself under an advisory lock) and the daily job: a cron schedule at KHOI_REMINDER_TIME in Asia/Ho_Chi_Minh,
 * stored in the database — it survives restarts, and however many servers run, pg-boss sends each scheduled job
 * once and one worker takes it. Throws if the database cannot be reached.
 */
export async function startJobs(ctx: AppContext, url: string, opts: RunnerOptions): Promise<JobRunner> {
  const channels = opts.channels ?? channelsFromEnv(ctx.env);
  const boss = new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    application_name: 'khoi-jobs',
    max: 4,
    schedule: opts.timers ?? true,
    supervise: opts.timers ?? true,
    // Completed jobs stay two days before pg-boss archives them: a day's catch-up key must outlive the day.
    archiveCompletedAfterSeconds: 2 * 86_400,
  });
  // Without a listener an 'error' event would end the process; a lost connection is logged and pg-boss retries.
  boss.on('error', (err) => opts.log(`Jobs: ${err.message}`));
  await boss.start();
  try {
    await boss.createQueue(DAILY_SWEEP, {
      name: DAILY_SWEEP,
      policy: 'singleton',
      retryLimit: 3,
      retryDelay: 300,
      retryBackoff: true,
      expireInSeconds: 3600,
    });
    await boss.schedule(DAILY_SWEEP, cronOf(ctx.env.KHOI_REMINDER_TIME), {}, { tz: TIME_ZONE });
    if (opts.work ?? true) {
      await boss.work(DAILY_SWEEP, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async (jobs) => {
        for (const _job of jobs) {
          const result = await dailySweep(ctx, channels);
          opts.log(describeSweep(result));
          opts.onSweep?.(result);
          // Failing the job makes pg-boss retry it later (the sweep is idempotent for the day).
          if (result.errors.length)
            throw new Error(`Daily sweep ${result.day} incomplete: ${result.errors.join('; ')}`);
        }
      });
    }
    const now = ctx.clock.now();
    const [h, m] = ctx.env.KHOI_REMINDER_TIME.split(':').map(Number);
    if ((opts.catchUp ?? true) && localMinutes(now) >= h! * 60 + m!) {
      // Several servers starting the same day queue it once (same key, same 24 h slot); a second run would write nothing anyway.
      await boss.send(
        DAILY_SWEEP,
        { catchUp: true },
        { singletonKey: `catch-up-${localDate(now)}`, singletonSeconds: 86_400 },
      );
    }
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw err;
  }
  return {
    boss,
    stop: async (timeoutMs = 20_000) => {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
