/**
 * The document's life outside the canvas: "My diagrams" with autosave, other tabs, files,
 * images, share links and the clipboard. The store's actions here are the only way views reach
 * src/io; what needs a browser comes in through `WorkspaceServices`, so tests pass fakes.
 */
import type { AutosaveStatus, Autosaver, AutosaverOptions } from '../io/autosave';
import type { DiagramLibrary, DiagramSummary, LibraryUnavailable, RemovedDiagram } from '../io/diagramLibraryTypes';
import type { Bounds, ExportImageOptions, ExportImageResult, ExportScale } from '../io/exportImage';
import { diagramFileName } from '../io/fileName';
import { createMemoryLibrary } from '../io/memoryLibrary';
import { serializeMermaid } from '../io/mermaid';
import { openDiagramFile, parseDiagramText, type FileLike } from '../io/openDiagramFile';
import { parseShareLink, serializeShareLink, shareLinkWarning } from '../io/shareLink';
import type { TabSync } from '../io/tabSync';
import { describeRecovery, recoverUnsaved } from '../io/recoverUnsaved';
import type { UnsavedJournal } from '../io/unsavedJournal';
import type { OpeningMark, OpeningRecord } from '../io/openingMark';
import { emptyDiagram, type Diagram, type ParseResult } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { placeOnGrid } from '../model/placeOnGrid';
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import { FRAGMENT_FORMAT } from './clipboard';
import type { EditorActions, EditorState } from './editorStore';

export interface WorkspaceServices {
  openLibrary(): Promise<DiagramLibrary | LibraryUnavailable>;
  createAutosaver(options: AutosaverOptions): Autosaver;
  createTabSync(): TabSync;
  tabId: string;
  /** Flushes pending saves when the page is hidden; returns a function that stops it. */
  flushOnHide(autosaver: Autosaver): () => void;
  download(blob: Blob, fileName: string): void;
  exportImage(element: HTMLElement, bounds: Bounds, options: ExportImageOptions): Promise<ExportImageResult>;
  copyText(text: string): Promise<boolean>;
  /** The page's address, to build share links and to read one on start. */
  location(): { href: string; hash: string };
  /** Removes the share link from the address bar once it has been opened. */
  clearHash(): void;
  /** Where unsaved work is kept synchronously when the page is left; recovered on start. */
  journal?: UnsavedJournal;
  /** Remembers a big diagram being opened, so one that froze the page is not reopened at start. */
  openingMark?: OpeningMark;
}

/** What the canvas lends the store for image export. */
export interface CanvasHandle {
  viewportElement(): HTMLElement | null;
  nodesBounds(): Bounds;
  /** Resolves once every node is in the DOM with export styles applied. */
  whenAllRendered(): Promise<void>;
  background(): string;
}

export type SaveState = AutosaveStatus | { state: 'memory' } | { state: 'starting' };

export interface ExportSettings {
  scale: ExportScale;
  background: 'theme' | 'white' | 'transparent';
  padding: number;
}

export interface WorkspaceState {
  currentId: string | null;
  items: DiagramSummary[];
  saveState: SaveState;
  /** Set when the browser refused storage: work is kept in memory only. */
  storageProblem: string | null;
  lastShare: { url: string; warning: string | null } | null;
  /** The export in progress, in words, or null. */
  exportPhase: string | null;
  /** The last deleted diagram, while its deletion can still be undone. */
  deleted: { removed: RemovedDiagram; title: string } | null;
  /** A diagram that did not finish opening in the last session, so it was not reopened; the user may open it. */
  interrupted: Omit<OpeningRecord, 'at'> | null;
}

