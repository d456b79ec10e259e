// ESLint flat config: the rules that keep the architecture of docs/architecture.md (module surfaces, no import cycles,
// SQL in queries.ts, small files and functions). `npm run lint`, run by .ci/run before the tests.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// A module of server/src/modules is reached from another module only through its index.ts (docs/architecture.md).
const MODULES = [
  'access-export',
  'audit-log',
  'break-glass',
  'file-rights',
  'journal',
  'organisation',
  'partage',
  'registre',
  'retention',
  'sections',
  'statistics',
  'usagers',
];
const deepModuleImports = MODULES.map((m) => ({
  regex: `^\\.\\./${m}/(?!index\\.js$).+`,
  message: `Importer le module ${m} par son index.ts (docs/architecture.md, Modules).`,
}));

// Kysely query builders and raw `sql` templates: a module's SQL lives in its queries.ts (docs/architecture.md).
const SQL_SELECTORS = [
  {
    selector: "TaggedTemplateExpression[tag.name='sql']",
    message: 'SQL brut hors de queries.ts : le déplacer dans le queries.ts du module (docs/architecture.md).',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
    message: 'Requête Kysely hors de queries.ts : la déplacer dans le queries.ts du module (docs/architecture.md).',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'data-scale/**',
      'test-results/**',
      '.ci-results/**',
      'web/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } })],
    },
    rules: {
      // No import cycle: the platform services read the installed modules (server/src/platform/installed.ts), never the
      // registry (docs/adr/007-module-contract.md). Type-only imports (`import type`) are not followed by the rule.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      // Modules use each other only through their index.ts (docs/architecture.md, Module contract).
      'no-restricted-imports': ['error', { patterns: deepModuleImports }],
    },
  },
  {
    files: ['server/src/modules/**/*.ts', 'server/src/access/**/*.ts', 'server/src/auth/**/*.ts'],
    ignores: ['**/queries.ts', '**/*-queries.ts', '**/queries/**', '**/*.test.ts'],
    rules: {
      // Services and routes hold no SQL (docs/architecture.md, "Rules the tooling holds"): it lives in queries.ts,
      // *-queries.ts or a queries/ folder of the module.
      'no-restricted-syntax': ['error', ...SQL_SELECTORS],
    },
  },
  {
    // The environment is read in server/src/config.ts only; tests and their harness may set and read it.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/config.ts', '**/*.test.ts', 'server/src/test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Lire l’environnement dans server/src/config.ts.' },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts are long by nature (tables of cases, scenarios).
    files: ['**/*.test.{ts,tsx}', '**/test/**', 'e2e/**', 'server/src/bench/**', 'server/src/db/migrations/**'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
);
