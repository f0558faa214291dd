import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_TABLES } from '../../../web/features/audit/audit.kinds.ts';
import { recordLabelParams } from './audit.labels.repository.ts';
import { call, signIn, useTestApp } from '../../../test/app.ts';
import { buildAccount, demoSessions, PASSWORD } from '../../../test/factories.ts';

type Entry = { action: string; table: string | null; recordId: string | null; recordLabel: string | null };

describe('audit log', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('an administrator filters the log by record, account, action and date; others may not read it', async () => {
    const { app, ctx } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const u = await buildAccount(ctx);
    await call(app, { method: 'POST', url: '/api/auth/login', body: { login: u.username, password: 'sai' } });
    const us = await signIn(app, u.username, PASSWORD);
    await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${u.id}`,
      session: admin,
      body: { version: 1, displayName: 'Tên đã sửa' },
    });

    const record = (await call(app, { url: `/api/audit?table=accounts&record=${u.id}`, session: admin })).json();
    expect(record.items.map((i: { action: string }) => i.action)).toEqual([
      'update',
      'sign_in',
      'sign_in_failed',
      'create',
    ]);
    const update = record.items[0];
    expect(update.actor).toMatchObject({ id: admin.accountId });
    expect(update.before.display_name).not.toBe('Tên đã sửa');
    expect(update.after.display_name).toBe('Tên đã sửa');
    expect(JSON.stringify(record)).not.toContain('password_hash');

    const failed = (await call(app, { url: '/api/audit?action=sign_in_failed', session: admin })).json();
    expect(failed.total).toBe(1);
    const byActor = (
      await call(app, { url: `/api/audit?actor=${admin.accountId}&action=update`, session: admin })
    ).json();
    expect(byActor.items.every((i: { actor: { id: string } }) => i.actor.id === admin.accountId)).toBe(true);
    // Entries are stamped with the database's clock; today in Hà Nội covers them, a past day does not.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(
      (await call(app, { url: `/api/audit?from=${today}&to=${today}`, session: admin })).json().total,
    ).toBeGreaterThan(3);
    expect((await call(app, { url: '/api/audit?from=2020-01-01&to=2020-01-02', session: admin })).json().total).toBe(0);

    expect((await call(app, { url: '/api/audit', session: us })).statusCode).toBe(403);
    expect((await call(app, { url: '/api/audit?from=2020-13-01', session: admin })).json().error.field).toBe('from');
  });

  it('names every audited kind of record in both languages, in the log and in its filter', async () => {
    const { ctx } = t();
    const audited = (
      await sql<{
        table: string;
      }>`select distinct c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_proc p on p.oid = g.tgfoid where p.proname = 'audit_row'`.execute(
        ctx.db,
      )
    ).rows
      .map((r) => r.table)
      .sort();
    expect(audited.length).toBeGreaterThan(20);
    expect(
      audited.filter((table) => !(AUDIT_TABLES as readonly string[]).includes(table)),
      'missing from AUDIT_TABLES',
    ).toEqual([]);
    for (const lang of ['vi', 'en']) {
      const names = (
        JSON.parse(fs.readFileSync(`web/i18n/${lang}.json`, 'utf8')) as { audit: { tables: Record<string, string> } }
      ).audit.tables;
      expect(
        audited.filter((table) => !names[table]),
        `missing in ${lang}.json`,
      ).toEqual([]);
    }
  });

  it('names each record as people call it, from the record as it is now or, once gone, from what the entry stored', async () => {
    const { app, ctx } = t();
    const { admin } = await demoSessions({ app, ctx });
    const log = async (query: string, lang = 'vi') =>
      (
        await call(app, {
          url: `/api/audit?${query}`,
          session: admin,
          headers: { 'accept-language': lang },
        })
      ).json<{ items: Entry[] }>().items;

    // A task of the demo, by its number in its programme and its title, in both languages.
    const task = await ctx.db
      .selectFrom('tasks')
      .select(['id', 'number', 'title'])
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const taskEntries = await log(`table=tasks&record=${task.id}`);
    expect(taskEntries.length).toBeGreaterThan(0);
    expect(taskEntries.every((e) => e.recordId === task.id)).toBe(true);
    const taskLabels = taskEntries.map((e) => e.recordLabel);
    expect(new Set(taskLabels)).toEqual(new Set([`Nhiệm vụ số ${task.number} — ${task.title}`]));
    expect((await log(`table=tasks&record=${task.id}`, 'en'))[0]!.recordLabel).toBe(
      `Task no. ${task.number} — ${task.title}`,
    );
    // What belongs to a task is named by the task too.
    const coop = (await log('table=task_cooperators&pageSize=1'))[0]!;
    expect(coop.recordLabel).toMatch(/ phối hợp nhiệm vụ số \d+ — /);

    // An account: its creation and its sign-ins (events, with no values stored) alike.
    const canbo = await ctx.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'canbo')
      .executeTakeFirstOrThrow();
    expect((await log(`table=accounts&record=${canbo.id}`))[0]!.recordLabel).toBe('Tài khoản canbo (Vũ Thị Lan)');
    const me = await ctx.db
      .selectFrom('accounts')
      .select(['username', 'display_name'])
      .where('id', '=', admin.accountId)
      .executeTakeFirstOrThrow();
    const signIns = await log(`table=accounts&record=${admin.accountId}&action=sign_in`);
    expect(signIns.map((e) => e.recordLabel)).toEqual([`Tài khoản ${me.username} (${me.display_name})`]);

    // A person, with contact details the label never shows; renamed, every entry says the name of now.
    const created = await call(app, {
      method: 'POST',
      url: '/api/people',
      session: admin,
      body: { fullName: 'Nguyễn Văn Ạ', phone: '0912345678', email: 'nva@example.vn' },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json<{ id: string; version: number }>();
    const renamed = await call(app, {
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      session: admin,
      body: { version: person.version, fullName: 'Nguyễn Văn A' },
    });
    await call(app, { url: `/api/people/${person.id}`, session: admin });
    // Deleted (kept with a deletion mark), it is still named.
    await call(app, {
      method: 'POST',
      url: `/api/people/${person.id}/delete`,
      session: admin,
      body: { version: renamed.json<{ version: number }>().version },
    });
    const personEntries = await log(`table=people&record=${person.id}`);
    expect(personEntries.map((e) => e.action)).toEqual(['delete', 'view_personal', 'update', 'create']);
    expect(personEntries.map((e) => e.recordLabel)).toEqual(personEntries.map(() => 'Cán bộ Nguyễn Văn A'));
    expect(JSON.stringify(personEntries.map((e) => e.recordLabel))).not.toMatch(/0912345678|nva@example/);

    // A record removed for good is named from the values its last entry stored.
    const attendee = await ctx.db
      .selectFrom('briefing_attendees as a')
      .innerJoin('briefings as b', 'b.id', 'a.briefing_id')
      .select(['a.id', 'a.name', sql<string>`to_char(b.held_on, 'DD/MM/YYYY')`.as('day')])
      .executeTakeFirstOrThrow();
    await ctx.db.deleteFrom('briefing_attendees').where('id', '=', attendee.id).execute();
    const purged = await log(`table=briefing_attendees&record=${attendee.id}`);
    expect(purged[0]).toMatchObject({
      action: 'purge',
      recordLabel: `${attendee.name} dự hội nghị giao ban ngày ${attendee.day}`,
    });

    // Reporting: an indicator by its code and name; a report and its figures (audited a statement at a time, under
    // the report's id) by period and reporter.
    const indicator = await ctx.db.selectFrom('indicators').select(['id', 'code', 'name']).executeTakeFirstOrThrow();
    expect((await log(`table=indicators&record=${indicator.id}`))[0]!.recordLabel).toBe(
      `Chỉ tiêu ${indicator.code} — ${indicator.name}`,
    );
    const report = await ctx.db
      .selectFrom('report_submissions as s')
      .select([
        's.id',
        's.period_id',
        sql<string>`(select v.name from unit_versions v where v.unit_id = s.unit_id order by v.valid_to desc nulls first limit 1)`.as(
          'unit',
        ),
      ])
      .where('s.body_id', 'is', null)
      .where(sql<boolean>`s.period_id ~ '^[0-9]{6}$'`)
      .where(sql<boolean>`exists (select 1 from report_values v where v.submission_id = s.id)`)
      .executeTakeFirstOrThrow();
    const period = `Tháng ${Number(report.period_id.slice(4))}/${report.period_id.slice(0, 4)}`;
    expect((await log(`table=report_submissions&record=${report.id}`))[0]!.recordLabel).toBe(
      `Báo cáo ${period} — ${report.unit}`,
    );
    expect((await log(`table=report_values&record=${report.id}`))[0]!.recordLabel).toBe(
      `Số liệu báo cáo ${period} — ${report.unit}`,
    );

    // The kinds the demo does not write, written here.
    await call(app, { method: 'POST', url: '/api/tokens', session: admin, body: { name: 'Đồng bộ số liệu' } });
    await sql`update body_kinds set sort = sort + 1 where code = 'front'`.execute(ctx.db);
    await sql`update task_kinds set sort = sort + 1 where code = 'key'`.execute(ctx.db);
    await sql`update document_series set version = version + 1 where code = 'plan'`.execute(ctx.db);
    await sql`update retention_rules set months = 48 where kind = 'deleted_person'`.execute(ctx.db);
    await sql`insert into notification_settings (account_id) values (${admin.accountId})`.execute(ctx.db);
    await sql`insert into report_reopenings (form_id, period_id, reason, until)
      values ((select form_id from report_submissions where id = ${report.id}), ${report.period_id}, 'Bổ sung số liệu', '2026-12-31')`.execute(
      ctx.db,
    );
    await sql`insert into document_counters (issuer_body_id, series, period, last_number)
      select lead_body_id, 'plan', '2026', 1 from tasks where id = ${task.id}`.execute(ctx.db);
    await sql`insert into task_extensions (task_id, requested_due_date, reason)
      values (${task.id}, '2026-12-31', 'Chờ kinh phí')`.execute(ctx.db);
    await sql`with f as (insert into files (storage_key, filename, content_type, size_bytes, sha256)
      values ('k-1', 'bien-ban.pdf', 'application/pdf', 1, 'x') returning id)
      insert into task_files (task_id, file_id) select ${task.id}, id from f`.execute(ctx.db);

    // A petition and every record of its case (written here whether or not the demo has some), named by its number in
    // its register, never by its petitioner.
    const petition = (
      await sql<{ id: string }>`insert into petitions (receiving_body_id, register, register_body_id, year, number,
          received_on, channel, kind, summary, content, state, tracking_code)
        select lead_body_id, 'letters', lead_body_id, 2026, 905, '2026-03-02', 'post', 'complaint', 'Đơn nhật ký',
          'Nội dung', 'forwarded', 'nhat-ky-905' from tasks where id = ${task.id} returning id`.execute(ctx.db)
    ).rows[0]!.id;
    await sql`insert into petitioners (petition_id, full_name, name_fold, phone) values (${petition}, 'Người Đứng Đơn Nhật Ký', 'nguoi dung don nhat ky', '0911222333')`.execute(
      ctx.db,
    );
    await sql`insert into petition_officers (petition_id, account_id) values (${petition}, ${admin.accountId})`.execute(
      ctx.db,
    );
    await sql`with f as (insert into files (storage_key, filename, content_type, size_bytes, sha256)
      values ('k-2', 'don.pdf', 'application/pdf', 1, 'y') returning id)
      insert into petition_attachments (petition_id, file_id) select ${petition}, id from f`.execute(ctx.db);
    await sql`insert into petition_events (petition_id, day, action) values (${petition}, '2026-03-02', 'forward')`.execute(
      ctx.db,
    );
    const forward = (
      await sql<{ id: string }>`insert into petition_forwards (petition_id, content_group_id, to_name, forwarded_on)
        select id, content_group_id, 'Ủy ban nhân dân phường', '2026-03-02' from petitions where id = ${petition} returning id`.execute(
        ctx.db,
      )
    ).rows[0]!.id;
    await sql`insert into petition_deadlines (petition_id, rule, rule_version, start_on, due_on, day_kind, days, basis)
      values (${petition}, 'petition.reply_citizen', 1, '2026-03-02', '2026-03-16', 'working', 10, 'Luật TCD Đ.28')`.execute(
      ctx.db,
    );
    await sql`insert into petition_replies (petition_id, forward_id, received_on, result) values (${petition}, ${forward}, '2026-03-02', 'Đã giải quyết')`.execute(
      ctx.db,
    );
    await sql`insert into case_links (petition_id, kind, note) values (${petition}, 'supervision', 'Giám sát')`.execute(
      ctx.db,
    );
    await sql`insert into petition_identity_views (petition_id, account_id, via) values (${petition}, ${admin.accountId}, 'detail')`.execute(
      ctx.db,
    );
    await sql`insert into petition_documents (petition_id, kind, issuer_body_id, series, symbol, forward_id)
      select id, 'forward', receiving_body_id, 'petition_forward', 'PC-MTTQ', ${forward} from petitions where id = ${petition}`.execute(
      ctx.db,
    );
    await sql`with g as (insert into dialogues (body_id, unit_id, held_on, title, place, chair_name)
        select b.id, b.unit_id, '2026-03-01', 'Đối thoại nhật ký', 'Nhà văn hóa', 'Chủ tịch' from bodies b
        join petitions p on p.receiving_body_id = b.id where p.id = ${petition} returning id)
      insert into dialogue_petitions (dialogue_id, petition_id) select id, ${petition} from g`.execute(ctx.db);
    const petitionLabels = [
      ...(await log(`table=petitions&record=${petition}`)),
      ...(await log('table=petitioners&pageSize=1')),
      ...(await log('table=petition_documents&pageSize=1')),
    ].map((e) => e.recordLabel);
    expect(petitionLabels).toEqual([
      'Đơn số 905/2026 — sổ theo dõi đơn',
      'Người đứng đơn của đơn số 905/2026',
      'Phiếu chuyển đơn (dự thảo) của đơn số 905/2026',
    ]);
    expect(JSON.stringify(petitionLabels)).not.toMatch(/Người Đứng Đơn|0911222333/);

    // Every entry of a record (of the demo and of this test) finds every value of its label; one of no record has none.
    const named = await ctx.db
      .selectFrom('audit_log as l')
      .select(['l.table_name', 'l.action', 'l.record_id', recordLabelParams.as('params')])
      .where((eb) =>
        eb.or([eb('l.action', 'in', ['create', 'update', 'delete', 'purge']), eb('l.record_id', 'is not', null)]),
      )
      .where('l.table_name', 'is not', null)
      .execute();
    expect([...new Set(named.map((e) => e.table_name))].sort()).toEqual([...AUDIT_TABLES].sort());
    expect(
      named.filter((e) => !e.params || Object.values(e.params).some((v) => v === null)),
      'entries with a label value missing',
    ).toEqual([]);
    await call(app, { method: 'POST', url: '/api/auth/login', body: { login: 'khong.co.ai', password: 'sai' } });
    expect((await log('action=sign_in_failed'))[0]).toMatchObject({ table: 'accounts', recordLabel: null });
  }, 120_000);
});
