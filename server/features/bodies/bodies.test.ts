import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { demoSessions } from '../../../test/factories.ts';

describe('bodies', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    ({ admin, officer } = await demoSessions(t()));
  }, 120_000);

  it('lists the bodies of a unit as of a date: the city bloc office until 30/06/2025, the wards’ Front committees after', async () => {
    const { app } = t();
    const city = (await call(app, { url: '/api/bodies?unit=194&asOf=2025-06-30', session: officer })).json();
    const office = city.find((b: { kind: string }) => b.kind === 'bloc_office');
    expect(office).toMatchObject({
      name: 'Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái',
      inBloc: true,
      validTo: '2025-07-01',
      unitName: 'Thành phố Móng Cái',
    });
    expect(city.map((b: { kind: string }) => b.kind)).toEqual(
      expect.arrayContaining([
        'front',
        'womens_union',
        'youth_union',
        'farmers_union',
        'veterans',
        'labour_federation',
        'party_committee',
        'mobilisation_board',
        'peoples_committee',
      ]),
    );
    expect(city.find((b: { kind: string }) => b.kind === 'party_committee').inBloc).toBe(false);
    const detail = (await call(app, { url: `/api/bodies/${office.id}?asOf=2025-06-30`, session: officer })).json();
    expect(detail.successors.map((s: { name: string }) => s.name)).toContain('Ủy ban MTTQ Phường Móng Cái 1');
    expect(detail.children.map((c: { name: string }) => c.name)).toContain(
      'Tiểu ban Tuyên truyền, Cơ quan Khối TP Móng Cái',
    );
    const ward = (await call(app, { url: '/api/bodies?unit=06712&asOf=2026-01-01', session: officer })).json();
    const front = ward.find((b: { kind: string }) => b.kind === 'front');
    expect(front).toMatchObject({
      name: 'Ủy ban MTTQ Phường Móng Cái 1',
      parentName: 'Ủy ban MTTQ tỉnh Quảng Ninh',
      validFrom: '2025-07-01',
    });
    const line = (
      await call(app, {
        url: `/api/bodies?q=hoi%20lhpn%20thanh%20pho%20mong%20cai&asOf=2025-01-01&includeEnded=true`,
        session: officer,
      })
    ).json();
    const women = line[0];
    const wDetail = (await call(app, { url: `/api/bodies/${women.id}?asOf=2025-01-01`, session: officer })).json();
    expect(wDetail.line.map((b: { name: string }) => b.name)).toEqual(['Hội LHPN tỉnh Quảng Ninh']);
  });

  it('an administrator adds, edits, ends, deletes and restores a body; others may not', async () => {
    const { app, db } = t();
    const provinceWomen = (
      await call(app, { url: '/api/bodies?unit=22&kind=womens_union', session: officer })
    ).json()[0];
    const add = (session: Session, body: Record<string, unknown>) =>
      call(app, { method: 'POST', url: '/api/bodies', session, body });
    expect(
      (await add(officer, { unitCode: '06712', kind: 'youth_union', name: 'Đoàn Thanh niên Phường Móng Cái 1' }))
        .statusCode,
    ).toBe(403);
    const created = await add(admin, {
      unitCode: '06712',
      kind: 'youth_union',
      name: 'Đoàn Thanh niên Phường Móng Cái 1',
      validFrom: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    const youth = created.json();
    expect(youth).toMatchObject({
      unitCode: '06712',
      kind: 'youth_union',
      kindName: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
      version: 1,
    });

    const wrongLine = await add(admin, { unitCode: '22', kind: 'womens_union', name: 'Sai', parentId: youth.id });
    expect(wrongLine.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
    expect((await add(admin, { unitCode: '99999', kind: 'front', name: 'X' })).json().error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'unitCode',
    });
    expect((await add(admin, { unitCode: '06712', kind: 'castle', name: 'X' })).json().error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'kind',
    });

    const edited = await call(app, {
      method: 'PATCH',
      url: `/api/bodies/${youth.id}`,
      session: admin,
      body: { version: 1, shortName: 'ĐTN P. Móng Cái 1' },
    });
    expect(edited.json().version).toBe(2);
    expect(
      (
        await call(app, {
          method: 'PATCH',
          url: `/api/bodies/${youth.id}`,
          session: admin,
          body: { version: 1, name: 'Cũ' },
        })
      ).statusCode,
    ).toBe(409);
    const cycle = await call(app, {
      method: 'PATCH',
      url: `/api/bodies/${provinceWomen.id}`,
      session: admin,
      body: { version: provinceWomen.version, parentId: provinceWomen.id },
    });
    expect(cycle.statusCode).toBe(400);

    const ended = await call(app, {
      method: 'POST',
      url: `/api/bodies/${youth.id}/end`,
      session: admin,
      body: { version: 2, date: '2026-01-01', successorIds: [] },
    });
    expect(ended.json().validTo).toBe('2026-01-01');
    expect(
      (await call(app, { url: '/api/bodies?unit=06712&kind=youth_union&asOf=2026-02-01', session: officer })).json(),
    ).toEqual([]);
    const del = await call(app, {
      method: 'POST',
      url: `/api/bodies/${youth.id}/delete`,
      session: admin,
      body: { version: 3 },
    });
    expect(del.json().deleted).toBe(true);
    const restored = await call(app, {
      method: 'POST',
      url: `/api/bodies/${youth.id}/restore`,
      session: admin,
      body: { version: 4 },
    });
    expect(restored.json().deleted).toBe(false);
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['action', 'actor_account_id'])
      .where('table_name', '=', 'bodies')
      .where('record_id', '=', youth.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete', 'restore']);
    expect(audit.every((a) => a.actor_account_id === admin.accountId)).toBe(true);
  });

  it('kinds are data an administrator extends', async () => {
    const { app } = t();
    const res = await call(app, {
      method: 'POST',
      url: '/api/bodies/kinds',
      session: admin,
      body: { code: 'red_cross', nameVi: 'Hội Chữ thập đỏ', nameEn: 'Red Cross', inBloc: false },
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/bodies/kinds',
          session: admin,
          body: { code: 'red_cross', nameVi: 'X', nameEn: 'X', inBloc: false },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/bodies/kinds',
          session: admin,
          body: { code: 'Có Dấu', nameVi: 'X', nameEn: 'X', inBloc: false },
        })
      ).json().error.field,
    ).toBe('code');
    const kinds = (await call(app, { url: '/api/bodies/kinds', session: officer })).json();
    expect(kinds.map((k: { code: string }) => k.code)).toContain('red_cross');
  });
});