export interface WorkspaceActions {
  start(): Promise<void>;
  setCanvasHandle(handle: CanvasHandle | null): void;
  openFile(file: FileLike): Promise<boolean>;
  /** Handles pasted text: a diagram or share link opens, copied components are added. */
  pasteText(text: string): boolean;
  /** The text the system clipboard gets for a copy of the selection. */
  copySelectionText(): string | null;
  saveFile(): void;
  exportImage(format: 'png' | 'svg', settings: ExportSettings): Promise<boolean>;
  shareLink(): Promise<string | null>;
  copyMermaid(): Promise<boolean>;
  openStored(id: string): Promise<boolean>;
  createStored(): Promise<void>;
  renameStored(id: string, title: string): Promise<void>;
  duplicateStored(id: string): Promise<void>;
  deleteStored(id: string): Promise<void>;
  undoDelete(): Promise<void>;
  exportUnreadable(id: string): Promise<void>;
  /** Opens the interrupted diagram (`open`), or just forgets the offer. */
  resolveInterrupted(open: boolean): Promise<void>;
}

type Full = EditorState & EditorActions & WorkspaceState & WorkspaceActions;
type Set = (partial: Partial<Full> | ((s: Full) => Partial<Full>)) => void;
type Get = () => Full;
type Subscribe = (listener: (state: Full, prev: Full) => void) => () => void;

export const initialWorkspace: WorkspaceState = {
  currentId: null,
  items: [],
  saveState: { state: 'starting' },
  storageProblem: null,
  lastShare: null,
  exportPhase: null,
  deleted: null,
  interrupted: null,
};

function isEmpty(diagram: Diagram): boolean {
  return diagram.nodes.length === 0 && diagram.edges.length === 0;
}

