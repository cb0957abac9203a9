/** The real services a store gets in the browser: IndexedDB, the layout worker, downloads, the clipboard. */
import { createAutosaver, flushOnHide } from '../io/autosave';
import { copyTextToClipboard } from '../io/clipboard';
import { openDiagramLibrary } from '../io/diagramLibrary';
import { downloadBlob } from '../io/downloadFile';
import { exportDiagramImage } from '../io/exportImage';
import { createTabId, createTabSync } from '../io/tabSync';
import { createUnsavedJournal } from '../io/unsavedJournal';
import { createOpeningMark } from '../io/openingMark';
import { createLayoutClient } from '../layout/layoutClient';
import type { EditorServices } from '../store/services';
import type { WorkspaceServices } from '../store/workspaceTypes';

export function createBrowserServices(): { services: Partial<EditorServices>; workspace: WorkspaceServices } {
  const layoutClient = createLayoutClient();
  return {
    services: {
      layout: { layout: (diagram, options) => layoutClient.layout(diagram, options) },
      frame: nextFrame,
      later: (run) => nextFrame(() => setTimeout(run, 0)),
    },
    workspace: {
      openLibrary: () => openDiagramLibrary(),
      createAutosaver,
      createTabSync: () => createTabSync(),
      tabId: createTabId(),
      flushOnHide: (autosaver) => flushOnHide(autosaver),
      download: downloadBlob,
      exportImage: exportDiagramImage,
      copyText: copyTextToClipboard,
      location: () => ({ href: window.location.href, hash: window.location.hash }),
      clearHash: () => history.replaceState(null, '', window.location.pathname + window.location.search),
      journal: createUnsavedJournal(),
      openingMark: createOpeningMark(),
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
