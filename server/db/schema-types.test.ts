import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Generated } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { GENERATE_COMMAND, GENERATED_SCHEMA_FILE, generateSchemaTypes } from './schema-codegen.ts';
import type * as G from './schema.generated.ts';
import type { Refine } from './schema.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// A clone of the run's migrated template: reading the template itself would block the other files' clones.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('the generated database types', () => {
  it('are those of the migrated database', async () => {
    const committed = fs.readFileSync(path.join(ROOT, GENERATED_SCHEMA_FILE), 'utf8');
    const generated = await generateSchemaTypes(db.url);
    expect(generated, `${GENERATED_SCHEMA_FILE} differs from the migrated database: run \`${GENERATE_COMMAND}\``).toBe(
      committed,
    );
  });

  it('follow a column a migration adds', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(`alter table task_groups add column added_by_test text not null default ''`);
    } finally {
      await c.end();
    }
    const generated = await generateSchemaTypes(db.url);
    expect(generated).toMatch(/export interface TaskGroups \{[^}]*\n {2}added_by_test: Generated<string>;\n/);
  });
});

// What schema.ts narrows must stay within the column: each of these is refused by the type check.
// @ts-expect-error a nullable column typed non-null
export type _NotNull = Refine<G.People, { gender: 'male' | 'female' }>;
// @ts-expect-error a column the table does not have
export type _Missing = Refine<G.Tasks, { colour: string }>;
// @ts-expect-error a column with a default typed as one without (and the reverse below)
export type _NoDefault = Refine<G.Accounts, { locale: 'vi' | 'en' }>;
// @ts-expect-error a default the column does not have
export type _Default = Refine<G.Tasks, { number: Generated<number> }>;
// @ts-expect-error another type
export type _Type = Refine<G.Tasks, { status: Generated<number> }>;
