/** The browser's workspace services for store tests: a memory library, fast autosave, no tabs, no DOM. */
import { createAutosaver } from '../../src/io/autosave';
import type { DiagramLibrary } from '../../src/io/diagramLibraryTypes';
import { createMemoryLibrary } from '../../src/io/memoryLibrary';
import type { WorkspaceServices } from '../../src/store/workspaceTypes';

export function fakeWorkspace(library: DiagramLibrary = createMemoryLibrary(), overrides: Partial<WorkspaceServices> = {}): WorkspaceServices {
  return {
    openLibrary: async () => library,
    createAutosaver: (o) => createAutosaver({ ...o, delayMs: 1, maxWaitMs: 5 }),
    createTabSync: () => ({ announceSave() {}, onRemoteSave: () => () => {}, dispose() {} }),
    tabId: 'tab',
    flushOnHide: () => () => {},
    download: () => {},
    paintImage: async () => ({ ok: false, message: 'no worker here' }),
    copyText: async () => true,
    location: () => ({ href: 'https://archflow.test/', hash: '' }),
    clearHash: () => {},
    ...overrides,
  };
}
