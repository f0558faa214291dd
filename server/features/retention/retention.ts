import dayjs from 'dayjs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { version as versionField } from '../../http/schemas.ts';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { inTransaction, recordEvent, type Actor } from '../../db/tx.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, errorResponses } from '../../http/errors.ts';
import { pickLang, type Lang } from '../../i18n/messages.ts';

const ruleItem = z.object({
  kind: z.string(),
  name: z.string(),
  fields: z.array(z.string()).describe('The personal fields erased'),
  months: z.number().int().nullable().describe('Months after the record ends (deleted, disabled, written) before they are erased; null: kept'),
  version: z.number().int(),
});
const ruleUpdate = z.strictObject({ version: versionField, months: z.number().int().min(1).max(1200).nullable() });
const kindParam = z.strictObject({ kind: z.string().regex(/^[a-z_]{1,40}$/) });

type Ctx = Pick<AppContext, 'db' | 'clock'>;
// Columns are interpolated as identifiers: only these, whatever the table says.
const ALLOWED: Record<string, { ended: string; fields: readonly string[] }> = {
  people: { ended: 'deleted_at', fields: ['birth_date', 'phone', 'email', 'address', 'notes', 'gender'] },
  accounts: { ended: 'disabled_at', fields: ['email', 'phone'] },
  audit_log: { ended: 'at', fields: ['ip'] },
};

export async function listRules(ctx: Ctx, lang: Lang) {
  const rows = await ctx.db.selectFrom('retention_rules').selectAll().orderBy('sort').execute();
  return rows.map((r) => ({ kind: r.kind, name: lang === 'en' ? r.name_en : r.name_vi, fields: r.fields, months: r.months, version: r.version }));
}

export async function updateRule(ctx: Ctx, actor: Actor, lang: Lang, kind: string, input: z.infer<typeof ruleUpdate>) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const r = await trx.selectFrom('retention_rules').select('version').where('kind', '=', kind).forUpdate().executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND');
    if (r.version !== input.version) throw new AppError('CONFLICT');
    await trx.updateTable('retention_rules').set((eb) => ({ months: input.months, version: eb('version', '+', 1), updated_at: new Date() })).where('kind', '=', kind).execute();
  });
  return (await listRules(ctx, lang)).find((r) => r.kind === kind)!;
}

export type ErasureResult = { kind: string; records: number }[];

/** Erases the personal fields of records ended longer ago than their rule says, in one transaction per rule:
 * in the rows themselves (also soft-deleted ones) and in the audit log's before/after values of those rows; an
 * 'erase' row in the audit log says what was erased, of how many records, never the values. Idempotent. */
export async function erasePersonalData(ctx: Ctx, actor: Actor = { accountId: null, label: 'job:retention' }): Promise<ErasureResult> {
  const today = localDate(ctx.clock.now());
  const rules = await ctx.db.selectFrom('retention_rules').selectAll().where('months', 'is not', null).orderBy('sort').execute();
  const out: ErasureResult = [];
  for (const rule of rules) {
    const allowed = ALLOWED[rule.table_name];
    if (!allowed || allowed.ended !== rule.ended_column) continue;
    const fields = rule.fields.filter((f) => allowed.fields.includes(f));
    if (!fields.length) continue;
    const cutoff = dayjs(today).subtract(rule.months!, 'month').format('YYYY-MM-DD');
    const records = await inTransaction(ctx.db, actor, async (trx) => {
      const set = sql.join(fields.map((f) => sql`${sql.ref(f)} = null`));
      const anyValue = sql.join(fields.map((f) => sql`${sql.ref(f)} is not null`), sql` or `);
      const ended = sql.ref(rule.ended_column);
      if (rule.table_name === 'audit_log') {
        const r = await sql`update audit_log set ${set} where action like 'sign_%' and ${ended} < ${cutoff}::date and (${anyValue})`.execute(trx);
        return Number(r.numAffectedRows ?? 0);
      }
      const rows = await sql<{ id: string }>`update ${sql.table(rule.table_name)} set ${set} where ${ended} is not null and ${ended} < ${cutoff}::date and (${anyValue}) returning id`.execute(trx);
      const ids = rows.rows.map((r) => r.id);
      if (ids.length) {
        // The values also leave the audit log (including the row the trigger has just written for this update).
        await sql`update audit_log set before = before - ${fields}::text[], after = after - ${fields}::text[] where table_name = ${rule.table_name} and record_id = any(${ids}::text[])`.execute(trx);
      }
      return ids.length;
    });
    if (records) await recordEvent(ctx.db, actor, 'erase', { table: rule.table_name, details: { rule: rule.kind, records, fields, endedBefore: cutoff } });
    out.push({ kind: rule.kind, records });
  }
  return out;
}

export function retentionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses();
  const lang = (q: FastifyRequest) => pickLang(q.headers['accept-language']);
  r.get('/api/retention-rules', {
    config: { auth: 'admin' },
    schema: { operationId: 'listRetentionRules', tags: ['retention'], summary: 'How long personal data is kept, per kind of record', response: { 200: z.array(ruleItem), ...errors } },
    handler: (request) => listRules(ctx, lang(request)),
  });
  r.put('/api/retention-rules/:kind', {
    config: { auth: 'admin' },
    schema: { operationId: 'updateRetentionRule', tags: ['retention'], summary: 'Set the retention period of a kind of personal data (months; null keeps it)', params: kindParam, body: ruleUpdate, response: { 200: ruleItem, ...errors } },
    handler: (request) => updateRule(ctx, actorOf(request), lang(request), request.params.kind, request.body),
  });
}