export function createWorkspaceActions(set: Set, get: Get, subscribe: Subscribe, services: WorkspaceServices | undefined): WorkspaceActions {
  let library: DiagramLibrary = createMemoryLibrary();
  let autosaver: Autosaver | null = null;
  let tabSync: TabSync | null = null;
  let canvas: CanvasHandle | null = null;
  /** The stored revision this tab's document is based on. */
  let baseRevision = 0;
  /** Loading a stored diagram is not an edit: it must not trigger a save. */
  let loading = false;
  /** The journal entry this tab wrote on pagehide, until a save covers its store revision. */
  let kept: { id: string; revision: number } | null = null;

  const refreshList = async () => {
    try {
      set({ items: await library.list() });
    } catch (e) {
      get().notify('error', `Could not read My diagrams: ${(e as Error).message}`);
    }
  };

  const show = (diagram: Diagram) => {
    loading = true;
    get().loadDiagram(diagram);
    loading = false;
  };

  async function saveCurrent(diagram: Diagram) {
    const id = get().currentId;
    if (id === null) return { ok: false as const, reason: 'error' as const, message: 'No diagram is open.' };
    const savingRevision = get().revision;
    // The copy kept on pagehide is no longer needed once a save holds everything it held.
    const covered = () => {
      if (!kept || savingRevision < kept.revision) return;
      services?.journal?.clear(kept.id, services.tabId);
      kept = null;
    };
    const outcome = await library.save(id, diagram, { expectedRevision: baseRevision });
    if (outcome.ok) {
      covered();
      baseRevision = outcome.revision;
      tabSync?.announceSave(id, outcome.revision, services?.tabId ?? '');
      void refreshList();
    } else if (outcome.reason === 'conflict') {
      // Another tab saved newer work: keep both. Ours becomes a copy; theirs stays as it is.
      const suffix = ' (conflict copy)';
      const title = `${diagram.title.slice(0, LIMITS.maxLabelLength - suffix.length)}${suffix}`;
      const copy = await library.create({ ...diagram, title });
      if (copy.ok) {
        covered();
        // The editor shows the copy's title too, or the next save would quietly take it back.
        set((s) => ({ currentId: copy.id, meta: { ...s.meta, title } }));
        baseRevision = copy.revision;
        // The other tab lists the copy at once.
        tabSync?.announceSave(copy.id, copy.revision, services?.tabId ?? '');
        void library.setLastOpened(copy.id);
        void refreshList();
        get().notify('warning', 'Another tab changed this diagram at the same time. Your version was kept as a copy in My diagrams.');
        return { ok: true as const, revision: copy.revision, updatedAt: copy.updatedAt };
      }
    }
    return outcome;
  }

  async function switchTo(id: string, diagram: Diagram, revision: number) {
    set({ currentId: id });
    baseRevision = revision;
    services?.openingMark?.opening({ id, title: diagram.title, nodeCount: diagram.nodes.length, edgeCount: diagram.edges.length });
    show(diagram);
    void library.setLastOpened(id);
    await refreshList();
  }

  /** Opens an outside diagram (file, link, paste) as a new entry: the current one is never replaced. */
  async function openAsNew(opened: Diagram, source: string, notices: readonly string[] = []): Promise<boolean> {
    // A file without positions gets a grid at once, then a real layout once the canvas has measured it.
    const unplaced = opened.nodes.some((n) => n.position === undefined);
    const diagram = unplaced ? placeOnGrid(opened) : opened;
    await autosaver?.flush();
    const previous = get().currentId;
    const wasEmpty = isEmpty(get().getDiagram());
    const created = await library.create(diagram);
    if (!created.ok) {
      get().notify('error', `Could not open the ${source} as a new diagram: ${created.message}`);
      return false;
    }
    // An untouched empty diagram is replaced rather than left behind; done before the switch so
    // My diagrams changes once, not twice.
    if (previous !== null && wasEmpty) await library.remove(previous);
    await switchTo(created.id, diagram, created.revision);
    get().notify('info', `Opened the ${source} “${diagram.title}” as a new diagram. Your other diagrams are in My diagrams.`);
    // What the parser repaired or upgraded (a draft file, spaces in a link): the user is told.
    for (const notice of notices) get().notify('info', notice);
    if (unplaced) await layoutWhenMeasured();
    return true;
  }

  /** Waits (briefly) for React Flow to measure the new nodes, so the layout uses their real sizes. */
  async function layoutWhenMeasured() {
    for (let i = 0; i < 20 && get().nodes.some((n) => n.type === 'component' && !n.measured); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await get().autoLayout();
  }

  function refuse(result: ParseResult<unknown> & { ok: false }, source: string) {
    get().notify('error', `Could not open this ${source}: ${result.error.message} Your diagram was not changed.`);
  }

  return {
    async start() {
      if (!services) return;
      const opened = await services.openLibrary();
      if (opened.ok) {
        library = opened;
        void library.requestPersistence();
      } else {
        set({ storageProblem: `${opened.message} Your work is kept in this tab only until storage is available.` });
        get().notify('warning', `Storage is unavailable: ${opened.message} Archflow keeps working, but nothing survives closing this tab; use Save to keep a file.`);
      }
      const journal = opened.ok ? services.journal : undefined;
      autosaver = services.createAutosaver({
        save: saveCurrent,
        keepNow: (diagram) => {
          const id = get().currentId;
          if (!journal || id === null) return;
          const entry = { id, tabId: services.tabId, baseRevision, text: serializeDiagramFile(diagram), at: Date.now() };
          if (journal.write(entry)) kept = { id, revision: get().revision };
        },
        onStatus: (status) => {
          set({ saveState: opened.ok ? status : { state: 'memory' } });
          if (status.state === 'error' && status.reason !== 'conflict') {
            get().notify('error', `Autosave failed: ${status.message} Your diagram is still here; Archflow will try again.`);
          }
        },
      });
      services.flushOnHide(autosaver);
      tabSync = services.createTabSync();
      tabSync.onRemoteSave((msg) => {
        void refreshList();
        if (msg.id !== get().currentId || msg.tabId === services.tabId || msg.revision <= baseRevision) return;
        if (autosaver?.isDirty()) {
          get().notify('warning', 'This diagram was changed in another tab. Your changes here will be kept as a copy.');
          return;
        }
        void library.load(msg.id).then((loaded) => {
          if (loaded.ok && get().currentId === msg.id && !autosaver?.isDirty()) {
            baseRevision = loaded.value.revision;
            show(loaded.value.diagram);
            get().notify('info', 'Updated with the changes made in another tab.');
          }
        });
      });
      subscribe((s, prev) => {
        if (s.revision !== prev.revision && !loading) autosaver?.markDirty(() => get().getDiagram());
      });
      if (journal) {
        const recovered = await recoverUnsaved(library, journal);
        for (const r of recovered) {
          if (r.kind === 'saved') tabSync.announceSave(r.id, r.revision, services.tabId);
          if (r.kind === 'copied') tabSync.announceSave(r.copyId, r.revision, services.tabId);
        }
        for (const { tone, message } of describeRecovery(recovered)) get().notify(tone, message);
      }

      const { hash } = services.location();
      if (/[#&]d=/.test(hash)) {
        const shared = parseShareLink(hash);
        services.clearHash();
        if (shared.ok) {
          if (await openAsNew(shared.value, 'shared link', shared.notices)) {
            set({ saveState: opened.ok ? { state: 'saved', at: Date.now() } : { state: 'memory' } });
            return;
          }
        } else {
          refuse(shared, 'link');
        }
      }
      const lastId = await library.lastOpenedId();
      // The last page froze or died while opening this diagram: offer it rather than freeze again.
      const frozen = services.openingMark?.take();
      const withheld = lastId !== undefined && frozen?.id === lastId;
      if (withheld) set({ interrupted: { id: frozen.id, title: frozen.title, nodeCount: frozen.nodeCount, edgeCount: frozen.edgeCount } });
      if (lastId !== undefined && !withheld) {
        const loaded = await library.load(lastId);
        if (loaded.ok) {
          await switchTo(lastId, loaded.value.diagram, loaded.value.revision);
          // Just read back from storage, so it is saved: without this the status said "Opening…" until the first edit.
          set({ saveState: opened.ok ? { state: 'saved', at: loaded.value.updatedAt } : { state: 'memory' } });
          return;
        }
        get().notify('error', `Your last diagram could not be read and was set aside (it is listed in My diagrams): ${loaded.error.message}`);
      }
      const current = get().getDiagram();
      const created = await library.create(current);
      if (created.ok) await switchTo(created.id, current, created.revision);
      set({ saveState: opened.ok ? { state: 'saved', at: Date.now() } : { state: 'memory' } });
    },

    setCanvasHandle(handle) {
      canvas = handle;
    },

    async openFile(file) {
      const result = await openDiagramFile(file);
      if (!result.ok) {
        refuse(result, 'file');
        return false;
      }
      return openAsNew(result.value, 'file', result.notices);
    },

    pasteText(text) {
      try {
        const value: unknown = JSON.parse(text);
        if (value && typeof value === 'object' && (value as { format?: unknown }).format === FRAGMENT_FORMAT) {
          const parsed = parseDiagramText(JSON.stringify({ ...(value as object), format: 'archflow', version: 1, title: 'Pasted', flow: 'bottom-up' }));
          if (parsed.kind !== 'not-a-diagram' && parsed.result.ok) {
            get().paste({ nodes: parsed.result.value.nodes, edges: parsed.result.value.edges });
          } else if (parsed.kind !== 'not-a-diagram' && !parsed.result.ok) {
            refuse(parsed.result, 'paste');
          }
          return true;
        }
      } catch {
        // Not JSON: it may still be a share link.
      }
      const pasted = parseDiagramText(text);
      if (pasted.kind === 'not-a-diagram') return false;
      if (!pasted.result.ok) {
        refuse(pasted.result, pasted.kind === 'share-link' ? 'link' : 'paste');
        return true;
      }
      void openAsNew(pasted.result.value, pasted.kind === 'share-link' ? 'shared link' : 'pasted diagram', pasted.result.notices);
      return true;
    },

    copySelectionText() {
      const fragment = get().copySelection();
      if (!fragment) return null;
      return JSON.stringify({ format: FRAGMENT_FORMAT, nodes: fragment.nodes, edges: fragment.edges });
    },

    saveFile() {
      const diagram = get().getDiagram();
      const text = serializeDiagramFile(diagram);
      services?.download(new Blob([text], { type: 'application/json' }), diagramFileName(diagram.title, 'archflow.json'));
    },

    async exportImage(format, settings) {
      const element = canvas?.viewportElement();
      if (!services || !canvas || !element) {
        get().notify('error', 'The canvas is not ready for export yet.');
        return false;
      }
      const diagram = get().getDiagram();
      if (diagram.nodes.length === 0) {
        get().notify('info', 'The diagram is empty: add components before exporting an image.');
        return false;
      }
      const background =
        settings.background === 'transparent' ? 'transparent' : settings.background === 'white' ? '#ffffff' : canvas.background();
      set({ exportPhase: 'Preparing' });
      // The canvas now drops selection rings and validation marks (they are for editing, not for
      // the picture) and draws the nodes culled off-screen; the export copies what it sees.
      await canvas.whenAllRendered();
      const result = await services.exportImage(element, canvas.nodesBounds(), {
        format,
        scale: settings.scale,
        background,
        padding: settings.padding,
        diagramJson: serializeDiagramFile(diagram),
        onProgress: (phase) => set({ exportPhase: phase }),
      });
      set({ exportPhase: null });
      if (!result.ok) {
        get().notify('error', `Export failed: ${result.message}`);
        return false;
      }
      services.download(result.blob, diagramFileName(diagram.title, format));
      if (result.notice) get().notify('warning', result.notice);
      return true;
    },

    async shareLink() {
      if (!services) return null;
      const url = serializeShareLink(get().getDiagram(), services.location().href);
      const warning = shareLinkWarning(url);
      set({ lastShare: { url, warning } });
      const copied = await services.copyText(url);
      get().notify(
        warning ? 'warning' : 'info',
        `${copied ? 'Share link copied' : 'Share link ready (copy it from the dialog)'}: ${url.length.toLocaleString('en')} characters.${warning ? ` ${warning}` : ''}`,
      );
      return url;
    },

    async copyMermaid() {
      const text = serializeMermaid(get().getDiagram());
      const copied = (await services?.copyText(text)) ?? false;
      get().notify(copied ? 'info' : 'error', copied ? 'Mermaid flowchart copied to the clipboard.' : 'The clipboard refused the Mermaid text.');
      return copied;
    },

    async openStored(id) {
      if (id === get().currentId) return true;
      await autosaver?.flush();
      const loaded = await library.load(id);
      if (!loaded.ok) {
        get().notify('error', `Could not open that diagram: ${loaded.error.message}`);
        await refreshList();
        return false;
      }
      await switchTo(id, loaded.value.diagram, loaded.value.revision);
      return true;
    },

    async createStored() {
      await autosaver?.flush();
      const diagram = emptyDiagram();
      const created = await library.create(diagram);
      if (!created.ok) {
        get().notify('error', `Could not create a diagram: ${created.message}`);
        return;
      }
      await switchTo(created.id, diagram, created.revision);
    },

    async renameStored(id, title) {
      if (id === get().currentId) {
        get().setTitle(title);
        return;
      }
      const outcome = await library.rename(id, title);
      if (!outcome.ok) get().notify('error', `Could not rename: ${outcome.message}`);
      await refreshList();
    },

    async duplicateStored(id) {
      if (id === get().currentId) await autosaver?.flush();
      const outcome = await library.duplicate(id);
      if (!outcome.ok) get().notify('error', `Could not duplicate: ${outcome.message}`);
      await refreshList();
    },

    async deleteStored(id) {
      const title = get().items.find((i) => i.id === id)?.title ?? 'Diagram';
      if (id === get().currentId) await autosaver?.flush();
      const outcome = await library.remove(id);
      if (!outcome.ok) {
        get().notify('error', `Could not delete: ${outcome.message}`);
        return;
      }
      set({ deleted: { removed: outcome.removed, title } });
      await refreshList();
      if (id === get().currentId) {
        const next = get().items.find((i) => i.status === 'ok');
        if (next) await get().openStored(next.id);
        else await get().createStored();
      }
    },

    async undoDelete() {
      const deleted = get().deleted;
      if (!deleted) return;
      const outcome = await library.restore(deleted.removed);
      set({ deleted: null });
      if (!outcome.ok) get().notify('error', `Could not restore “${deleted.title}”: ${outcome.message}`);
      await refreshList();
    },

    async resolveInterrupted(open) {
      const interrupted = get().interrupted;
      set({ interrupted: null });
      if (open && interrupted) await get().openStored(interrupted.id);
    },

    async exportUnreadable(id) {
      const raw = await library.readSetAside(id);
      if (!raw) return;
      services?.download(new Blob([raw.text], { type: 'application/json' }), `unreadable-${id}.json`);
    },
  };
}
