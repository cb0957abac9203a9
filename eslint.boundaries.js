// Which folder of src/ may import which: the arrows of docs/ARCHITECTURE.md as
// eslint-plugin-boundaries policies. Every file is classified by its top folder at any depth.
// Policies are read in order; a later one overrides an earlier one for the same import.

export const ELEMENTS = [
  ...['model', 'paint', 'store', 'bindings', 'canvas', 'panels', 'app', 'io', 'layout', 'sync', 'cli', 'server'].map((type) => ({
    type,
    pattern: `src/${type}/**`,
    partialMatch: false,
  })),
];

// Files that only run in a browser (DOM, IndexedDB, BroadcastChannel, Workers). The CLI may not
// import them, and the store may name their types but not call them: the app hands them in.
export const BROWSER_FILES = [
  'src/io/attemptStorage.ts',
  'src/io/autosave.ts',
  'src/io/clipboard.ts',
  'src/io/diagramLibrary.ts',
  'src/io/diagramLibraryOpen.ts',
  'src/io/downloadFile.ts',
  'src/io/exportImage.ts',
  'src/io/openFile.worker.ts',
  'src/io/openFileInWorker.ts',
  'src/io/openingMark.ts',
  'src/io/paintPng.ts',
  'src/io/paintPng.worker.ts',
  'src/io/readPalette.ts',
  'src/io/shareLink.worker.ts',
  'src/io/shareLinkInWorker.ts',
  'src/io/problemStorage.ts',
  'src/io/yieldToMain.ts',
  'src/io/snapshotElement.ts',
  'src/io/tabSync.ts',
  'src/layout/layoutClient.ts',
  'src/layout/layout.worker.ts',
];

export const FILES = [
  { category: 'browser', pattern: BROWSER_FILES },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const from = (type) => ({ element: { type } });

export const POLICIES = [
  { from: from('model'), allow: to('model'), message: 'src/model is pure and imports nothing above it' },
  {
    from: from('paint'),
    allow: to('paint', 'model'),
    message: 'src/paint draws records on a Canvas 2D context: pure, no DOM, no store (it runs in a worker)',
  },
  {
    from: from('store'),
    allow: to('store', 'model', 'io', 'layout', 'paint'),
  },
  {
    from: from('store'),
    disallow: {
      to: { file: { categories: 'browser' } },
      dependency: { kind: 'value' },
    },
    message: 'the store may name a browser service\'s types; src/app creates the service and hands it in',
  },
  { from: from('bindings'), allow: to('bindings', 'store', 'model') },
  { from: from('canvas'), allow: to('canvas', 'bindings', 'store', 'model', 'paint') },
  { from: from('panels'), allow: to('panels', 'canvas', 'bindings', 'store', 'model') },
  { from: from('app'), allow: to('app', 'panels', 'canvas', 'bindings', 'store', 'model', 'io', 'layout', 'sync', 'paint') },
  { from: from('io'), allow: to('io', 'model', 'paint') },
  { from: from('layout'), allow: to('layout', 'model') },
  // The live-collaboration binding sits between the store's diffs and a Yjs document; the store
  // never imports it (src/app hands the store a LiveService).
  { from: from('sync'), allow: to('sync', 'store', 'model') },
  { from: from('cli'), allow: to('cli', 'model', 'layout', 'io') },
  {
    from: from('server'),
    allow: to('server', 'model'),
    message: 'the sync server runs in Node: it may use the model (record schemas, room keys), nothing of the app',
  },
  {
    from: from('cli'),
    disallow: { to: { file: { categories: 'browser' } } },
    message: 'the CLI runs in Node: it may use io\'s and layout\'s pure parts only',
  },
];
