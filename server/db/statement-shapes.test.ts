import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import type { DB } from './schema.ts';
import { statementShapes } from './statement-shapes.ts';

// Compiling needs no server.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('statements built once per shape', () => {
  it('runs each call with its own values in the cached text, and builds again only for another shape', () => {
    let builds = 0;
    const stmt = statementShapes((d, shape: { withStatus: boolean }, v: { id: string; status?: string }) => {
      builds++;
      let q = d.selectFrom('tasks').select('id').where('id', '=', v.id).where('deleted_at', 'is', null);
      if (shape.withStatus) q = q.where('status', '=', v.status as 'draft');
      return q;
    });
    const a = stmt(db, { withStatus: true }, { id: 'a', status: 'draft' });
    const b = stmt(db, { withStatus: true }, { id: 'b', status: 'accepted' });
    expect(builds).toBe(1);
    expect(b.sql).toBe(a.sql);
    expect(a.parameters).toEqual(['a', 'draft']);
    expect(b.parameters).toEqual(['b', 'accepted']);
    const c = stmt(db, { withStatus: false }, { id: 'c' });
    expect(builds).toBe(2);
    expect(c.parameters).toEqual(['c']);
    expect(c.sql).not.toContain('status');
  });

  it('keeps constants that are not values, and passes null and numbers as they are', () => {
    const stmt = statementShapes(
      (d, _s: null, v: { person: string | null; offset: number }) =>
        sql`select ${'work.manage'} as perm, ${v.person}::uuid as p limit 10 offset ${v.offset}`,
    );
    expect(stmt(db, null, { person: null, offset: 25 }).parameters).toEqual(['work.manage', null, 25]);
    expect(stmt(db, null, { person: 'x', offset: 0 }).parameters).toEqual(['work.manage', 'x', 0]);
  });

  it('refuses a value written into the SQL text, where a cached text would carry it to the next caller', () => {
    const stmt = statementShapes((_d, _s: null, v: { size: string }) => sql`select 1 limit ${sql.lit(v.size)}`);
    expect(() => stmt(db, null, { size: '25' })).toThrow(/SQL text/);
  });

  it('refuses a parameter computed from a value', () => {
    const stmt = statementShapes((_d, _s: null, v: { q: string }) => sql`select 1 where title like ${'%' + v.q + '%'}`);
    expect(() => stmt(db, null, { q: 'Trà Cổ' })).toThrow(/computed/);
  });
});
