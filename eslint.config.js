// Type-aware lint for the whole workspace. Layering rules keep docs/architecture.md true:
// the browser-safe model imports no Node module, and the screens import only the model.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'child_process', 'net', 'os', 'http', 'https', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-cloud/**', 'data/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**', 'installer/bootstrap.mjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    files: ['sync/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'better-sqlite3', 'drizzle-orm*', 'fastify*'] }],
    },
  },
  {
    files: ['ui/**/*.ts', 'ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, '@brigade/edge*', '@brigade/cloud*', '@brigade/drivers*', '!@brigade/drivers/wedge', '@brigade/sync/engine*', '@brigade/sync/schema*'] }],
    },
  },
  {
    files: ['drivers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@brigade/edge*', '@brigade/cloud*'] }] },
  },
  {
    files: ['edge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@brigade/cloud*', '@brigade/ui*'] }] },
  },
  {
    files: ['cloud/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@brigade/edge*', '@brigade/drivers*', '@brigade/ui*'] }] },
  },
);
