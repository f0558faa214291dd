import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session } from '../../../test/app.ts';
import { useTestApp } from '../../../test/app.ts';
import { reminderScenario, type ReminderScenario } from './notifications.testkit.ts';
import { runReminderSweep } from './reminders.ts';

describe('notifications API and the my-work digest', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let s: ReminderScenario;

  beforeAll(async () => {
    s = await reminderScenario(t());
    await runReminderSweep(t().ctx);
  }, 120_000);

  const api = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, lang?: 'en') =>
    call(t().app, { method, url, session, body, lang });

  it('lists only the caller’s notifications, newest first, with total and unread counts and an unread filter', async () => {
    const village = await api(s.f.village.session, 'GET', '/api/notifications');
    expect(village.statusCode).toBe(200);
    const page = village.json();
    expect(page.total).toBe(2);
    expect(page.unread).toBe(2);
    expect(page.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['due_soon', 'overdue']);
    expect(page.items[0]).toMatchObject({
      readAt: null,
      emailedAt: null,
      day: '2026-03-02',
      link: expect.stringMatching(/^\/nhiem-vu\//),
    });
    const paged = (await api(s.f.village.session, 'GET', '/api/notifications?pageSize=1&page=2')).json();
    expect([paged.items.length, paged.total]).toEqual([1, 2]);
    // The sibling ward's officer and the administrator have none.
    expect((await api(s.f.sibling.session, 'GET', '/api/notifications')).json()).toEqual({
      items: [],
      total: 0,
      unread: 0,
    });
    expect((await api(s.f.admin, 'GET', '/api/notifications')).json().total).toBe(0);
  });

  it('marks one read (404 for another account’s), then all', async () => {
    const mine = (await api(s.f.village.session, 'GET', '/api/notifications')).json().items as { id: string }[];
    const leaders = (await api(s.f.leader.session, 'GET', '/api/notifications')).json().items as { id: string }[];
    expect(leaders).toHaveLength(1);
    // Not even an administrator reads or marks someone else's notification.
    for (const session of [s.f.village.session, s.f.admin]) {
      const other = await api(session, 'POST', `/api/notifications/${leaders[0]!.id}/read`);
      expect([other.statusCode, other.json().error.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await api(s.f.leader.session, 'GET', '/api/notifications')).json().unread).toBe(1);

    const one = await api(s.f.village.session, 'POST', `/api/notifications/${mine[0]!.id}/read`);
    expect(one.statusCode).toBe(200);
    expect(one.json().readAt).toBe('2026-03-02T02:00:00.000Z');
    const unread = (await api(s.f.village.session, 'GET', '/api/notifications?unread=true')).json();
    expect([unread.total, unread.unread, unread.items[0].id]).toEqual([1, 1, mine[1]!.id]);
    const all = await api(s.f.village.session, 'POST', '/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: 1 });
    expect((await api(s.f.village.session, 'GET', '/api/notifications')).json()).toMatchObject({ total: 2, unread: 0 });
    const missing = await api(
      s.f.village.session,
      'POST',
      '/api/notifications/00000000-0000-4000-8000-000000000009/read',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('reads the defaults, saves settings with a version, refuses a stale one and bad values', async () => {
    const { officer } = s.f;
    const first = await api(officer.session, 'GET', '/api/notification-settings');
    expect(first.json()).toEqual({
      dueSoonDays: 3,
      dailyDigest: false,
      email: true,
      emailAddress: null,
      emailAvailable: false,
    });
    const saved = await api(officer.session, 'PUT', '/api/notification-settings', {
      dueSoonDays: 5,
      dailyDigest: true,
      email: false,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ dueSoonDays: 5, dailyDigest: true, email: false, version: 1 });
    // A second "first save" (another tab that read the defaults) is a conflict, as is a stale version.
    expect(
      (
        await api(officer.session, 'PUT', '/api/notification-settings', {
          dueSoonDays: 4,
          dailyDigest: false,
          email: true,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await api(officer.session, 'PUT', '/api/notification-settings', {
          version: 1,
          dueSoonDays: 7,
          dailyDigest: false,
          email: true,
        })
      ).json(),
    ).toMatchObject({ dueSoonDays: 7, version: 2 });
    const stale = await api(officer.session, 'PUT', '/api/notification-settings', {
      version: 1,
      dueSoonDays: 1,
      dailyDigest: false,
      email: true,
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'CONFLICT']);

    for (const [body, field] of [
      [{ version: 2, dueSoonDays: 31, dailyDigest: false, email: true }, 'dueSoonDays'],
      [{ version: 2, dueSoonDays: -1, dailyDigest: false, email: true }, 'dueSoonDays'],
      [{ version: 2, dueSoonDays: 2.5, dailyDigest: false, email: true }, 'dueSoonDays'],
      [{ version: 2, dueSoonDays: 3, dailyDigest: 'có', email: true }, 'dailyDigest'],
      [{ version: 2, dueSoonDays: 3, dailyDigest: false }, 'email'],
      [{ version: 2, dueSoonDays: 3, dailyDigest: false, email: true, sms: true }, 'sms'],
    ] as const) {
      const bad = await api(officer.session, 'PUT', '/api/notification-settings', body);
      expect([bad.statusCode, bad.json().error.code, bad.json().error.field], JSON.stringify(body)).toEqual([
        400,
        'VALIDATION_FAILED',
        field,
      ]);
    }
    expect((await api(officer.session, 'GET', '/api/notification-settings')).json()).toMatchObject({
      dueSoonDays: 7,
      version: 2,
    });
    // Each account has its own settings.
    expect((await api(s.f.women.session, 'GET', '/api/notification-settings')).json().dueSoonDays).toBe(3);
  });

  it('gives a ready-to-paste Zalo message of the caller’s tasks due within the days asked, overdue first', async () => {
    const r = await api(s.f.village.session, 'GET', '/api/my-work/digest?days=7');
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d.until).toBe('2026-03-09');
    expect(d.text).toBe(
      [
        'Việc cần làm đến 09/03/2026 (Hoàng Văn Tư):',
        '1. [Quá hạn 3 ngày] Rà soát hộ nghèo, cận nghèo khu 3 – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 27/02',
        '2. [Còn 2 ngày] Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 04/03',
      ].join('\n'),
    );
    expect(d.text).toBe(d.text.normalize('NFC'));
    expect(d.text).not.toMatch(/[*_#`]/);
    expect(
      d.items.map((i: { id: string; myRoles: string[]; timeliness: string }) => [i.id, i.myRoles, i.timeliness]),
    ).toEqual([
      [s.tasks.late, ['assignee'], 'overdue'],
      [s.tasks.soon, ['responsible'], 'due_soon'],
    ]);
    // A longer horizon reaches the task due on 20/03.
    const month = (await api(s.f.village.session, 'GET', '/api/my-work/digest?days=30')).json();
    expect(month.text.split('\n')[3]).toBe(
      '3. [Còn 18 ngày] Ngày hội Đại đoàn kết toàn dân tộc – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 20/03',
    );
  });

  it('lists work to accept for the leader, says when there is nothing, and answers in English when asked', async () => {
    const leader = (await api(s.f.leader.session, 'GET', '/api/my-work/digest')).json();
    // The same list as the Việc của tôi page: the body's work, and what waits for the leader's acceptance, labelled
    // by how long it has waited (reported done on 01/03).
    const lines = leader.text.split('\n');
    expect(lines[0]).toMatch(/^Việc cần làm đến 09\/03\/2026 \(Nguyễn Văn Định\):$/);
    expect(lines).toContain(
      `${lines.findIndex((l: string) => l.includes('Hội nghị đại biểu nhân dân khu phố'))}. [Chờ nghiệm thu 1 ngày] Hội nghị đại biểu nhân dân khu phố – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 03/03`,
    );
    expect(leader.items.length).toBe(lines.length - 1);
    expect(
      leader.items.find((i: { title: string }) => i.title === 'Hội nghị đại biểu nhân dân khu phố').myRoles,
    ).toContain('accept');
    const none = (await api(s.f.sibling.session, 'GET', '/api/my-work/digest?days=7')).json();
    expect(none.items).toEqual([]);
    expect(none.text.split('\n')[1]).toBe('Không có việc nào quá hạn hoặc đến hạn.');
    const en = (await api(s.f.women.session, 'GET', '/api/my-work/digest?days=7', undefined, 'en')).json();
    expect(en.text.split('\n')[1]).toBe(
      '1. [2 days left] Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI – lead: Ủy ban MTTQ Phường Móng Cái 1 – due 04/03',
    );
  });

  it('refuses a bad digest horizon and unauthenticated calls', async () => {
    for (const days of ['61', '-1', 'bay']) {
      const r = await api(s.f.village.session, 'GET', `/api/my-work/digest?days=${days}`);
      expect([r.statusCode, r.json().error.field]).toEqual([400, 'days']);
    }
    for (const url of ['/api/notifications', '/api/notification-settings', '/api/my-work/digest'])
      expect((await call(t().app, { url })).statusCode).toBe(401);
  });
});
