import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { openDatabase } from '../db/database.ts';
import { inTransaction } from '../db/tx.ts';
import { bodyAbbreviation, formatNumber, nextNumber } from './counters.ts';

const actor = { accountId: null, label: 'test' };

describe('document counters', () => {
  const t = useTestApp();
  let front: string;
  let office: string;

  beforeAll(async () => {
    const { db } = t();
    const unit = await db.db.insertInto('units').values({ level: 3 }).returning('id').executeTakeFirstOrThrow();
    front = (
      await db.db
        .insertInto('bodies')
        .values({ unit_id: unit.id, kind: 'front', name: 'Ủy ban MTTQ Phường Thử' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    office = (
      await db.db
        .insertInto('bodies')
        .values({
          unit_id: unit.id,
          kind: 'bloc_office',
          name: 'Cơ quan Khối Phường Thử',
          short_name: 'Cơ quan Khối P. Thử',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('twenty concurrent transactions get 1..20, with no gap and no duplicate', async () => {
    const { db } = t();
    const wide = openDatabase(db.url, { poolSize: 22, applicationName: 'khoi-test-counters' });
    try {
      const numbers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          inTransaction(wide.db, actor, async (trx) => {
            const n = await nextNumber(trx, front, 'conclusion_notice', '2026-03-12');
            // Hold the counter a moment so that the others queue on it.
            await new Promise((r) => setTimeout(r, (i * 7) % 20));
            return n.number;
          }),
        ),
      );
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await wide.close();
    }
  });

  it('a rolled-back transaction gives its number back, and a new year restarts at 1', async () => {
    const { db } = t();
    const take = (date: string) => inTransaction(db.db, actor, (trx) => nextNumber(trx, office, 'report', date));
    expect(await take('2026-01-05')).toEqual({ number: 1, symbol: 'BC-CQK', period: '2026' });
    await expect(
      inTransaction(db.db, actor, async (trx) => {
        expect((await nextNumber(trx, office, 'report', '2026-02-01')).number).toBe(2);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect((await take('2026-02-02')).number).toBe(2);
    expect(await take('2027-01-02')).toMatchObject({ number: 1, period: '2027' });
    expect((await take('2026-12-31')).number).toBe(3);
    // Each series and each issuer counts apart.
    expect((await inTransaction(db.db, actor, (trx) => nextNumber(trx, office, 'plan', '2026-03-01'))).number).toBe(1);
  });

  it('refuses an unknown series or issuer', async () => {
    const { db } = t();
    await expect(
      inTransaction(db.db, actor, (trx) => nextNumber(trx, front, 'nope', '2026-01-01')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'series' });
    await expect(
      inTransaction(db.db, actor, (trx) =>
        nextNumber(trx, '00000000-0000-4000-8000-000000000001', 'report', '2026-01-01'),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'issuerBodyId' });
  });

  it('writes symbols as Decree 30 does', () => {
    expect(
      bodyAbbreviation({ shortName: null, kindShort: 'MTTQ', kindName: 'Ủy ban Mặt trận Tổ quốc', name: 'x' }),
    ).toBe('MTTQ');
    expect(
      bodyAbbreviation({ shortName: null, kindShort: 'Hội LHPN', kindName: 'Hội Liên hiệp Phụ nữ', name: 'x' }),
    ).toBe('HLHPN');
    expect(
      bodyAbbreviation({ shortName: 'Cơ quan Khối TP Móng Cái', kindShort: 'Cơ quan Khối', kindName: 'x', name: 'x' }),
    ).toBe('CQK');
    expect(bodyAbbreviation({ shortName: 'MTTQ-MC1', kindShort: 'MTTQ', kindName: 'x', name: 'x' })).toBe('MTTQ-MC1');
    expect(bodyAbbreviation({ shortName: null, kindShort: null, kindName: 'Tiểu ban', name: 'x' })).toBe('TB');
    expect(formatNumber(5, 'TB-MTTQ')).toBe('05/TB-MTTQ');
    expect(formatNumber(123, 'TB-MTTQ')).toBe('123/TB-MTTQ');
  });
});
