/**
 * The pointer over the far view's picture (PictureLayer.tsx): the diagram stays a diagram. A
 * click selects a component (Shift, Ctrl or Cmd toggles it), a drag moves it or the selection
 * (live, one undo step on release, snapped when the grid is on), a right-click opens its menu, a
 * double-click zooms in there to a readable size, Shift+drag on empty space selects a box, and
 * hovering shows its name. While a path is recorded a click adds the step.
 *
 * Listeners sit in the capture phase (presses and clicks on the window, ahead of React's
 * handlers) and act only over a painted box of the pane (or on Shift+drag): everything else,
 * above all a pan on empty space and the wheel, goes on to React Flow's pane untouched.
 */
import type { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { EditorStore } from '../store/editorStore';
import type { NodeMenuAt } from './NodeMenu';
import { boxesInRect, hitTest, type PictureBox, type PictureScene } from './pictureScene';
import { NOTE_NODE_PREFIX } from './useNoteNodes';

/** A press that travels less than this (screen pixels) is a click. */
const CLICK_SLOP = 4;
/** Boxes a few pixels across are hard to hit: this much room around them counts (screen pixels). */
const HIT_SLOP = 4;
/** A component's usual width, and the width on screen below which it counts as a speck. */
const COMPONENT_WIDTH = 168;
const SPECK_PX = 6;
/** Where a double-click zooms to: names at their full size. */
export const READABLE_ZOOM = 1;
const GRID = 20;

interface Options {
  scene: PictureScene;
  store: EditorStore;
  flow: ReturnType<typeof useStoreApi>;
  onMenu(at: NodeMenuAt): void;
  onHover(id: string | null): void;
  canvas: RefObject<HTMLCanvasElement | null>;
}

interface Press {
  hit: PictureBox | null;
  pointerId: number;
  startX: number;
  startY: number;
  additive: boolean;
  /** Shift+drag on empty space: a selection box. */
  boxing: boolean;
  /** Set once the press became a drag: what moves, from where (positions as stored, parent-relative). */
  moving: { id: string; note: boolean; from: { x: number; y: number } }[] | null;
}

const noteId = (box: PictureBox) => box.id.slice(NOTE_NODE_PREFIX.length);

export function usePicturePointer({ scene, store, flow, onMenu, onHover, canvas }: Options) {
  const [box, setBox] = useState<CSSProperties | null>(null);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const sceneRef = useRef(scene);
  sceneRef.current = scene;
  const handlers = useRef({ onMenu, onHover });
  handlers.current = { onMenu, onHover };

  useEffect(() => {
    const root = flow.getState().domNode;
    if (!root) return;
    let press: Press | null = null;
    let swallowClick = false;
    let hoveredId: string | null = null;

    const local = (e: MouseEvent) => {
      const rect = root.getBoundingClientRect();
      return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    };
    const toFlow = (e: MouseEvent) => {
      const [tx, ty, zoom] = flow.getState().transform;
      const p = local(e);
      return { x: (p.x - tx) / zoom, y: (p.y - ty) / zoom };
    };
    /** Only presses on the pane itself: panels, controls and the minimap keep theirs. */
    const onPane = (e: Event) => e.target instanceof Element && root.contains(e.target) && e.target.closest('.react-flow__pane') !== null;
    const hitAt = (e: MouseEvent) => {
      const zoom = flow.getState().transform[2];
      // Room around a box only where components are specks: where they are a few pixels apart
      // it would leave no empty canvas to pan from.
      return hitTest(sceneRef.current, toFlow(e), COMPONENT_WIDTH * zoom < SPECK_PX ? HIT_SLOP / zoom : 0);
    };
    const hover = (id: string | null) => {
      if (id === hoveredId) return;
      hoveredId = id;
      root.classList.toggle('is-over-picture-node', id !== null);
      handlers.current.onHover(id);
    };

    function select(hit: PictureBox, additive: boolean) {
      const s = store.getState();
      if (hit.kind === 'note') {
        const id = noteId(hit);
        if (additive) s.onNoteChanges([{ type: 'select', id, selected: !s.noteSelection.has(id) }]);
        else {
          s.select([]);
          s.selectNotes([id]);
        }
        return;
      }
      if (additive) s.onNodesChange([{ type: 'select', id: hit.id, selected: !s.selection.nodes.has(hit.id) }]);
      else if (!(s.selection.nodes.size === 1 && s.selection.nodes.has(hit.id))) s.select([hit.id]);
    }

    /** What a drag of `hit` moves: the selection when it is part of it, else it alone; never a child whose group moves too. */
    function startMoving(hit: PictureBox): NonNullable<Press['moving']> {
      const s = store.getState();
      if (hit.kind === 'note') {
        if (!s.noteSelection.has(noteId(hit))) select(hit, false);
        const note = s.doc.notes.byId.get(noteId(hit));
        return note ? [{ id: noteId(hit), note: true, from: note.position }] : [];
      }
      if (!s.selection.nodes.has(hit.id)) select(hit, false);
      const ids = store.getState().selection.nodes;
      const out: NonNullable<Press['moving']> = [];
      for (const id of ids) {
        const record = s.doc.nodes.byId.get(id);
        if (!record) continue;
        let parent = record.parent;
        let carried = false;
        for (let hops = 0; parent !== undefined && hops < 64; hops++) {
          if (ids.has(parent)) carried = true;
          parent = s.doc.nodes.byId.get(parent)?.parent;
        }
        if (!carried) out.push({ id, note: false, from: record.position ?? { x: 0, y: 0 } });
      }
      return out;
    }

    function move(p: Press, e: PointerEvent, dragging: boolean) {
      const zoom = flow.getState().transform[2];
      const dx = (e.clientX - p.startX) / zoom;
      const dy = (e.clientY - p.startY) / zoom;
      const s = store.getState();
      const snap = (v: number) => (s.snapToGrid ? Math.round(v / GRID) * GRID : v);
      const nodes = [];
      const notes = [];
      for (const m of p.moving!) {
        const change = { type: 'position' as const, id: m.id, position: { x: snap(m.from.x + dx), y: snap(m.from.y + dy) }, dragging };
        if (m.note) notes.push(change);
        else nodes.push(change);
      }
      if (nodes.length > 0) s.onNodesChange(nodes);
      if (notes.length > 0) s.onNoteChanges(notes);
    }

    const onPointerDown = (e: PointerEvent) => {
      // A press of ours released outside the page never got its click: forget it.
      swallowClick = false;
      if (e.button !== 0 || !onPane(e)) return;
      const hit = hitAt(e);
      if (!hit && !e.shiftKey) return;
      // Ours: neither React Flow's pan nor its (empty) selection box starts.
      e.stopPropagation();
      e.preventDefault();
      press = { hit, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, additive: e.shiftKey || e.ctrlKey || e.metaKey, boxing: !hit, moving: null };
      window.addEventListener('pointermove', onDragMove, true);
      window.addEventListener('pointerup', onPointerUp, true);
      window.addEventListener('pointercancel', onPointerUp, true);
    };

    const onDragMove = (e: PointerEvent) => {
      const p = press;
      if (!p || e.pointerId !== p.pointerId) return;
      const far = Math.hypot(e.clientX - p.startX, e.clientY - p.startY) >= CLICK_SLOP;
      if (p.boxing) {
        const a = local(e);
        const rect = root.getBoundingClientRect();
        const b = { x: p.startX - rect.left, y: p.startY - rect.top };
        setBox({ left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
        return;
      }
      if (!p.hit || store.getState().live.readOnly || (!p.moving && !far)) return;
      p.moving ??= startMoving(p.hit);
      move(p, e, true);
    };

    const onPointerUp = (e: PointerEvent) => {
      const p = press;
      if (!p || e.pointerId !== p.pointerId) return;
      press = null;
      window.removeEventListener('pointermove', onDragMove, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
      swallowClick = true;
      const s = store.getState();
      if (p.boxing) {
        setBox(null);
        const [tx, ty, zoom] = flow.getState().transform;
        const rect = root.getBoundingClientRect();
        const x0 = (Math.min(p.startX, e.clientX) - rect.left - tx) / zoom;
        const y0 = (Math.min(p.startY, e.clientY) - rect.top - ty) / zoom;
        const ids = boxesInRect(sceneRef.current, { x: x0, y: y0, width: Math.abs(e.clientX - p.startX) / zoom, height: Math.abs(e.clientY - p.startY) / zoom }).map((b) => b.id);
        s.select(e.ctrlKey || e.metaKey ? [...s.selection.nodes, ...ids] : ids);
        return;
      }
      if (p.moving) {
        // A cancelled drag (the pointer lost) puts everything back where it was.
        move(p, e.type === 'pointerup' ? e : ({ clientX: p.startX, clientY: p.startY } as PointerEvent), false);
        return;
      }
      if (!p.hit) return;
      select(p.hit, p.additive);
      if (s.pathRecording && p.hit.kind === 'component') s.recordPathStep(p.hit.id);
    };

    // The click after one of our presses is not a click on empty pane (which would clear the selection).
    const onClick = (e: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.stopPropagation();
    };

    const onContextMenu = (e: MouseEvent) => {
      if (!onPane(e)) return;
      const hit = hitAt(e);
      if (!hit || hit.kind === 'note') return;
      e.preventDefault();
      e.stopPropagation();
      handlers.current.onMenu({ id: hit.id, x: e.clientX, y: e.clientY, returnFocus: canvas.current });
    };

    const onDoubleClick = (e: MouseEvent) => {
      if (!onPane(e)) return;
      e.stopPropagation();
      const at = toFlow(e);
      const { width, height, panZoom } = flow.getState();
      void panZoom?.setViewport({ x: width / 2 - at.x * READABLE_ZOOM, y: height / 2 - at.y * READABLE_ZOOM, zoom: READABLE_ZOOM }, { duration: 250 });
    };

    const onHoverMove = (e: PointerEvent) => {
      if (press || e.buttons !== 0 || !onPane(e)) {
        if (!press && hoveredId !== null && !onPane(e)) {
          hover(null);
          setTip(null);
        }
        return;
      }
      const hit = hitAt(e);
      hover(hit && hit.kind !== 'note' ? hit.id : null);
      const p = local(e);
      setTip(hit && hit.kind !== 'note' ? { x: p.x, y: p.y, text: hit.sub ? `${hit.label} · ${hit.sub}` : hit.label } : null);
    };
    const onLeave = () => {
      hover(null);
      setTip(null);
    };

    // On the window, in the capture phase: ahead of React's own capture handlers at the app's
    // root, where React Flow starts its selection box while Shift is held (and then takes the
    // release for a click on empty pane, which would clear the selection).
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('click', onClick, true);
    root.addEventListener('contextmenu', onContextMenu, true);
    root.addEventListener('dblclick', onDoubleClick, true);
    root.addEventListener('pointermove', onHoverMove);
    root.addEventListener('pointerleave', onLeave);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('click', onClick, true);
      root.removeEventListener('contextmenu', onContextMenu, true);
      root.removeEventListener('dblclick', onDoubleClick, true);
      root.removeEventListener('pointermove', onHoverMove);
      root.removeEventListener('pointerleave', onLeave);
      window.removeEventListener('pointermove', onDragMove, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
      root.classList.remove('is-over-picture-node');
    };
  }, [flow, store, canvas]);

  return { box, tip };
}
