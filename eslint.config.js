import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const SQL_MESSAGE = 'SQL belongs in a *.repository.ts file; see docs/architecture.md §2.';

/** Query building outside the repositories (docs/architecture.md §2): Kysely's statement builders and the `sql` tag
 * with its helpers (sql.ref, sql.raw…). Exported for test/boundaries.test.ts. */
export const sqlOnlyInRepositories = {
  name: 'khoi/sql-only-in-repositories',
  files: ['server/**/*.ts', 'cli/**/*.ts'],
  ignores: ['**/*.repository.ts', 'server/db/**', '**/*.test.ts', '**/*.testkit.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector:
          'CallExpression > MemberExpression.callee[property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|with|selectNoFrom|mergeInto)$/]',
        message: SQL_MESSAGE,
      },
      { selector: "TaggedTemplateExpression[tag.name='sql']", message: SQL_MESSAGE },
      { selector: "CallExpression > MemberExpression.callee[object.name='sql']", message: SQL_MESSAGE },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'web/.dist-*/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // The few plain-JS files (configs, the bin, a worker entry) are outside tsconfig.json: no type information.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read responses untyped on purpose (light-my-request's res.json() is `any`); the response schemas are
    // checked by the generated suites. Every other type-checked rule stays on for tests.
    files: ['**/*.test.ts', '**/*.testkit.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  sqlOnlyInRepositories,
);
