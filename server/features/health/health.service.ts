import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './health.repository.ts';

/** Whether the server and its database answer. Throws DB_UNAVAILABLE when the database does not. */
export async function health(
  ctx: Pick<AppContext, 'db' | 'dbMode'>,
): Promise<{ status: 'ok'; db: AppContext['dbMode'] }> {
  try {
    await repo.ping(ctx.db);
  } catch {
    throw new AppError('DB_UNAVAILABLE');
  }
  return { status: 'ok', db: ctx.dbMode };
}
