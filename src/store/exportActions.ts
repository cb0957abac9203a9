/**
 * What leaves the app from the workspace: the diagram as a file, an image, a share link,
 * Mermaid text or the design document. A PNG or an SVG is painted from the records in a worker
 * (src/paint, io/paintPng.ts); the canvas lends its element only to read the theme from.
 */
import type { StateCreator } from 'zustand/vanilla';
import { diagramFileName } from '../io/fileName';
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import type { EditorState } from './editorState';
import { sentence } from './sentence';
import type { ExportImageResult } from '../io/exportImage';
import { selectPaintView } from './paintInput';
import type { CanvasHandle, WorkspaceActions, WorkspaceServices } from './workspaceTypes';

/** Resolves in a later task (a macrotask), so what came before can paint. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

type ExportActions = Pick<WorkspaceActions, 'setCanvasHandle' | 'saveFile' | 'exportImage' | 'renderImage' | 'cancelExport' | 'shareLink' | 'copyMermaid' | 'exportDesignDoc'>;

export const createExportActions =
  (services: WorkspaceServices | undefined): StateCreator<EditorState, [], [], ExportActions> =>
  (set, get) => {
    /** The canvas while it is mounted; per store. */
    let canvas: CanvasHandle | null = null;
    /** Aborts the image export under way. */
    let exporting: AbortController | null = null;
    return {
    setCanvasHandle(handle) {
      canvas = handle;
    },

    saveFile() {
      const diagram = get().getDiagram();
      const text = serializeDiagramFile(diagram);
      services?.download(new Blob([text], { type: 'application/json' }), diagramFileName(diagram.title, 'archflow.json'));
    },

    async exportImage(format, settings) {
      const blob = await get().renderImage(format, settings);
      if (!blob || !services) return false;
      // The title only: the whole document is not rebuilt in the task that hands the file over.
      services.download(blob, diagramFileName(get().doc.meta.title, format));
      return true;
    },

    async renderImage(format, settings) {
      const element = canvas?.viewportElement();
      if (!services || !canvas || !element) {
        get().notify('error', 'The canvas is not ready for export yet.');
        return null;
      }
      // Counted, not rebuilt: the click's task only shows "Preparing" (the document is read later).
      if (get().doc.nodes.order.length === 0) {
        get().notify('info', 'The diagram is empty: add components before exporting an image.');
        return null;
      }
      const background =
        settings.background === 'transparent' ? 'transparent' : settings.background === 'white' ? '#ffffff' : canvas.background();
      exporting?.abort();
      const controller = new AbortController();
      exporting = controller;
      const overlay = settings.capacityOverlay ?? true;
      set({ exportStep: 'Preparing', exportDone: null });
      const onProgress = (phase: string, done?: number) => set({ exportStep: phase, exportDone: done ?? null });
      const common = { scale: settings.scale, background, padding: settings.padding, onProgress, signal: controller.signal };
      // Painted from the records in a worker, which also serializes the diagram it embeds: the
      // canvas mounts nothing and copies nothing, for a PNG and an SVG alike (the same drawing).
      // The records and what the views draw on them are read in the next task, and handed to the
      // worker (a structured clone) in the one after: on a slow CPU each stays short, and the
      // click's own task only shows "Preparing".
      await nextTask();
      const diagram = get().getDiagram();
      const view = selectPaintView(get(), overlay);
      await nextTask();
      const result: ExportImageResult = controller.signal.aborted
        ? ({ ok: false, message: '', cancelled: true } as const)
        : await services.paintImage(element, diagram, view, { ...common, format });
      if (exporting === controller) {
        exporting = null;
        set({ exportStep: null, exportDone: null });
      }
      if (!result.ok && result.cancelled) {
        get().notify('info', 'Export cancelled: no file was made.');
        return null;
      }
      if (!result.ok) {
        get().notify('error', sentence(`Export failed: ${result.message}`));
        return null;
      }
      if (result.notice) get().notify('warning', result.notice);
      return result.blob;
    },

    cancelExport() {
      exporting?.abort();
    },

    async shareLink() {
      if (!services) return null;
      // The share-link codec (with its deflate) loads on first use, not with the first paint.
      const { serializeShareLink, shareLinkWarning } = await import('../io/shareLink');
      const diagram = get().getDiagram();
      const baseUrl = services.location().href;
      // In the browser a worker builds it: the deflate of a big diagram froze the page for ~80 ms.
      const url = services.serializeShareLink ? await services.serializeShareLink(diagram, baseUrl) : serializeShareLink(diagram, baseUrl);
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
      // Text exports load on first use, not with the first paint.
      const { serializeMermaid } = await import('../io/mermaid');
      const text = serializeMermaid(get().getDiagram());
      const copied = (await services?.copyText(text)) ?? false;
      get().notify(copied ? 'info' : 'error', copied ? 'Mermaid flowchart copied to the clipboard.' : 'The clipboard refused the Mermaid text.');
      return copied;
    },

    async exportDesignDoc() {
      const diagram = get().getDiagram();
      const { serializeDesignDoc } = await import('../io/designDoc');
      const text = serializeDesignDoc(diagram);
      services?.download(new Blob([text], { type: 'text/markdown' }), diagramFileName(diagram.title, 'design.md'));
    },
    };
  };
