/** The real services a store gets in the browser: IndexedDB, the layout worker, downloads, the clipboard. */
import { createAutosaver, flushOnHide } from '../io/autosave';
import { copyTextToClipboard } from '../io/clipboard';
import { openDiagramLibrary } from '../io/diagramLibrary';
import { downloadBlob } from '../io/downloadFile';
import { createTabId, createTabSync } from '../io/tabSync';
import { createUnsavedJournal } from '../io/unsavedJournal';
import { yieldToMain } from '../io/yieldToMain';
import { createOpeningMark } from '../io/openingMark';
import { checkDiagramFileInWorker, openDiagramFileInWorker, parseDiagramFileInWorker } from '../io/openFileInWorker';
import { createAttemptStorage } from '../io/attemptStorage';
import { createProblemStorage } from '../io/problemStorage';
import { createLayoutClient } from '../layout/layoutClient';
import type { EditorServices } from '../store/services';
import type { WorkspaceServices } from '../store/workspaceTypes';
import { createLazyLiveSession } from './lazyLiveSession';

/** The sync server: `/sync` on the page's own origin unless the build names another (docs/sync-protocol.md). */
function syncUrl(): string {
  const configured = import.meta.env.VITE_SYNC_URL as string | undefined;
  if (configured) return configured;
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/sync`;
}

export function createBrowserServices(): {
  services: Partial<EditorServices>;
  workspace: WorkspaceServices;
  live: ReturnType<typeof createLazyLiveSession>;
} {
  const layoutClient = createLayoutClient();
  const clearHash = () => history.replaceState(null, '', window.location.pathname + window.location.search);
  const location = () => ({ href: window.location.href, hash: window.location.hash });
  return {
    live: createLazyLiveSession({ url: syncUrl(), location, clearHash, memory: window.sessionStorage, userMemory: window.localStorage, roleMemory: window.localStorage }),
    services: {
      layout: { layout: (diagram, options) => layoutClient.layout(diagram, options) },
      frame: nextFrame,
      later: (run) => nextFrame(() => setTimeout(run, 0)),
      yield: () => yieldToMain(),
    },
    workspace: {
      openLibrary: () => openDiagramLibrary({ parse: (text) => parseDiagramFileInWorker(text), check: (text) => checkDiagramFileInWorker(text) }),
      createAutosaver,
      createTabSync: () => createTabSync(),
      tabId: createTabId(),
      flushOnHide: (autosaver) => flushOnHide(autosaver),
      download: downloadBlob,
      // Image export (painted in a worker, PNG or SVG) loads on first use, not with the first paint.
      paintImage: async (...args) => (await import('../io/paintPng')).paintDiagramImage(...args),
      copyText: copyTextToClipboard,
      // Built in a worker (with its deflate), loaded on first use, not with the first paint.
      serializeShareLink: async (...args) => (await import('../io/shareLinkInWorker')).serializeShareLinkInWorker(...args),
      location,
      clearHash,
      journal: createUnsavedJournal(),
      openingMark: createOpeningMark(),
      attempts: createAttemptStorage(),
      openFile: (file) => openDiagramFileInWorker(file),
      problems: createProblemStorage(),
    },
  };
}

/** How often a page waiting for a frame checks whether it was hidden (hidden pages draw none). */
const HIDDEN_CHECK_MS = 250;

function nextFrame(run: (hurry: boolean) => void): void {
  let done = false;
  const once = (hurry: boolean) => {
    if (done) return;
    done = true;
    run(hurry);
  };
  requestAnimationFrame(() => once(false));
  const check = () => {
    if (done) return;
    if (document.visibilityState === 'hidden') once(true);
    else setTimeout(check, HIDDEN_CHECK_MS);
  };
  setTimeout(check, HIDDEN_CHECK_MS);
}
