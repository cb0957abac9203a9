/**
 * The design's actions and session state (issue 12): requirements, scale figures, endpoints,
 * entities, request paths and notes. Document edits go through `changeRecords` (one undo step
 * each; typing in one field within a second is one step); the rest is session scope.
 */
import type { NodeChange } from '@xyflow/react';
import type { Point, Size } from '../model/diagram';
import type { ScaleRequirements } from '../model/records/documentMeta';
import type { DiagramEndpoint } from '../model/records/endpoint';
import type { EntityField } from '../model/records/entity';
import type { NoteColor } from '../model/records/note';
import type { Priority } from '../model/records/requirement';

export type EndpointPatch = Partial<Pick<DiagramEndpoint, 'method' | 'path' | 'summary' | 'request' | 'response' | 'requirements'>>;
export type EntityFieldPatch = Partial<EntityField>;
export interface PathPatch {
  name?: string;
  /** null clears it. */
  requirement?: string | null;
  endpoint?: string | null;
  steps?: readonly string[];
}
export interface NotePatch {
  text?: string;
  color?: NoteColor;
  size?: Size;
}

/** A request path being recorded by clicking components in order. */
export interface PathRecording {
  steps: readonly string[];
}

export interface DesignSlice {
  /** The request path shown on the canvas (the rest dimmed), or null. */
  activePath: string | null;
  pathRecording: PathRecording | null;
  /** The Note tool is armed: the next click on the canvas adds a note there. */
  noteTool: boolean;
  /** Selected notes (components and connections are in `selection`). */
  noteSelection: ReadonlySet<string>;
  /** The note whose text is being edited on the canvas. */
  editingNote: string | null;
  /** Components whose endpoints or entities are listed in full on the canvas. */
  designDetails: ReadonlySet<string>;

  addRequirement(text?: string, priority?: Priority): string;
  updateRequirement(id: string, patch: { text?: string; priority?: Priority }): void;
  moveRequirement(id: string, delta: number): void;
  removeRequirement(id: string): void;
  /** Sets scale figures; undefined (or a value that is not a finite non-negative number) clears one. */
  setScale(patch: Partial<Record<keyof ScaleRequirements, number | undefined>>): void;

  addEndpoint(node: string): string | null;
  updateEndpoint(id: string, patch: EndpointPatch): void;
  moveEndpoint(id: string, delta: number): void;
  removeEndpoint(id: string): void;

  addEntity(node: string): string | null;
  updateEntity(id: string, patch: { name?: string; endpoints?: readonly string[] }): void;
  moveEntity(id: string, delta: number): void;
  removeEntity(id: string): void;
  addEntityField(id: string): void;
  updateEntityField(id: string, index: number, patch: EntityFieldPatch): void;
  moveEntityField(id: string, index: number, delta: number): void;
  removeEntityField(id: string, index: number): void;

  addPath(steps: readonly string[], name?: string): string | null;
  updatePath(id: string, patch: PathPatch): void;
  movePath(id: string, delta: number): void;
  removePath(id: string): void;
  showPath(id: string | null): void;
  startPathRecording(): void;
  recordPathStep(node: string): void;
  undoPathStep(): void;
  /** Saves the recorded path (when it has a step) and shows it; returns its id. */
  finishPathRecording(): string | null;
  cancelPathRecording(): void;

  setNoteTool(on: boolean): void;
  /** A note at `at` (canvas coordinates), selected and open for typing. */
  addNote(at: Point, options?: { text?: string; color?: NoteColor }): string;
  updateNote(id: string, patch: NotePatch): void;
  /** Pins a note to a component (its position becomes relative to it) or unpins it (null). */
  pinNote(id: string, node: string | null): void;
  removeNotes(ids: Iterable<string>): void;
  editNote(id: string | null): void;
  selectNotes(ids: readonly string[]): void;
  /** React Flow's changes for note nodes (ids without the note prefix). */
  onNoteChanges(changes: NodeChange[]): void;
  toggleDesignDetails(node: string): void;
}
