import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The two checks of docs/architecture.md §2 that `npm run lint` runs (.dependency-cruiser.cjs for imports,
// eslint.config.js for SQL): on the real tree, and on deliberate violations so a loosened rule is seen.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SQL_MESSAGE = 'SQL belongs in a *.repository.ts file; see docs/architecture.md §2.';

/** The server and CLI files that might build SQL: a cheap text match first, so ESLint parses only these
 * (repositories, the database layer and tests are left out here only for speed; the config decides). */
function sqlCandidates(): string[] {
  const maybe = /\.(selectFrom|insertInto|updateTable|deleteFrom|with|selectNoFrom|mergeInto)\(|\bsql\b/;
  const skip = /(\.repository|\.test|\.testkit)\.ts$|^server\/db\//;
  return ['server', 'cli']
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .map((f) => path.posix.join(dir, f.split(path.sep).join('/'))),
    )
    .filter((f) => f.endsWith('.ts') && !skip.test(f) && maybe.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
}

type Found = { rule: string; severity: string; from: string; to: string };

async function cruiseTree(options: ICruiseOptions, dirs: string[]): Promise<Found[]> {
  const { output } = await cruise(dirs, options);
  return (output as ICruiseResult).summary.violations.map((v) => ({
    rule: v.rule.name,
    severity: v.rule.severity,
    from: v.from,
    to: v.to,
  }));
}

describe('import boundaries (dependency-cruiser)', () => {
  let options: ICruiseOptions;
  let fixture: string;

  beforeAll(async () => {
    options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'));
    fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-boundaries-'));
    const files: Record<string, string> = {
      'server/features/work/index.ts': 'export const a = 1;\nexport type T = number;\n',
      'server/features/work/tasks.repository.ts': 'export const r = 1;\n',
      'server/features/work/task.create.service.ts': 'export const s = 1;\n',
      'server/features/work/work.routes.ts': 'export const w = 1;\n',
      // violations
      'server/http/bad.ts': "import { a } from '../features/work/index.ts';\nexport const b = a;\n",
      'server/db/bad-type.ts': "import type { T } from '../features/work/index.ts';\nexport type U = T;\n",
      'server/context.ts': "import { s } from './features/work/task.create.service.ts';\nexport const c = s;\n",
      'server/features/briefings/bad.ts': "import { r } from '../work/tasks.repository.ts';\nexport const b = r;\n",
      'server/features/briefings/bad-service.ts':
        "import { s } from '../work/task.create.service.ts';\nexport const b = s;\n",
      'server/app.ts':
        "import { r } from './features/work/tasks.repository.ts';\nimport { s } from './features/work/task.create.service.ts';\nimport { w } from './features/work/work.routes.ts';\nimport { a } from './features/work/index.ts';\nexport const x = [r, s, w, a];\n",
      'cli/commands/user.ts':
        "import { r } from '../../server/features/work/tasks.repository.ts';\nexport const u = r;\n",
      'web/lib/bad.ts': "import { p } from '../features/people/index.ts';\nexport const b = p;\n",
      'web/features/people/index.ts': 'export const p = 1;\n',
      'web/features/people/PersonSelect.tsx': 'export const PersonSelect = 1;\n',
      'web/features/work/Form.tsx':
        "import { PersonSelect } from '../people/PersonSelect.tsx';\nimport { p } from '../people/index.ts';\nexport const f = [PersonSelect, p];\n",
      // allowed: own files, another feature's index.ts, tests
      'server/features/briefings/ok.ts':
        "import { a } from '../work/index.ts';\nimport { b } from './bad.ts';\nexport const o = [a, b];\n",
      'server/http/bad.test.ts': "import { r } from '../features/work/tasks.repository.ts';\nexport const t = r;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.join(fixture, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(fixture, file), text);
    }
  });
  afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }));

  it('the tree keeps them', async () => {
    const found = await cruiseTree({ ...options, baseDir: ROOT }, ['server', 'cli', 'web']);
    expect(found.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('each rule fires on a deliberate violation, and only there', async () => {
    const found = await cruiseTree({ ...options, baseDir: fixture }, ['server', 'cli', 'web']);
    const key = (v: Found) => `${v.severity} ${v.rule}: ${v.from} → ${v.to}`;
    expect(found.map(key).sort()).toEqual(
      [
        'error shared-imports-feature: server/http/bad.ts → server/features/work/index.ts',
        'error shared-imports-feature: server/db/bad-type.ts → server/features/work/index.ts',
        'error shared-imports-feature: server/context.ts → server/features/work/task.create.service.ts',
        'error shared-imports-feature: web/lib/bad.ts → web/features/people/index.ts',
        'error feature-imports-inner-file: server/features/briefings/bad.ts → server/features/work/tasks.repository.ts',
        'error feature-imports-inner-file: server/features/briefings/bad-service.ts → server/features/work/task.create.service.ts',
        'error composition-imports-feature-inside: server/app.ts → server/features/work/tasks.repository.ts',
        'error composition-imports-feature-inside: cli/commands/user.ts → server/features/work/tasks.repository.ts',
      ].sort(),
    );
  });
});

describe('SQL only in repositories (eslint no-restricted-syntax)', () => {
  // The real config without type information: these snippets are files the TypeScript project has never seen.
  const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
  const sqlMessages = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    expect(
      result!.messages.filter((m) => m.fatal).map((m) => m.message),
      filePath,
    ).toEqual([]);
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const QUERY =
    "export const f = (db: import('kysely').Kysely<{ t: { id: string } }>) => db.selectFrom('t').select('id').execute();\n";
  const TAG =
    "import { sql } from 'kysely';\nexport const ok = sql<boolean>`true`;\nexport const col = sql.ref('t.id');\n";

  it('fires on a statement builder or the sql tag outside a repository', async () => {
    expect(await sqlMessages(QUERY, 'server/features/work/x.service.ts')).toEqual([SQL_MESSAGE]);
    expect(await sqlMessages(TAG, 'server/http/x.ts')).toEqual([SQL_MESSAGE, SQL_MESSAGE]);
    expect(await sqlMessages(QUERY, 'cli/commands/x.ts')).toEqual([SQL_MESSAGE]);
  });

  it('lets repositories, the database layer and tests have it', async () => {
    for (const file of [
      'server/features/work/x.repository.ts',
      'server/db/x.ts',
      'server/features/work/x.test.ts',
      'server/features/work/x.testkit.ts',
      'test/x.ts',
      'scripts/x.ts',
      'bench/x.ts',
    ]) {
      expect(await sqlMessages(TAG + QUERY, file), file).toEqual([]);
    }
  });

  it('the tree keeps it', async () => {
    const { sqlOnlyInRepositories } = (await import(path.join(ROOT, 'eslint.config.js'))) as {
      sqlOnlyInRepositories: Linter.Config;
    };
    // Only this rule, with the TypeScript parser: the whole lint is `npm run lint`.
    const only = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, sqlOnlyInRepositories],
    });
    const results = await only.lintFiles(sqlCandidates());
    const offending = results
      .filter((r) => r.messages.some((m) => m.ruleId === 'no-restricted-syntax'))
      .map((r) => path.relative(ROOT, r.filePath));
    expect(offending).toEqual([]);
  });
});
