import { sql } from 'kysely';
import { expect } from 'vitest';
import { call, signIn, type Session, type TestApp } from './app.ts';
import { buildAccount, PASSWORD } from './factories.ts';
import { importQuangNinh } from './units-fixture.ts';

/** Quảng Ninh's units, a few bodies on them and accounts with roles, as of 2 March 2026:
 * the province Front committee; in Phường Móng Cái 1 (06712) its Front committee (below the province's), Women's
 * Union and Youth Union; in Phường Móng Cái 2 (06709) its Front committee. Accounts: an administrator, a leader
 * and an officer of Móng Cái 1, an officer of Móng Cái 2 (a sibling), a Women's Union officer of Móng Cái 1 (a
 * cooperating body) narrowed to that body, and a village reporter (no role; a post in its quarter's Front work
 * committee) whose person is named on tasks. */
export async function workFixture(t: TestApp) {
  const { app, ctx, db } = t;
  await importQuangNinh(db.db);
  const unit = async (code: string) =>
    (
      await sql<{
        unit_id: string;
      }>`select unit_id from unit_tree where code = ${code} and (valid_to is null or valid_to > '2026-03-02') and (valid_from is null or valid_from <= '2026-03-02')`.execute(
        db.db,
      )
    ).rows[0]!.unit_id;
  const body = async (unitCode: string, kind: string, name: string, parentId: string | null = null) =>
    (
      await db.db
        .insertInto('bodies')
        .values({ unit_id: await unit(unitCode), kind, name, parent_id: parentId, valid_from: '2025-07-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const province = await body('22', 'front', 'Ủy ban MTTQ tỉnh Quảng Ninh');
  const mc1 = await body('06712', 'front', 'Ủy ban MTTQ Phường Móng Cái 1', province);
  const mc1Women = await body('06712', 'womens_union', 'Hội LHPN Phường Móng Cái 1');
  const mc1Youth = await body('06712', 'youth_union', 'Đoàn TN Phường Móng Cái 1');
  const mc2 = await body('06709', 'front', 'Ủy ban MTTQ Phường Móng Cái 2', province);
  const person = async (name: string) =>
    (await db.db.insertInto('people').values({ full_name: name }).returning('id').executeTakeFirstOrThrow()).id;
  const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
  const account = async (
    role: string | null,
    unitCode: string | null,
    bodyId: string | null = null,
    personName?: string,
  ) => {
    const a = await buildAccount(ctx);
    if (role) {
      const r = await call(app, {
        method: 'POST',
        url: `/api/accounts/${a.id}/roles`,
        session: admin,
        body: { role, unitCode, bodyId },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    let personId: string | null = null;
    if (personName) {
      personId = await person(personName);
      await db.db.updateTable('accounts').set({ person_id: personId }).where('id', '=', a.id).execute();
    }
    return { session: await signIn(app, a.username, PASSWORD), id: a.id, personId };
  };
  const leader = await account('leader', '06712', null, 'Nguyễn Văn Định');
  const officer = await account('officer', '06712', null, 'Vũ Thị Lan');
  const sibling = await account('officer', '06709');
  const women = await account('officer', '06712', mc1Women, 'Trần Thị Hoa');
  const village = await account(null, null, null, 'Hoàng Văn Tư');
  const villageHead = await person('Lê Văn Khu');
  // The village reporter and head hold posts in the Front work committee of their quarter, a body of the ward (a task
  // may name only people of its scope).
  const quarter = await body('06712', 'front_work_committee', 'Ban công tác Mặt trận Khu 1');
  for (const personId of [village.personId!, villageHead])
    await db.db
      .insertInto('positions')
      .values({ person_id: personId, body_id: quarter, title: 'Thành viên' })
      .execute();
  return {
    admin,
    leader,
    officer,
    sibling,
    women,
    village,
    villageHead,
    bodies: { province, mc1, mc1Women, mc1Youth, mc2 },
  };
}

export type WorkFixture = Awaited<ReturnType<typeof workFixture>>;

/** A programme of Móng Cái 1's Front committee for 2026 with two groups. */
export async function buildProgramme(app: TestApp['app'], session: Session, bodyId: string, year = 2026) {
  const r = await call(app, {
    method: 'POST',
    url: '/api/programmes',
    session,
    body: {
      bodyId,
      year,
      title: `Chương trình công tác năm ${year}`,
      groups: ['Công tác tuyên truyền', 'Xây dựng khối đại đoàn kết'],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  const detail = (await call(app, { url: `/api/programmes/${r.json().id}`, session })).json();
  return { id: r.json().id as string, groups: detail.groups as { id: string; name: string }[] };
}

/** Uploads one file as a multipart form, as the browser does. */
export async function uploadFile(
  app: TestApp['app'],
  session: Session,
  filename: string,
  data: Buffer,
  url = '/api/uploads',
) {
  const b = 'khoi-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${b}`,
      cookie: `khoi_session=${session.cookie}`,
      'x-csrf-token': session.csrf,
    },
  });
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
