import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'url',
  'util',
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'native', 'test-results', 'src-main/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '../src-main/*'],
              message: 'The renderer talks to main only through the contract.',
            },
            { group: ['electron', ...nodeBuiltins], message: 'The renderer has no Node or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'shared/ is pure TypeScript: no Node or Electron.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'shared/ depends on nothing in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/{modules,core,db,security,cli,sync}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'The core runs under plain Node: no Electron here.' },
            { group: ['**/src-renderer/**'], message: 'main never imports the renderer.' },
            {
              group: ['**/test/**'],
              message: 'The app never imports test code (e.g. the browser test host).',
            },
          ],
        },
      ],
    },
  },
);
