/**
 * The workspace slice's contract: "My diagrams", autosave, other tabs, files, images, share
 * links. Everything that needs a browser arrives through `WorkspaceServices` (wired in
 * src/app/browserServices.ts), so tests pass fakes.
 */
import type { Diagram, ParseResult } from '../model/diagram';
import type { AttemptStorage } from '../io/attemptStorage';
import type { ProblemStorage } from '../io/problemStorage';
import type { AutosaveStatus, Autosaver, AutosaverOptions } from '../io/autosave';
import type { DiagramLibrary, DiagramSummary, LibraryUnavailable, RemovedDiagram } from '../io/diagramLibraryTypes';
import type { ExportImageResult, ExportScale } from '../io/exportImage';
import type { FileLike } from '../io/openDiagramFile';
import type { PaintImageOptions } from '../io/paintPng';
import type { PaintView } from '../paint/scene';
import type { OpeningMark, OpeningRecord } from '../io/openingMark';
import type { UnsavedJournal } from '../io/unsavedJournal';
import type { TabSync } from '../io/tabSync';

export interface WorkspaceServices {
  openLibrary(): Promise<DiagramLibrary | LibraryUnavailable>;
  createAutosaver(options: AutosaverOptions): Autosaver;
  createTabSync(): TabSync;
  tabId: string;
  /** Flushes pending saves when the page is hidden; returns a function that stops it. */
  flushOnHide(autosaver: Autosaver): () => void;
  download(blob: Blob, fileName: string): void;
  /** PNG or SVG export (`options.format`): painted from the records in a worker, in the theme read from `themeElement`'s styles. */
  paintImage(themeElement: Element, diagram: Diagram, view: PaintView, options: PaintImageOptions): Promise<ExportImageResult>;
  copyText(text: string): Promise<boolean>;
  /** `serializeShareLink`, off the main thread in the browser; the store builds it itself when absent. */
  serializeShareLink?(diagram: Diagram, baseUrl: string): Promise<string>;
  /** The page's address, to build share links and to read one on start. */
  location(): { href: string; hash: string };
  /** Removes the share link from the address bar once it has been opened. */
  clearHash(): void;
  /** Where unsaved work is kept synchronously when the page is left; recovered on start. */
  journal?: UnsavedJournal;
  /** Remembers a big diagram being opened, so one that froze the page is not reopened at start. */
  openingMark?: OpeningMark;
  /** Past practice attempts (issue 14). */
  attempts?: AttemptStorage;
  /** Reads a picked or dropped file, off the main thread in the browser; `openDiagramFile` when absent. */
  openFile?(file: FileLike): Promise<ParseResult<Diagram>>;
  /** The user's own practice problems (issue 14). */
  problems?: ProblemStorage;
}

/** What the canvas lends the store for image export. */
export interface CanvasHandle {
  viewportElement(): HTMLElement | null;
  background(): string;
}

export type SaveState = AutosaveStatus | { state: 'memory' } | { state: 'starting' };

export interface ExportSettings {
  scale: ExportScale;
  background: 'theme' | 'white' | 'transparent';
  padding: number;
  /** Draw the capacity overlay (when the analysis is shown); default yes. */
  capacityOverlay?: boolean;
}

export interface WorkspaceState {
  currentId: string | null;
  items: DiagramSummary[];
  saveState: SaveState;
  /** Set when the browser refused storage: work is kept in memory only. */
  storageProblem: string | null;
  lastShare: { url: string; warning: string | null } | null;
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
  /**
   * Copies the selection and removes what was copied (the notes pinned to the components
   * included), as one undo step; the text for the system clipboard, or null when nothing is selected.
   */
  cutSelectionText(): string | null;
  saveFile(): void;
  exportImage(format: 'png' | 'svg', settings: ExportSettings): Promise<boolean>;
  /** The open diagram drawn as Export PNG/SVG draws it, without downloading; null (and a notice) when it cannot be. */
  renderImage(format: 'png' | 'svg', settings: ExportSettings): Promise<Blob | null>;
  /** Stops the image export under way, if any (it ends with no file and no error). */
  cancelExport(): void;
  shareLink(): Promise<string | null>;
  copyMermaid(): Promise<boolean>;
  /** Downloads the design document (Markdown: requirements, estimates, APIs, data, Mermaid charts). */
  exportDesignDoc(): Promise<void>;
  openStored(id: string): Promise<boolean>;
  createStored(): Promise<void>;
  renameStored(id: string, title: string): Promise<void>;
  duplicateStored(id: string): Promise<void>;
  deleteStored(id: string): Promise<void>;
  undoDelete(): Promise<void>;
  exportUnreadable(id: string): Promise<void>;
  /**
   * Opens a diagram made or joined in the app (a template, a practice, a reference design, a
   * live room) as a new entry in My diagrams; returns its id, or null when it could not be opened.
   */
  openAsNewDiagram(diagram: Diagram, source: string): Promise<string | null>;
  /** Opens the interrupted diagram (`open`), or just forgets the offer. */
  resolveInterrupted(open: boolean): Promise<void>;
}

export type WorkspaceSlice = WorkspaceState & WorkspaceActions;
