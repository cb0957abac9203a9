/**
 * The document's life outside the canvas: "My diagrams" with autosave, other tabs, files,
 * images, share links and the clipboard. The store's actions here are the only way views reach
 * src/io; what needs a browser comes in through `WorkspaceServices`, so tests pass fakes.
 * Autosave listens to the document's settled diffs; no action leaves a diagram whose changes
 * are not yet saved (see `saveBeforeLeaving`).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Autosaver } from '../io/autosave';
import type { DiagramLibrary } from '../io/diagramLibraryTypes';
import { createMemoryLibrary } from '../io/memoryLibrary';
import { openDiagramFile } from '../io/openDiagramFile';
import { pastedTextKind } from '../io/pastedTextKind';
import { describeRecovery, recoverUnsaved } from '../io/recoverUnsaved';
import type { TabSync } from '../io/tabSync';
import { emptyDiagram, type Diagram, type ParseResult } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { placeOnGrid } from '../model/placeOnGrid';
import { diffOf } from '../model/recordsDiff';
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import { parseJsonText } from '../model/parseDiagramFile';
import { isFragmentValue, parseFragmentValue, serializeFragment } from '../model/parseFragment';
import { sentence } from './sentence';
import type { EditorState } from './editorState';
import { createExportActions } from './exportActions';
import type { WorkspaceServices, WorkspaceSlice, WorkspaceState } from './workspaceTypes';

export const initialWorkspace: WorkspaceState = {
  currentId: null,
  items: [],
  saveState: { state: 'starting' },
  storageProblem: null,
  lastShare: null,
  deleted: null,
  interrupted: null,
};

export const createWorkspaceSlice =
  (services: WorkspaceServices | undefined): StateCreator<EditorState, [], [], WorkspaceSlice> =>
  (set, get, api) => {
    // Per store: the services this workspace opened, and what it knows of the stored copy.
    let library: DiagramLibrary = createMemoryLibrary();
    let autosaver: Autosaver | null = null;
    let tabSync: TabSync | null = null;
    /** The stored revision this tab's document is based on. */
    let baseRevision = 0;
    /**
     * The diagram this tab created empty (on start or with New), while nobody has changed it: the
     * only kind that opening a file may replace. Typing a title or deleting every component is a
     * change (the document's `untouched` turns false), even when the diagram ends up empty again.
     */
    let createdEmpty: string | null = null;
    /** The journal entry this tab wrote on pagehide, until a save covers its store revision. */
    let kept: { id: string; revision: number } | null = null;

    const refreshList = async () => {
      try {
        set({ items: await library.list() });
      } catch (e) {
        get().notify('error', sentence(`Could not read My diagrams: ${(e as Error).message}`));
      }
    };

    const show = (diagram: Diagram) => {
      get().loadDiagram(diagram);
    };

    const replaceable = (): boolean => {
      const s = get();
      return s.currentId !== null && s.currentId === createdEmpty && s.untouched && s.doc.nodes.order.length === 0 && s.doc.edges.order.length === 0;
    };

    /**
     * Writes pending changes before the open diagram is left. When they cannot be written, the
     * diagram stays open and the user is told: switching now would throw the changes away.
     */
    async function saveBeforeLeaving(): Promise<boolean> {
      if (!autosaver) return true;
      await autosaver.flush();
      // An edit made during that write gets one more.
      if (autosaver.isDirty()) await autosaver.flush();
      if (!autosaver.isDirty()) return true;
      const state = get().saveState;
      const reason = state.state === 'error' ? ` ${sentence(state.message)}` : '';
      get().notify('error', `Your changes to “${get().meta.title}” could not be saved, so it stays open.${reason}`);
      return false;
    }

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
          set({ currentId: copy.id });
          const doc = get().doc;
          get().applyDiff(diffOf(doc, { meta: { ...doc.meta, title } }), { origin: 'system', undoable: false });
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
      createdEmpty = null;
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
      if (!(await saveBeforeLeaving())) return false;
      const previous = get().currentId;
      const wasReplaceable = replaceable();
      // It came from the parser: the library need not parse it again (a big file was parsed twice).
      const created = await library.create(diagram, { parsed: true });
      if (!created.ok) {
        get().notify('error', sentence(`Could not open the ${source} as a new diagram: ${created.message}`));
        return false;
      }
      // A diagram this tab created and nobody changed is replaced rather than left behind; done
      // before the switch so My diagrams changes once, not twice.
      if (previous !== null && wasReplaceable) await library.remove(previous);
      await switchTo(created.id, diagram, created.revision);
      get().notify('info', `Opened the ${source} “${diagram.title}” as a new diagram. Your other diagrams are in My diagrams.`);
      // What the parser repaired or upgraded (a draft file, spaces in a link): the user is told.
      for (const notice of notices) get().notify('info', notice);
      if (unplaced) await layoutWhenMeasured();
      return true;
    }

    /** Waits (briefly) for React Flow to measure the new nodes, so the layout uses their real sizes. */
    async function layoutWhenMeasured() {
      const unmeasured = () => get().doc.nodes.order.some((id) => get().doc.nodes.byId.get(id)!.kind !== 'group' && !get().measured.has(id));
      for (let i = 0; i < 20 && unmeasured(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await get().autoLayout();
    }

    function refuse(result: ParseResult<unknown> & { ok: false }, source: string) {
      get().notify('error', `Could not open this ${source}: ${result.error.message} Your diagram was not changed.`);
    }

    return {
      ...initialWorkspace,
      ...createExportActions(services)(set, get, api),

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
              get().notify('error', `Autosave failed: ${sentence(status.message)} Your diagram is still here; Archflow will try again.`);
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
              if (createdEmpty === msg.id) createdEmpty = null;
              show(loaded.value.diagram);
              get().notify('info', 'Updated with the changes made in another tab.');
            }
          });
        });
        // Every settled change is saved; a drag or a layout under way saves once it ends, and
        // opening a diagram is not a change.
        get().subscribeToDiffs((_diff, info) => {
          if (info.settled && info.origin !== 'load') autosaver?.markDirty(() => get().getDiagram());
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
          // Loaded only for a shared link: its codec is not part of every first paint.
          const { parseShareLink } = await import('../io/shareLink');
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
          get().notify('error', sentence(`Your last diagram could not be read and was set aside (it is listed in My diagrams): ${loaded.error.message}`));
        }
        const current = get().getDiagram();
        const created = await library.create(current);
        if (created.ok) {
          await switchTo(created.id, current, created.revision);
          if (current.nodes.length === 0 && current.edges.length === 0) createdEmpty = created.id;
        }
        set({ saveState: opened.ok ? { state: 'saved', at: Date.now() } : { state: 'memory' } });
      },

      async openFile(file) {
        const result = await (services?.openFile ?? openDiagramFile)(file);
        if (!result.ok) {
          refuse(result, 'file');
          return false;
        }
        return openAsNew(result.value, 'file', result.notices);
      },

      pasteText(text) {
        // Components copied in Archflow: read like a file (src/model/parseFragment.ts), added to this diagram.
        if (/^\s*\{/.test(text.replace(/^\uFEFF/, ''))) {
          const json = parseJsonText(text);
          if (json.ok && isFragmentValue(json.value)) {
            const fragment = parseFragmentValue(json.value);
            if (fragment.ok) get().paste(fragment.value);
            else get().notify('error', `Could not paste these components: ${fragment.error.message} Your diagram was not changed.`);
            return true;
          }
        }
        // Answered at once (the paste is taken or let through); the reading loads with the first
        // diagram pasted, so the share-link codec stays out of the first paint.
        if (pastedTextKind(text) === 'not-a-diagram') return false;
        void import('../io/parseDiagramText').then(({ parseDiagramText }) => {
          const pasted = parseDiagramText(text);
          if (pasted.kind === 'not-a-diagram') return;
          if (!pasted.result.ok) {
            refuse(pasted.result, pasted.kind === 'share-link' ? 'link' : 'paste');
            return;
          }
          void openAsNew(pasted.result.value, pasted.kind === 'share-link' ? 'shared link' : 'pasted diagram', pasted.result.notices);
        }, () => get().notify('error', 'Could not read the pasted diagram: part of the app did not load. Reload the page and paste again.'));
        return true;
      },

      copySelectionText() {
        const fragment = get().copySelection();
        return fragment ? serializeFragment(fragment) : null;
      },

      cutSelectionText() {
        const fragment = get().copySelection();
        if (!fragment) return null;
        // A note pinned to a cut component was copied with it, so it goes too (a delete would unpin it).
        get().selectNotes([...get().noteSelection, ...(fragment.notes ?? []).map((n) => n.id)]);
        get().deleteSelection();
        return serializeFragment(fragment);
      },

      async openStored(id) {
        if (id === get().currentId) return true;
        if (!(await saveBeforeLeaving())) return false;
        const loaded = await library.load(id);
        if (!loaded.ok) {
          get().notify('error', sentence(`Could not open that diagram: ${loaded.error.message}`));
          await refreshList();
          return false;
        }
        await switchTo(id, loaded.value.diagram, loaded.value.revision);
        return true;
      },

      async createStored() {
        if (!(await saveBeforeLeaving())) return;
        const diagram = emptyDiagram();
        const created = await library.create(diagram);
        if (!created.ok) {
          get().notify('error', sentence(`Could not create a diagram: ${created.message}`));
          return;
        }
        await switchTo(created.id, diagram, created.revision);
        createdEmpty = created.id;
      },

      async renameStored(id, title) {
        if (id === get().currentId) {
          get().setTitle(title);
          return;
        }
        const outcome = await library.rename(id, title);
        if (!outcome.ok) get().notify('error', sentence(`Could not rename: ${outcome.message}`));
        await refreshList();
      },

      async duplicateStored(id) {
        if (id === get().currentId && !(await saveBeforeLeaving())) return;
        const outcome = await library.duplicate(id);
        if (!outcome.ok) get().notify('error', sentence(`Could not duplicate: ${outcome.message}`));
        await refreshList();
      },

      async deleteStored(id) {
        const title = get().items.find((i) => i.id === id)?.title ?? 'Diagram';
        // Undo delete brings back what was stored: the open diagram's changes must be in it.
        if (id === get().currentId && !(await saveBeforeLeaving())) return;
        const outcome = await library.remove(id);
        if (!outcome.ok) {
          get().notify('error', sentence(`Could not delete: ${outcome.message}`));
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
        if (!outcome.ok) get().notify('error', sentence(`Could not restore “${deleted.title}”: ${outcome.message}`));
        await refreshList();
      },

      async openAsNewDiagram(diagram, source) {
        return (await openAsNew(diagram, source)) ? get().currentId : null;
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
  };
