/**
 * The far view's geometry (PictureLayer.tsx): every component, group and note as an absolute box,
 * every connection as a polyline, and the questions the picture's pointer asks of them (what is
 * under this point, what lies in this box). Pure, so it is tested without a browser.
 *
 * No spatial index: a linear pass over 1,000 boxes is a few microseconds, 20,000 well under a
 * millisecond, less than building and keeping an index up to date through a drag would cost.
 */
import type { Node } from '@xyflow/react';
import { findKind, roleOf } from '../model/catalog';
import type { LayoutDirection, Point } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import type { ArchEdge, ArchNode, ComponentData } from '../store/flowView';
import { handleSides } from './handleSides';
import type { NoteFlowNode } from './NoteNode';

export type PictureKind = 'component' | 'group' | 'note';

export interface PictureBox {
  /** React Flow's id (a note's has its prefix). */
  id: string;
  kind: PictureKind;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  /** The second line: technology, or the kind's name when the label is the user's own. */
  sub: string;
  /** client, server, datastore or support; a group's 'group', a note's colour. */
  role: string;
  /** Nesting depth: groups are painted outer first. */
  depth: number;
}

export interface PictureLine {
  id: string;
  source: string;
  target: string;
  points: Point[];
  async: boolean;
  both: boolean;
}

export interface PictureScene {
  /** Groups (outer first), then components, then notes: the order they are painted in. */
  boxes: PictureBox[];
  byId: ReadonlyMap<string, PictureBox>;
  lines: PictureLine[];
  bounds: Rect | null;
}

/** Rough size of a node React Flow never measured (flowView presumes one for every node). */
const DEFAULT_W = 180;
const DEFAULT_H = 64;
const KIND_ORDER: Record<PictureKind, number> = { group: 0, component: 1, note: 2 };

function sizeOf(n: Node): { w: number; h: number } {
  return { w: n.measured?.width ?? n.width ?? DEFAULT_W, h: n.measured?.height ?? n.height ?? DEFAULT_H };
}

/** Where a connection leaves or enters a box: the middle of the side its handle sits on. */
function sidePoint(b: PictureBox, side: string): Point {
  switch (side) {
    case 'top':
      return { x: b.x + b.w / 2, y: b.y };
    case 'bottom':
      return { x: b.x + b.w / 2, y: b.y + b.h };
    case 'left':
      return { x: b.x, y: b.y + b.h / 2 };
    default:
      return { x: b.x + b.w, y: b.y + b.h / 2 };
  }
}

export function buildPictureScene(nodes: readonly ArchNode[], notes: readonly NoteFlowNode[], edges: readonly ArchEdge[], direction: LayoutDirection): PictureScene {
  const all: readonly Node[] = notes.length === 0 ? nodes : [...nodes, ...notes];
  const byNodeId = new Map<string, Node>(all.map((n) => [n.id, n]));
  const absolute = new Map<string, { x: number; y: number; depth: number }>();
  // Children are placed relative to their parent; a broken chain (or a cycle) stops at 64.
  const at = (id: string, hops = 0): { x: number; y: number; depth: number } => {
    const known = absolute.get(id);
    if (known) return known;
    const n = byNodeId.get(id);
    if (!n) return { x: 0, y: 0, depth: -1 };
    const parent = n.parentId !== undefined && hops < 64 ? at(n.parentId, hops + 1) : { x: 0, y: 0, depth: -1 };
    const p = { x: parent.x + n.position.x, y: parent.y + n.position.y, depth: parent.depth + 1 };
    absolute.set(id, p);
    return p;
  };
  const boxes: PictureBox[] = [];
  for (const n of all) {
    const p = at(n.id);
    const { w, h } = sizeOf(n);
    if (n.type === 'note') {
      const data = (n as NoteFlowNode).data;
      boxes.push({ id: n.id, kind: 'note', x: p.x, y: p.y, w, h, label: data.text, sub: '', role: data.color, depth: p.depth });
      continue;
    }
    const data = n.data as ComponentData;
    if (n.type === 'group') {
      boxes.push({ id: n.id, kind: 'group', x: p.x, y: p.y, w, h, label: data.label || 'Group', sub: data.tech ?? '', role: 'group', depth: p.depth });
      continue;
    }
    const spec = findKind(data.kind);
    const label = data.label || spec?.label || data.kind;
    const sub = data.tech || label !== spec?.label ? (data.tech ?? spec?.label ?? '') : '';
    boxes.push({ id: n.id, kind: 'component', x: p.x, y: p.y, w, h, label, sub, role: roleOf(data), depth: p.depth });
  }
  boxes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.kind === 'group' ? a.depth - b.depth : 0));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const sides = handleSides(direction);
  const lines: PictureLine[] = [];
  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const route = e.data?.route;
    const points = route && route.length >= 2 ? route : [sidePoint(s, sides.source), sidePoint(t, sides.target)];
    lines.push({ id: e.id, source: e.source, target: e.target, points, async: e.data?.mode === 'async', both: e.data?.bidirectional === true });
  }
  return { boxes, byId, lines, bounds: boundsOf(boxes) };
}

/** The box around `boxes`, or null when there are none. */
export function boundsOf(boxes: Iterable<PictureBox>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  return minX <= maxX ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

const inside = (b: PictureBox, p: Point) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;

/**
 * The box under `p` (flow coordinates), as the DOM would stack them: notes over components over
 * groups, a nested group over its parent. `slop` widens components and notes (in flow units) so
 * a tiny box far out can still be hit.
 */
export function hitTest(scene: PictureScene, p: Point, slop = 0): PictureBox | null {
  let group: PictureBox | null = null;
  let best: PictureBox | null = null;
  let bestDistance = Infinity;
  for (let i = scene.boxes.length - 1; i >= 0; i--) {
    const b = scene.boxes[i]!;
    if (b.kind === 'group') {
      if (!group && inside(b, p)) group = b;
      continue;
    }
    if (inside(b, p)) return b;
    if (slop > 0) {
      const dx = Math.max(b.x - p.x, 0, p.x - b.x - b.w);
      const dy = Math.max(b.y - p.y, 0, p.y - b.y - b.h);
      const d = Math.hypot(dx, dy);
      if (d <= slop && d < bestDistance) {
        best = b;
        bestDistance = d;
      }
    }
  }
  return best ?? group;
}

/** Components and groups wholly inside `rect` (React Flow's own box selection counts those). */
export function boxesInRect(scene: PictureScene, rect: Rect): PictureBox[] {
  return scene.boxes.filter(
    (b) => b.kind !== 'note' && b.x >= rect.x && b.y >= rect.y && b.x + b.w <= rect.x + rect.width && b.y + b.h <= rect.y + rect.height,
  );
}

/** Whether `b` lies at least partly in `view` (flow coordinates). */
export function overlaps(b: { x: number; y: number; w: number; h: number }, view: Rect): boolean {
  return b.x <= view.x + view.width && b.y <= view.y + view.height && b.x + b.w >= view.x && b.y + b.h >= view.y;
}
