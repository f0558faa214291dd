// The import boundaries of docs/architecture.md §2, checked by `npm run lint` (lint:boundaries) and by
// test/boundaries.test.ts. Tests, testkits, test/ and bench/ may reach anywhere.

/** Shared layers: what every feature builds on, so they never depend on one. */
const SHARED = [
  '^server/(http|db|uploads|i18n|documents|storage|security)/',
  '^server/(clock|env|context)\\.ts$',
  '^web/(lib|ui)/',
];
/** Composition layers: they wire features together. */
const COMPOSITION = ['^server/(app|main|wiring)\\.ts$', '^server/jobs/', '^cli/'];
const EXEMPT = ['\\.test\\.tsx?$', '\\.testkit\\.tsx?$', '^test/', '^bench/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-feature',
      comment:
        'A shared layer never imports a feature; let the feature (or server/app.ts) hand it what it needs. See docs/architecture.md §2.',
      severity: 'error',
      from: { path: SHARED, pathNot: EXEMPT },
      to: { path: '^(server|web)/features/' },
    },
    {
      name: 'feature-imports-inner-file',
      comment:
        "A feature imports another feature only through that feature's index.ts (its public face). See docs/architecture.md §2.",
      severity: 'error',
      from: { path: '^server/features/([^/]+)/', pathNot: EXEMPT },
      to: { path: '^server/features/', pathNot: ['^server/features/$1/', '^server/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'composition-imports-feature-inside',
      comment:
        "server/app.ts, server/main.ts, server/wiring.ts, server/jobs and cli import a feature's index.ts, *.service.ts or *.routes.ts, never its repository. See docs/architecture.md §2.",
      severity: 'error',
      from: { path: COMPOSITION, pathNot: EXEMPT },
      to: { path: '^server/features/', pathNot: '^server/features/[^/]+/(index|[^/]+\\.service|[^/]+\\.routes)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests are exempt from every rule, so they are not read at all.
    exclude: { path: ['^node_modules/', '^web/dist/', '^web/\\.dist-', '^server/db/migrations/', ...EXEMPT] },
    // Type-only imports count: a shared layer naming a feature's type depends on the feature all the same.
    tsPreCompilationDeps: true,
    skipAnalysisNotInRules: true,
  },
};
