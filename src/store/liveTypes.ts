/**
 * Live collaboration as the store sees it: the room this editor is in, the connection's state,
 * and the service (src/sync, wired in src/app) that does the work. Other people are the
 * presence scope (`presence.peers`).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Point } from '../model/diagram';
import type { EditorState } from './editorState';

/** Connected; trying again after losing the server; or offline with changes kept here. */
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * Practising together: who this browser is in a practice room. The interviewer's panel shows the
 * problem's hints, follow-ups, failure drills and reference design (loaded from the shipped
 * problem, never from the room); the candidate's does not. A view choice, not access control.
 */
export type LiveRole = 'interviewer' | 'candidate';

export interface LiveRoom {
  id: string;
  /** The link that lets others edit; absent on a view-only link. */
  editLink: string | null;
  viewLink: string;
  /** Edit links that open the room as the interviewer or the candidate of a practice session; absent on a view-only link. */
  roleLinks: Record<LiveRole, string> | null;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface LiveState {
  room: LiveRoom | null;
  status: LiveStatus | null;
  /** Joined through a view-only link: the room's changes are shown and none are made. */
  readOnly: boolean;
  /** The peer whose view this editor follows (their viewport is in `presence.peers`). */
  following: string | null;
  /** In a practice room: interviewer or candidate (null: no role given, shown as the candidate). */
  role: LiveRole | null;
  /** The interviewer's own notes on this room: kept on this device, never sent to the room. */
  privateNotes: string;
}

export type LiveOutcome = { ok: true } | { ok: false; message: string };

/** What src/sync gives the store. */
export interface LiveService {
  /** Makes a room from the open diagram and joins it. */
  share(store: StoreApi<EditorState>): Promise<LiveOutcome>;
  /** Leaves the room; the diagram stays open as an ordinary one in My diagrams. */
  leave(store: StoreApi<EditorState>): void;
  /** Where this editor's pointer is, in canvas coordinates (null: off the canvas). */
  pointer(at: Point | null): void;
  /** What this editor's canvas shows, so that others can follow. */
  viewport(view: Viewport): void;
  /** Keeps this device's role and private notes for the room (so a reload finds them). */
  keepRole(role: LiveRole | null, notes: string): void;
}

export interface LiveSlice {
  live: LiveState;
  shareLive(): Promise<LiveOutcome>;
  leaveLive(): void;
  /** Copies a room link to the clipboard; true when it was copied. */
  copyLiveLink(url: string): Promise<boolean>;
  follow(peerId: string | null): void;
  pointerMoved(at: Point | null): void;
  viewportMoved(view: Viewport): void;
  /** Chooses this browser's practice role in the room (the one who shares picks theirs). */
  setLiveRole(role: LiveRole): void;
  setPrivateNotes(notes: string): void;
  /** For the live service: the room, the status, who is here. */
  setLive(patch: Partial<LiveState>): void;
}
