/**
 * The editor's store: zustand slices (src/store/*Slice.ts) composed into one, created per app
 * and per test so nothing is shared between stores. The document is records by id changed only
 * by diffs (documentSlice.ts); React Flow's nodes and edges are derived from the records and the
 * session after every change (flowView.ts), so views never write them. No React here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagram } from '../model/diagram';
import { createCapacitySlice } from './capacitySlice';
import { createCapacityDeriver, type CapacityInputs } from './capacityView';
import { createClipboardSlice } from './clipboardSlice';
import { createDesignSlice } from './designSlice';
import { createDocumentSlice } from './documentSlice';
import { createEditingSlice } from './editingSlice';
import type { EditorState, Theme } from './editorState';
import { createFlowView, viewInputs } from './flowView';
import { createHistorySlice } from './historySlice';
import { createLayoutSlice } from './layoutSlice';
import { createPracticeSlice } from './practiceSlice';
import { createLiveSlice } from './liveSlice';
import type { LiveService } from './liveTypes';
import { createSelectionSlice } from './selectionSlice';
import type { EditorServices } from './services';
import { createPresenceSlice, createSessionSlice } from './sessionSlice';
import { createWorkspaceSlice } from './workspaceSlice';
import type { WorkspaceServices } from './workspaceTypes';

export type { EditorState, Notice, Theme } from './editorState';
/** Everything a view can read or call (the name views have used). */
export type EditorFullState = EditorState;
export type EditorStore = StoreApi<EditorState>;

export interface EditorStoreOptions {
  services?: Partial<EditorServices>;
  workspace?: WorkspaceServices;
  initial?: Diagram;
  theme?: Theme;
  /** Live collaboration (src/sync); without it, Share live says it is not available. */
  live?: LiveService;
}


function capacityInputs(s: EditorState): CapacityInputs {
  return { shown: s.capacityShown, doc: s.doc, loadMultiplier: s.loadMultiplier, down: s.down, moving: s.multiplierMoving };
}

export function createEditorStore(options: EditorStoreOptions = {}): EditorStore {
  const services: EditorServices = { now: () => Date.now(), ...options.services };
  const view = createFlowView();
  const capacity = createCapacityDeriver();
  const store = createStore<EditorState>()((rawSet, get, api) => {
    // Every change passes through here: when records, selection or measurements changed, the
    // derived nodes and edges are brought up to date in the same update, so no one ever sees
    // them out of step.
    const set: typeof rawSet = (partial, replace?: boolean) => {
      rawSet((s) => {
        const patch = typeof partial === 'function' ? partial(s) : partial;
        const next = { ...s, ...patch } as EditorState;
        const derived = view.derive(viewInputs(next), viewInputs(s));
        // The capacity analysis likewise, memoised on what the model reads (capacityView.ts).
        const analysis = capacity.derive(capacityInputs(next));
        const withAnalysis = analysis === next.capacity ? {} : { capacity: analysis };
        return (derived ? { ...patch, ...derived, ...withAnalysis } : { ...patch, ...withAnalysis }) as EditorState;
      }, replace as false);
    };
    const a = [set, get, api] as const;
    return {
      ...createSessionSlice(options.theme ?? 'light')(...a),
      ...createPresenceSlice(...a),
      ...createSelectionSlice(...a),
      ...createHistorySlice(...a),
      ...createDocumentSlice(services, options.initial, view)(...a),
      ...createEditingSlice(services)(...a),
      ...createClipboardSlice(services)(...a),
      ...createLayoutSlice(services)(...a),
      ...createLiveSlice(options.live, options.workspace?.copyText)(...a),
      ...createCapacitySlice(...a),
      ...createWorkspaceSlice(options.workspace)(...a),
      ...createDesignSlice(services)(...a),
      ...createPracticeSlice(services, options.workspace)(...a),
    };
  });
  // The first view, before anyone subscribes.
  const first = view.derive(viewInputs(store.getState()), null);
  if (first) store.setState(first);
  return store;
}
