import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

describe('validation rules of reported values', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  const ind: Record<string, string> = {};
  let formId = '';
  beforeAll(async () => {
    f = await workFixture(t());
    for (const [code, valueType] of [
      ['HM_DK', 'integer'],
      ['HM_DAT', 'integer'],
      ['GHI_CHU', 'text'],
    ] as const) {
      const r = await call(t().app, {
        method: 'POST',
        url: '/api/reporting/indicators',
        session: f.admin,
        body: { code, name: code, valueType, treeAggregation: 'none', timeAggregation: 'none' },
      });
      ind[code] = r.json().id;
    }
    const form = await call(t().app, {
      method: 'POST',
      url: '/api/reporting/forms',
      session: f.admin,
      body: {
        code: 'MAU_HM',
        name: 'Vườn mẫu, hộ mẫu',
        periodType: 'quarter',
        firstVersion: {
          submitter: 'unit',
          unitKinds: ['ward'],
          bodyKinds: [],
          windowDay: 15,
          dueDays: 0,
          lockDays: null,
          sections: [],
          indicators: [
            { indicatorId: ind.HM_DK, required: true },
            { indicatorId: ind.HM_DAT, required: true },
          ],
        },
      },
    });
    formId = form.json().id;
  }, 120_000);

  const post = (body: Record<string, unknown>, session = f.officer.session) =>
    call(t().app, { method: 'POST', url: '/api/reporting/rules', session, body });

  it('"hộ mẫu đạt ≤ hộ đăng ký": an officer adds a blocking comparison for a form; anyone reads it', async () => {
    const r = await post({
      formId,
      indicatorId: ind.HM_DAT,
      kind: 'compare',
      op: '<=',
      otherIndicatorId: ind.HM_DK,
      severity: 'blocking',
      message: 'Hộ mẫu đạt không vượt quá hộ đăng ký',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      formId,
      kind: 'compare',
      op: '<=',
      otherIndicatorId: ind.HM_DK,
      constant: null,
      factor: null,
      version: 1,
    });
    const history = await post({ indicatorId: ind.HM_DK, kind: 'history', factor: 3, severity: 'warning' });
    expect(history.json()).toMatchObject({ formId: null, kind: 'history', factor: 3, op: null });
    const list = await call(t().app, { url: `/api/reporting/rules?form=${formId}`, session: f.village.session });
    expect(list.json().items.map((x: { kind: string }) => x.kind)).toEqual(['compare', 'history']);
    const ofIndicator = await call(t().app, {
      url: `/api/reporting/rules?indicator=${ind.HM_DK}`,
      session: f.village.session,
    });
    expect(ofIndicator.json().items).toHaveLength(1);
  });

  it('refuses a comparison without its operator, with both or neither of another indicator and a constant, or with itself', async () => {
    const base = { indicatorId: ind.HM_DAT, kind: 'compare', severity: 'warning' };
    expect((await post({ ...base, constant: 5 })).json().error.field).toBe('op');
    expect((await post({ ...base, op: '>' })).json().error.field).toBe('otherIndicatorId');
    expect((await post({ ...base, op: '>', constant: 1, otherIndicatorId: ind.HM_DK })).json().error.field).toBe(
      'otherIndicatorId',
    );
    expect((await post({ ...base, op: '>', otherIndicatorId: ind.HM_DAT })).json().error.field).toBe(
      'otherIndicatorId',
    );
    expect((await post({ ...base, indicatorId: ind.GHI_CHU, op: '>', constant: 1 })).json().error.field).toBe(
      'indicatorId',
    );
    expect((await post({ indicatorId: ind.HM_DK, kind: 'history', severity: 'warning' })).json().error.field).toBe(
      'factor',
    );
    expect((await post({ indicatorId: ind.HM_DK, kind: 'history', factor: 1, severity: 'warning' })).statusCode).toBe(
      400,
    );
    const gone = await post({ ...base, op: '>', constant: 1, formId: '00000000-0000-4000-8000-00000000beef' });
    expect([gone.statusCode, gone.json().error.field]).toEqual([404, 'formId']);
  });

  it('changes a rule (what its new kind does not use is cleared) and deletes it, refusing stale versions', async () => {
    const r = (
      await post({ indicatorId: ind.HM_DAT, kind: 'compare', op: '>=', constant: 0, severity: 'warning' })
    ).json();
    const url = `/api/reporting/rules/${r.id}`;
    const changed = await call(t().app, {
      method: 'PATCH',
      url,
      session: f.officer.session,
      body: { version: 1, kind: 'history', factor: 2.5 },
    });
    expect(changed.json()).toMatchObject({ kind: 'history', factor: 2.5, op: null, constant: null, version: 2 });
    expect(
      (await call(t().app, { method: 'DELETE', url, session: f.officer.session, body: { version: 1 } })).statusCode,
    ).toBe(409);
    expect(
      (await call(t().app, { method: 'DELETE', url, session: f.village.session, body: { version: 2 } })).statusCode,
    ).toBe(403);
    expect(
      (await call(t().app, { method: 'DELETE', url, session: f.officer.session, body: { version: 2 } })).statusCode,
    ).toBe(200);
    const list = await call(t().app, {
      url: `/api/reporting/rules?indicator=${ind.HM_DAT}`,
      session: f.officer.session,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });

  it('an indicator with a rule is not deleted', async () => {
    const del = await call(t().app, {
      method: 'DELETE',
      url: `/api/reporting/indicators/${ind.HM_DK}`,
      session: f.admin,
      body: { version: 1 },
    });
    expect([del.statusCode, del.json().error.code]).toEqual([409, 'IN_USE']);
  });
});
