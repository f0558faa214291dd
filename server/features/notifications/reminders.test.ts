import nodemailer from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { call, useTestApp } from '../../../test/app.ts';
import { emailChannel, type Mailer } from './channels.ts';
import { notificationKeys, reminderScenario, scenarioNames, type ReminderScenario } from './notifications.testkit.ts';
import { runReminderSweep } from './reminders.ts';

/** An e-mail channel on nodemailer's jsonTransport (no network), keeping what it sent. */
function capturingMailer(opts: { fail?: boolean } = {}) {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: { to: { address: string }[]; subject: string; text: string }[] = [];
  const mailer: Mailer = {
    sendMail: async (message) => {
      if (opts.fail) throw new Error('SMTP 421 tạm thời không nhận thư');
      const info = await transport.sendMail(message);
      sent.push(JSON.parse(info.message));
    },
  };
  return {
    channel: emailChannel(mailer, { from: 'Khối <khoi@example.vn>', publicUrl: 'https://khoi.example.vn' }),
    sent,
  };
}

describe('the reminder sweep', () => {
  // 09:00 on 2 March 2026 in Hà Nội.
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let s: ReminderScenario;
  let names: Record<string, string>;

  beforeAll(async () => {
    s = await reminderScenario(t());
    names = scenarioNames(s);
  }, 120_000);

  const day1 = [
    'leader to_accept done',
    'officer due_soon soon',
    'village due_soon soon',
    'village overdue late',
    'women due_soon soon',
  ];

  it('reminds exactly the people concerned: assignee, responsible person, cooperating person; acceptors of work reported done', async () => {
    const { ctx } = t();
    const r = await runReminderSweep(ctx);
    expect(r.day).toBe('2026-03-02');
    expect(r.inserted).toEqual({ due_soon: 3, overdue: 1, to_accept: 1, digest: 0 });
    // Nobody else: not the sibling ward's officer, not the administrator, not the leader for tasks it need not accept,
    // not the leader for work it reported done itself, nothing for drafts, suspended, cancelled, accepted, deleted tasks.
    expect(await notificationKeys(ctx.db, '2026-03-02', names)).toEqual(day1);
  });

  it('writes Vietnamese titles with the due date, a body naming the lead body, and a link to the task', async () => {
    const { ctx } = t();
    const rows = await ctx.db.selectFrom('notifications').selectAll().where('day', '=', '2026-03-02').execute();
    const of = (account: string, kind: string) => rows.find((r) => r.account_id === account && r.kind === kind)!;
    const soon = of(s.f.officer.id, 'due_soon');
    expect(soon.title).toBe('Sắp đến hạn: Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI (hạn 04/03/2026)');
    expect(soon.body).toBe('Chủ trì: Ủy ban MTTQ Phường Móng Cái 1. Chương trình: Chương trình công tác năm 2026.');
    expect(soon.link).toBe(`/nhiem-vu/${s.tasks.soon}`);
    expect(soon.title).toBe(soon.title.normalize('NFC'));
    expect(of(s.f.village.id, 'overdue').title).toBe(
      'Quá hạn 3 ngày: Rà soát hộ nghèo, cận nghèo khu 3 (hạn 27/02/2026)',
    );
    expect(of(s.f.leader.id, 'to_accept').title).toBe(
      'Chờ nghiệm thu: Hội nghị đại biểu nhân dân khu phố (hạn 03/03/2026)',
    );
    // The table is the in-app channel: the officer sees it at once.
    const page = await call(t().app, { url: '/api/notifications', session: s.f.officer.session });
    expect(page.json().items.map((i: { title: string }) => i.title)).toEqual([soon.title]);
  });

  it('writes nothing more when run again the same day', async () => {
    const { ctx } = t();
    const again = await runReminderSweep(ctx);
    expect(again.inserted).toEqual({ due_soon: 0, overdue: 0, to_accept: 0, digest: 0 });
    expect(again.concerned).toBe(5);
    expect(await notificationKeys(ctx.db, '2026-03-02', names)).toEqual(day1);
  });

  it('two servers sweeping the same day at once write each reminder once; the next day brings new ones', async () => {
    const { ctx, db, clock } = t();
    clock.set('2026-03-03T00:30:00Z'); // 07:30 on 3 March
    // A second server: its own pool on the same database.
    const other = openDatabase(db.url, { poolSize: 3 });
    try {
      const [a, b] = await Promise.all([runReminderSweep(ctx), runReminderSweep({ ...ctx, db: other.db })]);
      const total = (x: typeof a) => Object.values(x.inserted).reduce((n, v) => n + v, 0);
      expect(total(a) + total(b)).toBe(5);
    } finally {
      await other.close();
    }
    expect(await notificationKeys(ctx.db, '2026-03-03', names)).toEqual(day1);
    const dup = await ctx.db
      .selectFrom('notifications')
      .select(['account_id', 'kind', 'task_id', 'day'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['account_id', 'kind', 'task_id', 'day'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(dup).toEqual([]);
    const late = await ctx.db
      .selectFrom('notifications')
      .select('title')
      .where('account_id', '=', s.f.village.id)
      .where('kind', '=', 'overdue')
      .where('day', '=', '2026-03-03')
      .executeTakeFirstOrThrow();
    expect(late.title).toBe('Quá hạn 4 ngày: Rà soát hộ nghèo, cận nghèo khu 3 (hạn 27/02/2026)');
  });

  it('starts due-soon reminders as many days ahead as each account chose, and sends a daily digest to who asked', async () => {
    const { app, ctx, clock } = t();
    clock.set('2026-03-04T01:00:00Z'); // 08:00 on 4 March
    const put = (session: typeof s.f.village.session, body: object) =>
      call(app, { method: 'PUT', url: '/api/notification-settings', session, body });
    expect((await put(s.f.village.session, { dueSoonDays: 20, dailyDigest: true, email: true })).statusCode).toBe(200);
    expect((await put(s.f.officer.session, { dueSoonDays: 0, dailyDigest: false, email: true })).statusCode).toBe(200);
    const r = await runReminderSweep(ctx);
    expect(r.inserted.digest).toBe(1);
    const keys = await notificationKeys(ctx.db, '2026-03-04', names);
    expect(keys).toEqual([
      'leader to_accept done',
      'officer due_soon soon', // due today: within 0 days
      'village digest -',
      'village due_soon far', // 16 days ahead, within the village reporter's 20
      'village due_soon soon',
      'village overdue late',
      'women due_soon soon',
    ]);
    const rows = await ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('day', '=', '2026-03-04')
      .where('account_id', '=', s.f.village.id)
      .execute();
    expect(rows.find((x) => x.task_id === s.tasks.soon)!.title).toBe(
      'Đến hạn hôm nay: Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI (hạn 04/03/2026)',
    );
    const digest = rows.find((x) => x.kind === 'digest')!;
    expect(digest.title).toBe('Bản tin việc ngày 04/03/2026: 3 việc cần chú ý');
    expect(digest.link).toBe('/viec-cua-toi');
    expect(digest.body).toBe(
      [
        '1. [Quá hạn 5 ngày] Rà soát hộ nghèo, cận nghèo khu 3 – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 27/02',
        '2. [Đến hạn hôm nay] Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 04/03',
        '3. [Còn 16 ngày] Ngày hội Đại đoàn kết toàn dân tộc – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 20/03',
      ].join('\n'),
    );
    // The digest too is once a day.
    expect((await runReminderSweep(ctx)).inserted.digest).toBe(0);
  });

  it('a disabled account is not reminded', async () => {
    const { ctx, clock } = t();
    clock.set('2026-03-05T01:00:00Z');
    await ctx.db
      .updateTable('accounts')
      .set({ disabled_at: new Date('2026-03-04T10:00:00Z') })
      .where('id', '=', s.f.women.id)
      .execute();
    try {
      await runReminderSweep(ctx);
      expect((await notificationKeys(ctx.db, '2026-03-05', names)).filter((k) => k.startsWith('women'))).toEqual([]);
    } finally {
      await ctx.db.updateTable('accounts').set({ disabled_at: null }).where('id', '=', s.f.women.id).execute();
    }
  });

  it('e-mails each account its new notifications once, only with an address and e-mail on; a failed send is retried', async () => {
    const { app, ctx, clock } = t();
    clock.set('2026-03-06T01:00:00Z');
    await ctx.db.updateTable('accounts').set({ email: 'lan.vt@mongcai.vn' }).where('id', '=', s.f.officer.id).execute();
    await ctx.db.updateTable('accounts').set({ email: 'tu.hv@mongcai.vn' }).where('id', '=', s.f.village.id).execute();
    await ctx.db.updateTable('accounts').set({ email: 'dinh.nv@mongcai.vn' }).where('id', '=', s.f.leader.id).execute();
    // The leader turns e-mail off; the women's officer has no address.
    const leaderSettings = (await call(app, { url: '/api/notification-settings', session: s.f.leader.session })).json();
    expect(leaderSettings).toMatchObject({
      dueSoonDays: 3,
      dailyDigest: false,
      email: true,
      emailAddress: 'dinh.nv@mongcai.vn',
    });
    expect(
      (
        await call(app, {
          method: 'PUT',
          url: '/api/notification-settings',
          session: s.f.leader.session,
          body: { dueSoonDays: 3, dailyDigest: false, email: false },
        })
      ).statusCode,
    ).toBe(200);

    // The SMTP server refuses: nothing is marked sent, the failures are reported.
    const down = capturingMailer({ fail: true });
    const failed = await runReminderSweep(ctx, { channels: [down.channel] });
    expect(failed.delivery[0]!.failed.map((x) => names[x.accountId]).sort()).toEqual(['officer', 'village']);
    expect(
      await ctx.db
        .selectFrom('notifications')
        .select('id')
        .where('day', '=', '2026-03-06')
        .where('emailed_at', 'is not', null)
        .execute(),
    ).toEqual([]);

    // Two servers retry at once: each notification is e-mailed once.
    const up = capturingMailer();
    const other = openDatabase(t().db.url, { poolSize: 3 });
    try {
      await Promise.all([
        runReminderSweep(ctx, { channels: [up.channel] }),
        runReminderSweep({ ...ctx, db: other.db }, { channels: [up.channel] }),
      ]);
    } finally {
      await other.close();
    }
    expect(up.sent.map((m) => m.to[0]!.address).sort()).toEqual(['lan.vt@mongcai.vn', 'tu.hv@mongcai.vn']);
    const officerMail = up.sent.find((m) => m.to[0]!.address === 'lan.vt@mongcai.vn')!;
    // The officer's due-soon setting is 0: on 6 March its only task is past due.
    expect(officerMail.subject).toBe('Quá hạn 2 ngày: Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI (hạn 04/03/2026)');
    expect(officerMail.text).toContain('Kính gửi Vũ Thị Lan,');
    expect(officerMail.text).toContain(`https://khoi.example.vn/nhiem-vu/${s.tasks.soon}`);
    // The village reporter asked for the digest: the e-mail carries the digest instead of each reminder.
    const villageMail = up.sent.find((m) => m.to[0]!.address === 'tu.hv@mongcai.vn')!;
    expect(villageMail.subject).toBe('Bản tin việc ngày 06/03/2026: 3 việc cần chú ý');
    expect(villageMail.text).toContain('1. [Quá hạn 7 ngày] Rà soát hộ nghèo, cận nghèo khu 3');
    const pending = await ctx.db
      .selectFrom('notifications')
      .select(['account_id'])
      .where('day', '=', '2026-03-06')
      .where('emailed_at', 'is', null)
      .execute();
    expect(pending.map((p) => names[p.account_id]).sort()).toEqual(['leader', 'women']);

    // A later run the same day sends nothing again.
    const later = capturingMailer();
    await runReminderSweep(ctx, { channels: [later.channel] });
    expect(later.sent).toEqual([]);
  });
});
