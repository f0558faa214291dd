import type { AppContext } from '../context.ts';
import { localDate } from '../clock.ts';
import type { NotificationChannel } from '../features/notifications/index.ts';
import { runReminderSweep, type SweepResult } from '../features/notifications/index.ts';
import { createDueOccurrences } from '../features/work/index.ts';
import { erasePersonalData, type ErasureResult } from '../features/retention/index.ts';
import { purgeExpiredKeys } from '../http/idempotency.ts';
import { runPetitionSweep, type PetitionSweepResult } from '../features/petitions/index.ts';
import { dropStaleUploads } from '../features/petitions-public/index.ts';
import { settleTotals } from '../features/reporting/index.ts';

export type DailySweepResult = {
  day: string;
  occurrences: number;
  reminders: SweepResult | null;
  /** petitions: deadline warnings, overdue notices to leaders, open cases of ended bodies passed to successors */
  petitions: PetitionSweepResult | null;
  erased: ErasureResult;
  idempotencyKeys: number;
  /** files attached to a public petition form that no submission took */
  staleUploads: number;
  /** rows of the reporting totals folded as their months settled */
  settledTotals: number;
  errors: string[];
};

/**
 * The daily job: the next occurrences of recurring tasks (so they are reminded of too), then the reminder sweep
 * and its delivery, then the erasure of personal data past its retention period, of idempotency keys past their 24 hours and of the files
 * citizens attached to a public form they never sent, and the settling of past months' reporting totals. Each part is idempotent for the day; a part that fails does not stop the next, and the job
 * fails afterwards (pg-boss retries it) — including when some e-mails could not be sent, so they go out on retry.
 */
export async function dailySweep(
  ctx: Pick<AppContext, 'db' | 'clock' | 'files'>,
  channels: readonly NotificationChannel[],
): Promise<DailySweepResult> {
  const day = localDate(ctx.clock.now());
  const result: DailySweepResult = {
    day,
    occurrences: 0,
    reminders: null,
    petitions: null,
    erased: [],
    idempotencyKeys: 0,
    staleUploads: 0,
    settledTotals: 0,
    errors: [],
  };
  try {
    result.occurrences = await createDueOccurrences(ctx, day);
  } catch (err) {
    result.errors.push(`recurring tasks: ${(err as Error).message}`);
  }
  try {
    result.reminders = await runReminderSweep(ctx, { channels });
    for (const d of result.reminders.delivery)
      for (const f of d.failed) result.errors.push(`${d.channel} to account ${f.accountId}: ${f.error}`);
  } catch (err) {
    result.errors.push(`reminders: ${(err as Error).message}`);
  }
  try {
    result.petitions = await runPetitionSweep(ctx);
  } catch (err) {
    result.errors.push(`petitions: ${(err as Error).message}`);
  }
  try {
    result.erased = await erasePersonalData(ctx);
  } catch (err) {
    result.errors.push(`retention: ${(err as Error).message}`);
  }
  try {
    result.idempotencyKeys = await purgeExpiredKeys(ctx);
  } catch (err) {
    result.errors.push(`idempotency keys: ${(err as Error).message}`);
  }
  try {
    result.staleUploads = await dropStaleUploads(ctx);
  } catch (err) {
    result.errors.push(`public uploads: ${(err as Error).message}`);
  }
  try {
    result.settledTotals = await settleTotals(ctx, day);
  } catch (err) {
    result.errors.push(`reporting totals: ${(err as Error).message}`);
  }
  return result;
}

/** One line for the server log. */
export function describeSweep(r: DailySweepResult): string {
  const rem = r.reminders;
  const written = rem
    ? `${rem.inserted.due_soon} due soon, ${rem.inserted.overdue} overdue, ${rem.inserted.to_accept} to accept, ${rem.inserted.digest} digests`
    : 'failed';
  const sent = rem?.delivery
    .map(
      (d) =>
        `${d.channel}: ${d.notifications} to ${d.accounts} account(s)${d.failed.length ? `, ${d.failed.length} failed` : ''}`,
    )
    .join('; ');
  const erased = r.erased
    .filter((e) => e.records)
    .map((e) => `${e.kind} ${e.records}`)
    .join(', ');
  const pet = r.petitions
    ? `; petitions: ${r.petitions.warned} deadline(s) warned, ${r.petitions.overdue} overdue notified, ${r.petitions.passed} passed to successors`
    : '';
  const keys = r.idempotencyKeys ? `; ${r.idempotencyKeys} expired idempotency key(s) deleted` : '';
  const uploads = r.staleUploads ? `; ${r.staleUploads} unsent public upload(s) deleted` : '';
  const settled = r.settledTotals ? `; ${r.settledTotals} reporting total(s) of settled months folded` : '';
  return `Daily sweep ${r.day}: ${r.occurrences} recurring task(s) created; reminders: ${written}${sent ? `; ${sent}` : ''}${pet}${erased ? `; personal data erased: ${erased}` : ''}${keys}${uploads}${settled}.`;
}
