import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

type Ind = { id: string; code: string; version: number; kind: string; formula: string | null };

describe('indicators (chỉ tiêu)', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  beforeAll(async () => {
    f = await workFixture(t());
  }, 120_000);

  let n = 0;
  const base = (over: Record<string, unknown> = {}) => ({
    code: `CT_${++n}`,
    name: `Chỉ tiêu ${n}`,
    measure: 'hồ sơ',
    valueType: 'integer',
    treeAggregation: 'sum',
    timeAggregation: 'sum',
    ...over,
  });
  const post = (body: Record<string, unknown>, session: Session = f.officer.session) =>
    call(t().app, { method: 'POST', url: '/api/reporting/indicators', session, body });
  const create = async (over: Record<string, unknown> = {}) => {
    const r = await post(base(over));
    expect(r.statusCode, r.body).toBe(201);
    return r.json<Ind>();
  };
  const patch = (id: string, body: Record<string, unknown>, session: Session = f.officer.session) =>
    call(t().app, { method: 'PATCH', url: `/api/reporting/indicators/${id}`, session, body });

  it('an officer adds a computed indicator of plan; every signed-in account reads it, searching without diacritics', async () => {
    const done = await create({ code: 'HS_TT', name: 'Hồ sơ trực tuyến đã hỗ trợ' });
    const plan = await create({ code: 'HS_KH', name: 'Kế hoạch hồ sơ trực tuyến' });
    const pct = await create({
      code: 'HS_PCT',
      name: 'Tỷ lệ hồ sơ trực tuyến so với kế hoạch',
      measure: '%',
      valueType: 'percentage',
      treeAggregation: 'none',
      timeAggregation: 'last',
      kind: 'computed',
      formula: 'HS_TT / HS_KH * 100',
    });
    expect(pct).toMatchObject({ kind: 'computed', formula: 'HS_TT / HS_KH * 100', coverage: null, version: 1 });
    const inputs = await t()
      .db.db.selectFrom('indicator_inputs')
      .select('input_id')
      .where('indicator_id', '=', pct.id)
      .execute();
    expect(inputs.map((i) => i.input_id).sort()).toEqual([done.id, plan.id].sort());

    // A village reporter without any role reads the list too.
    const found = await call(t().app, {
      url: '/api/reporting/indicators?q=ho so truc tuyen',
      session: f.village.session,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((i: Ind) => i.code)).toEqual(['HS_KH', 'HS_PCT', 'HS_TT']);
    const computed = await call(t().app, {
      url: '/api/reporting/indicators?kind=computed&q=hs_',
      session: f.village.session,
    });
    expect(computed.json().items.map((i: Ind) => i.code)).toEqual(['HS_PCT']);
  });

  it('refuses a formula that does not parse, names an unknown code or reads itself, saying where and why', async () => {
    await create({ code: 'A1' });
    const computed = (formula: string) => base({ kind: 'computed', formula, valueType: 'decimal' });
    const syntax = await post(computed('A1 / (A1 +'));
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'formula' });
    expect(syntax.json().error.issues[0].message).toContain('ký tự thứ 11');
    const unknown = await post(computed('A1 + KHONG_CO'));
    expect(unknown.json().error.issues[0].message).toContain('KHONG_CO');
    const self = await post({ ...computed('SELF_1 + A1'), code: 'SELF_1' });
    expect(self.json().error.issues[0].message).toContain('SELF_1 → SELF_1');
    const missing = await post(base({ kind: 'computed' }));
    expect(missing.json().error.field).toBe('formula');
  });

  it('refuses a change that closes a cycle through other computed indicators, naming it', async () => {
    const a = await create({ code: 'VONG_A' });
    await create({ code: 'VONG_B', kind: 'computed', formula: 'VONG_A * 2' });
    await create({ code: 'VONG_C', kind: 'computed', formula: 'VONG_B + 1' });
    const r = await patch(a.id, { version: a.version, kind: 'computed', formula: 'VONG_C - 1' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].message).toBe('Công thức tạo vòng lặp: VONG_A → VONG_C → VONG_B → VONG_A.');
    const en = await call(t().app, {
      method: 'PATCH',
      url: `/api/reporting/indicators/${a.id}`,
      session: f.officer.session,
      body: { version: a.version, kind: 'computed', formula: 'VONG_C - 1' },
      lang: 'en',
    });
    expect(en.json().error.issues[0].message).toContain('VONG_A → VONG_C → VONG_B → VONG_A');
    // Nothing changed.
    const after = await call(t().app, { url: `/api/reporting/indicators/${a.id}`, session: f.officer.session });
    expect(after.json()).toMatchObject({ kind: 'entered', formula: null, version: 1 });
  });

  it('a coverage indicator needs its source; yes/no and text indicators are only entered', async () => {
    const source = await create({
      code: 'KDV_LAP',
      valueType: 'boolean',
      treeAggregation: 'sum',
      timeAggregation: 'last',
    });
    const cov = await create({
      code: 'KDV_XA',
      name: 'Xã, phường đã thành lập khối dân vận',
      measure: 'xã',
      kind: 'coverage',
      coverage: { sourceId: source.id, min: 1, level: 3 },
    });
    expect(cov).toMatchObject({ coverage: { sourceId: source.id, sourceCode: 'KDV_LAP', min: 1, level: 3 } });
    expect((await post(base({ kind: 'coverage' }))).json().error.field).toBe('coverage');
    const gone = await post(
      base({ kind: 'coverage', coverage: { sourceId: '00000000-0000-4000-8000-00000000beef', min: null, level: 3 } }),
    );
    expect([gone.statusCode, gone.json().error.field]).toEqual([404, 'coverage.sourceId']);
    const bool = await post(base({ valueType: 'boolean', kind: 'computed', formula: 'KDV_LAP' }));
    expect([bool.statusCode, bool.json().error.field]).toEqual([400, 'kind']);
    // Back to entered: the coverage is cleared.
    const back = await patch(cov.id, { version: cov.version, kind: 'entered' });
    expect(back.json()).toMatchObject({ kind: 'entered', coverage: null, version: 2 });
  });

  it('a code is unique among live indicators, and a stale change is refused', async () => {
    const a = await create({ code: 'TRUNG' });
    const dup = await post(base({ code: 'trung' }));
    expect([dup.statusCode, dup.json().error.code, dup.json().error.field]).toEqual([409, 'ALREADY_EXISTS', 'code']);
    const renamed = await patch(a.id, { version: a.version, name: 'Tên mới' });
    expect(renamed.json()).toMatchObject({ name: 'Tên mới', version: 2 });
    expect((await patch(a.id, { version: a.version, name: 'Cũ' })).statusCode).toBe(409);
    // Deleted, its code may be taken again.
    const del = await call(t().app, {
      method: 'DELETE',
      url: `/api/reporting/indicators/${a.id}`,
      session: f.officer.session,
      body: { version: 2 },
    });
    expect(del.statusCode, del.body).toBe(200);
    await create({ code: 'TRUNG' });
    expect(
      (await call(t().app, { url: `/api/reporting/indicators/${a.id}`, session: f.officer.session })).statusCode,
    ).toBe(404);
  });

  it('refuses to delete an indicator a form or another indicator names, or to change the code a formula reads', async () => {
    const used = await create({ code: 'DUNG_MAU' });
    const read = await create({ code: 'DUNG_CT' });
    await create({ code: 'DUNG_TINH', kind: 'computed', formula: 'DUNG_CT * 2' });
    const form = await call(t().app, {
      method: 'POST',
      url: '/api/reporting/forms',
      session: f.officer.session,
      body: {
        code: 'MAU_DUNG',
        name: 'Mẫu',
        periodType: 'month',
        firstVersion: {
          submitter: 'unit',
          unitKinds: ['ward'],
          bodyKinds: [],
          windowDay: 15,
          dueDays: 3,
          lockDays: null,
          sections: [],
          indicators: [{ indicatorId: used.id, required: true }],
        },
      },
    });
    expect(form.statusCode, form.body).toBe(201);
    const del = (id: string) =>
      call(t().app, {
        method: 'DELETE',
        url: `/api/reporting/indicators/${id}`,
        session: f.officer.session,
        body: { version: 1 },
      });
    const byForm = await del(used.id);
    expect([byForm.statusCode, byForm.json().error.code]).toEqual([409, 'IN_USE']);
    expect(byForm.json().error.issues[0].message).toBe('Chỉ tiêu đang có trong mẫu báo cáo.');
    const byFormula = await del(read.id);
    expect(byFormula.json().error.issues[0].message).toContain('chỉ tiêu khác');
    // Renaming its code would break the formula that reads it.
    const rename = await patch(read.id, { version: 1, code: 'DUNG_CT2' });
    expect([rename.statusCode, rename.json().error.code]).toEqual([409, 'IN_USE']);
  });

  it('only administrators and accounts managing reporting change indicators', async () => {
    const refused = await post(base(), f.village.session);
    expect(refused.statusCode).toBe(403);
    expect((await post(base(), f.admin)).statusCode).toBe(201);
    // A leader of a ward manages reporting too.
    expect((await post(base(), f.leader.session)).statusCode).toBe(201);
    const a = await create();
    expect((await patch(a.id, { version: a.version, name: 'X' }, f.village.session)).statusCode).toBe(403);
  });
});
