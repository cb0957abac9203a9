/**
 * The capacity analysis in the editor: session state (shown or not, the load multiplier, the
 * components marked down — none of it saved or undone) and the document edits the Inspector and
 * the Capacity panel make (a component's figures, an edge's share, mode and network time, the
 * typed peak load). Each edit is one diff; typing into one field within a second is one undo
 * step, as with labels. The analysis itself is derived (capacityView.ts).
 */
import type { StateCreator } from 'zustand/vanilla';
import { diffOf } from '../model/recordsDiff';
import { LIMITS } from '../model/limits';
import type { ComponentFigures, LoadSettings } from './capacityInput';
import type { CapacityView } from './capacityView';
import type { EditorState } from './editorState';

export type NodeFigureKey = keyof ComponentFigures;
export type EdgeFigureKey = 'share' | 'latencyMs';

export const MIN_MULTIPLIER = 0.1;
export const MAX_MULTIPLIER = 100;

export interface CapacitySlice {
  /** The analysis is shown: the Capacity panel's results and the canvas overlay. */
  capacityShown: boolean;
  /** Scales every load (×0.1 … ×100); a what-if, never saved. */
  loadMultiplier: number;
  /**
   * The multiplier is being moved: the canvas holds back its traffic dots until it rests, so
   * every frame goes to the loads following the thumb (BENCHMARKS.md, "Capacity multiplier").
   */
  multiplierMoving: boolean;
  /** Components marked down for the failure what-if. */
  down: ReadonlySet<string>;
  /** Derived: the analysis while shown, else null. */
  capacity: CapacityView | null;
  showCapacity(on: boolean): void;
  setLoadMultiplier(multiplier: number): void;
  setMultiplierMoving(moving: boolean): void;
  setDown(id: string, isDown: boolean): void;
  clearDown(): void;
  /** Sets one figure of a component; undefined (or a value outside its range) removes it, so the typical value applies. */
  setNodeFigure(id: string, key: NodeFigureKey, value: number | undefined): void;
  setEdgeFigure(id: string, key: EdgeFigureKey, value: number | undefined): void;
  setEdgeMode(id: string, mode: 'sync' | 'async' | undefined): void;
  setLoadSetting(key: keyof LoadSettings, value: number | undefined): void;
}

const isNumber = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const fraction = (v: number) => v >= 0 && v <= 1;

/** The ranges the file format accepts (DOCUMENT_SPEC.md); anything else clears the figure. */
const amount = (v: number) => v >= 0 && v <= LIMITS.maxFigure;
const positive = (v: number) => v > 0 && v <= LIMITS.maxFigure;
const NODE_FIGURE_OK: Record<NodeFigureKey, (v: number) => boolean> = {
  rps: amount,
  instances: (v) => Number.isInteger(v) && v >= 1 && v <= 1_000_000,
  capacityRps: positive,
  serviceTimeMs: positive,
  availability: fraction,
  hitRatio: fraction,
};
const EDGE_FIGURE_OK: Record<EdgeFigureKey, (v: number) => boolean> = { share: fraction, latencyMs: amount };
const LOAD_OK: Record<keyof LoadSettings, (v: number) => boolean> = { peakRps: amount, targetUtilization: (v) => v >= 0.01 && v <= 1 };

function withField<T extends object, K extends keyof T>(record: T, key: K, value: T[K] | undefined): T {
  const out = { ...record };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

export function clampMultiplier(m: number): number {
  return Number.isFinite(m) ? Math.min(MAX_MULTIPLIER, Math.max(MIN_MULTIPLIER, m)) : 1;
}

export const createCapacitySlice: StateCreator<EditorState, [], [], CapacitySlice> = (set, get) => {
  const settled = (): EditorState => {
    get().finishLayout();
    return get();
  };
  return {
    capacityShown: false,
    loadMultiplier: 1,
    multiplierMoving: false,
    down: new Set(),
    capacity: null,

    showCapacity(on) {
      if (get().capacityShown !== on) set({ capacityShown: on });
    },

    setLoadMultiplier(multiplier) {
      const m = clampMultiplier(multiplier);
      if (get().loadMultiplier !== m) set({ loadMultiplier: m });
    },

    setMultiplierMoving(moving) {
      if (get().multiplierMoving !== moving) set({ multiplierMoving: moving });
    },

    setDown(id, isDown) {
      const down = get().down;
      if (down.has(id) === isDown || (isDown && !get().doc.nodes.byId.has(id))) return;
      const next = new Set(down);
      if (isDown) next.add(id);
      else next.delete(id);
      set({ down: next });
    },

    clearDown() {
      if (get().down.size > 0) set({ down: new Set() });
    },

    setNodeFigure(id, key, value) {
      const s = settled();
      const node = s.doc.nodes.byId.get(id);
      if (!node) return;
      const clean = isNumber(value) && NODE_FIGURE_OK[key](value) ? value : undefined;
      if (node.figures?.[key] === clean) return;
      const figures = withField(node.figures ?? {}, key, clean);
      const next = withField(node, 'figures', Object.keys(figures).length > 0 ? figures : undefined);
      s.applyDiff(diffOf(s.doc, { nodes: { put: [next] } }), { origin: 'edit', key: `node:${id}:figures.${key}` });
    },

    setEdgeFigure(id, key, value) {
      const s = settled();
      const edge = s.doc.edges.byId.get(id);
      if (!edge) return;
      const clean = isNumber(value) && EDGE_FIGURE_OK[key](value) ? value : undefined;
      if (edge[key] === clean) return;
      s.applyDiff(diffOf(s.doc, { edges: { put: [withField(edge, key, clean)] } }), { origin: 'edit', key: `edge:${id}:${key}` });
    },

    setEdgeMode(id, mode) {
      const s = settled();
      const edge = s.doc.edges.byId.get(id);
      if (!edge || edge.mode === mode) return;
      s.applyDiff(diffOf(s.doc, { edges: { put: [withField(edge, 'mode', mode)] } }), { origin: 'edit' });
    },

    setLoadSetting(key, value) {
      const s = settled();
      const meta = s.meta;
      const clean = isNumber(value) && LOAD_OK[key](value) ? value : undefined;
      if (meta.load?.[key] === clean) return;
      const load = withField(meta.load ?? {}, key, clean);
      const next = withField(meta, 'load', Object.keys(load).length > 0 ? load : undefined);
      s.applyDiff(diffOf(s.doc, { meta: next }), { origin: 'edit', key: `meta:load.${key}` });
    },
  };
};
