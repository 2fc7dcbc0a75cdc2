// ESLint flat config. Besides the usual rules it enforces where code may run (ARCHITECTURE.md): shared/ is pure,
// core never imports Electron, the renderer never touches Node or the main process.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'stream',
  'url',
  'util',
  'worker_threads',
];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test/artifacts/', '.electron-native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        'electron',
        'react',
        'react-dom',
        '@mantine/*',
        'better-sqlite3',
        ...NODE_BUILTINS,
        '**/electron/**',
        '**/renderer/**',
      ],
      'shared/ is pure TypeScript for both processes: no Electron, Node, React or DOM.',
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(
      ['electron', '**/main/**', '**/renderer/**'],
      'core and the CLI run in plain Node: Electron reaches them through Platform.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(
        ['electron', 'better-sqlite3', ...NODE_BUILTINS, '**/electron/**'],
        'The renderer is sandboxed: it reaches core only through window.api (renderer/src/api/client.ts).',
      ),
      // Hooks called by the rules, and effects that name everything they read (a stale closure shows old data).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
