import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Where the embedded database and stored files live when KHOI_DATA_DIR is not set.
 * As root the server process of PostgreSQL runs as the `postgres` user, which cannot
 * traverse a 0700 home folder, so root uses /var/lib/khoi; an ordinary user uses the
 * XDG data folder in their home. */
export function defaultDataDir(): string {
  if (process.getuid?.() === 0) return '/var/lib/khoi';
  const xdg = process.env.XDG_DATA_HOME;
  return path.join(xdg && xdg.length > 0 ? xdg : path.join(os.homedir(), '.local', 'share'), 'khoi');
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    KHOI_DATA_DIR: z.string().min(1).optional(),
    KHOI_TEST_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    KHOI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KHOI_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    KHOI_TRUST_PROXY: boolish.default(false),
    KHOI_SECURE_COOKIES: boolish.optional(),
    KHOI_SKIP_WEB_BUILD: boolish.default(false),
    // Three connections per core (at least four). More statements at once than the cores can run only queue inside
    // PostgreSQL, where the scheduler makes the unlucky wait longest; fewer leave the cores idle while a statement
    // reads (2 cores: one task p95 22 ms with 10, 13–14 with 6; a search of 100,000 tasks 112 req/s with 10,
    // 130 with 6, 79 with 4).
    KHOI_DB_POOL_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(Math.max(4, 3 * os.availableParallelism())),
    KHOI_DEMO_PASSWORD: z.string().min(8).optional(),
    // Background jobs (pg-boss, schema `pgboss` of the same database): on unless KHOI_JOBS=off.
    KHOI_JOBS: z
      .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
      .transform((v) => v === 'on' || v === 'true' || v === '1' || v === 'yes')
      .default(true),
    KHOI_REMINDER_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h, Asia/Ho_Chi_Minh)')
      .default('07:00'),
    // E-mail of notifications: off unless an SMTP server is given (smtp://user:pass@host:587 or smtps://…:465).
    KHOI_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    KHOI_MAIL_FROM: z.string().min(3).optional(),
    KHOI_PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^/]+/, 'must start with http:// or https://')
      .transform((s) => s.replace(/\/+$/, ''))
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.KHOI_SMTP_URL && !v.KHOI_MAIL_FROM)
      ctx.addIssue({ code: 'custom', path: ['KHOI_MAIL_FROM'], message: 'required when KHOI_SMTP_URL is set' });
  });

export type Env = Readonly<z.infer<typeof envSchema> & { dataDir: string }>;

/** Parses the process environment once; throws an Error naming each bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment variable(s):\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(result.data.KHOI_DATA_DIR ?? defaultDataDir());
  return Object.freeze({ ...result.data, dataDir });
}
