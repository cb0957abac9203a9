// The architecture's arrows, enforced: model → store → views, with io and layout at the edge.
// eslint-plugin-boundaries classifies every file under src/ by its top folder, however deep it
// sits, so `src/model/sub/x.ts` importing `../../store/…` fails like a file one level up
// (docs/ARCHITECTURE.md, "Enforced boundaries"; tests/tooling/boundaries.test.ts proves it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import { BROWSER_FILES, ELEMENTS, FILES, POLICIES } from './eslint.boundaries.js';

const REACT = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'no React here' },
  { group: ['@xyflow/react'], message: 'no React Flow here' },
  { group: ['zustand', 'zustand/*'], message: 'no store here' },
];
const BROWSER_IO = [
  { group: ['idb', 'html-to-image'], message: 'browser I/O belongs in src/io' },
];
// The sync server's Node packages (src/server) stay out of everything the browser or the CLI loads.
const SERVER_ONLY = [
  { group: ['@hocuspocus/server', '@hocuspocus/extension-*', 'better-sqlite3', 'ioredis', 'ws', 'sirv'], message: 'the sync server\'s packages belong in src/server' },
];
const STORAGE_GLOBALS = ['localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({
  name,
  message: 'storage is src/io\'s job; call a store action',
}));

// Package imports are named the same at any depth, so ESLint's own rule covers them.
function packages(files, patterns, extra = {}) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }], ...extra },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'dist-cli', 'node_modules', 'bench/results.json', 'test-results', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkUnknownLocals: true, policies: POLICIES }],
      // A new top folder must be given a place in eslint.boundaries.js before it can be used.
      'boundaries/no-unknown-files': 'error',
    },
  },
  packages(
    ['src/model/**'],
    [...REACT, ...BROWSER_IO, ...SERVER_ONLY, { group: ['elkjs', 'elkjs/*'], message: 'layout belongs in src/layout' }],
    { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', ...STORAGE_GLOBALS] },
  ),
  packages(
    ['src/store/**'],
    [{ regex: '^react(-dom)?(/.*)?$', message: 'the store is framework-free; hooks live in src/bindings' }, ...SERVER_ONLY],
    { 'no-restricted-globals': ['error', ...STORAGE_GLOBALS] },
  ),
  packages(['src/io/**'], [...REACT, ...SERVER_ONLY]),
  {
    // io's and layout's other files are pure (the store and the CLI call them): keep them so.
    files: ['src/io/**', 'src/layout/**'],
    ignores: BROWSER_FILES,
    rules: {
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'indexedDB', 'BroadcastChannel', 'Worker', 'Image', 'XMLSerializer'].map((name) => ({
        name,
        message: 'only the files listed as browser in eslint.boundaries.js may use browser APIs',
      }))],
    },
  },
  packages(['src/layout/**'], [...REACT, ...BROWSER_IO, ...SERVER_ONLY]),
  packages(['src/cli/**'], [...REACT, ...BROWSER_IO, ...SERVER_ONLY]),
  packages(
    ['src/server/**'],
    [...REACT, ...BROWSER_IO, { group: ['elkjs', 'elkjs/*'], message: 'the sync server does no layout' }],
    { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', ...STORAGE_GLOBALS] },
  ),
  packages(
    ['src/bindings/**', 'src/canvas/**', 'src/panels/**', 'src/app/**'],
    [{ group: ['idb', 'html-to-image', 'fflate', 'elkjs', 'elkjs/*'], message: 'views call store actions; I/O lives in src/io' }, ...SERVER_ONLY],
    { 'no-restricted-globals': ['error', ...STORAGE_GLOBALS] },
  ),
  // The store derives React Flow's objects itself (src/store/flowView.ts): its types, not its code.
  {
    files: ['src/store/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@xyflow/react', '@xyflow/system'], allowTypeImports: true, message: 'the store uses React Flow types only' }] },
      ],
    },
  },
);
