// The architecture's arrows, enforced: model → store → views, with io and layout at the edge.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const VIEWS = ['canvas', 'panels', 'app'];
const folder = (name) => [`../${name}`, `../${name}/*`, `../../src/${name}/*`];
const banFolders = (names, why) =>
  names.map((name) => ({ group: folder(name), message: `${why} (src/${name})` }));
const REACT = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'no React here' },
  { group: ['@xyflow/react'], message: 'no React Flow here' },
  { group: ['zustand', 'zustand/*'], message: 'no store here' },
];
const BROWSER_IO = [
  { group: ['idb', 'html-to-image'], message: 'browser I/O belongs in src/io' },
];
const STORAGE_GLOBALS = ['localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({
  name,
  message: 'storage is src/io\'s job; call a store action',
}));

function boundary(files, patterns, extra = {}) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }], ...extra },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'bench/results.json', 'test-results', '.tmp'] },
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
  boundary(
    ['src/model/**'],
    [
      ...REACT,
      ...BROWSER_IO,
      { group: ['elkjs', 'elkjs/*'], message: 'layout belongs in src/layout' },
      ...banFolders(['store', 'io', 'layout', 'cli', ...VIEWS], 'src/model is pure and imports nothing above it'),
    ],
    { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', ...STORAGE_GLOBALS] },
  ),
  boundary(
    ['src/store/**'],
    [
      { regex: '^react(-dom)?(/.*)?$', message: 'the store is framework-free; hooks live in src/app' },
      ...banFolders(['cli', ...VIEWS], 'the store does not know its views'),
    ],
    { 'no-restricted-globals': ['error', ...STORAGE_GLOBALS] },
  ),
  boundary(
    ['src/io/**'],
    [...REACT, ...banFolders(['store', 'cli', 'layout', ...VIEWS], 'io is a service; it does not know the store or views')],
  ),
  boundary(
    ['src/layout/**'],
    [...REACT, ...BROWSER_IO, ...banFolders(['store', 'io', 'cli', ...VIEWS], 'layout is a service; it only knows the model')],
  ),
  boundary(
    ['src/cli/**'],
    [...REACT, ...BROWSER_IO, ...banFolders(['store', ...VIEWS], 'the CLI is built on the model and layout only')],
  ),
  boundary(
    VIEWS.map((v) => `src/${v}/**`),
    [
      { group: ['idb', 'html-to-image', 'fflate', 'elkjs', 'elkjs/*'], message: 'views call store actions; I/O lives in src/io' },
      ...banFolders(['io', 'layout', 'cli'], 'views reach services only through the store'),
    ],
    { 'no-restricted-globals': ['error', ...STORAGE_GLOBALS] },
  ),
  // The one place that builds the real services (IndexedDB, the layout worker, downloads) and
  // hands them to the store.
  boundary(['src/app/browserServices.ts'], [...banFolders(['cli'], 'the browser app does not run the CLI')]),
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
