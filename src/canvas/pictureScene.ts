/**
 * The far view's geometry (PictureLayer.tsx): every component, group and note as an absolute box,
 * every connection as a polyline, and the questions the picture's pointer asks of them (what is
 * under this point, what lies in this box). Pure, so it is tested without a browser.
 *
 * No spatial index: a linear pass over 1,000 boxes is a few microseconds, 20,000 well under a
 * millisecond, less than building and keeping an index up to date through a drag would cost.
 */
import { GROUP_KIND, findKind, roleOf } from '../model/catalog';
import type { DiagramEdge, DiagramNode, LayoutDirection, Point, Size } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import type { DiagramNote } from '../model/records/note';
import type { RecordTable } from '../model/recordsDiff';
import { effectiveDirection } from '../model/layoutDirection';
import { NOTE_SIZE } from '../store/designSlice';
import type { EditorState } from '../store/editorState';
import { DEFAULT_GROUP_SIZE } from '../store/flowView';
import { presumedGeometry } from '../store/presumedGeometry';
import { handleSides } from './handleSides';
import { noteNodeId } from './useNoteNodes';

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
  /** The box around the points, for culling. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface PictureScene {
  /** Groups (outer first), then components, then notes: the order they are painted in. */
  boxes: PictureBox[];
  byId: ReadonlyMap<string, PictureBox>;
  lines: PictureLine[];
  bounds: Rect | null;
  /** Components and groups (not notes). */
  nodeCount: number;
}

/**
 * The document's records and what the session knows of their sizes: the picture is of the
 * document, so a selection, a drag flag or an auto layout's hidden nodes (all React Flow node
 * objects anew) repaint it without building it again.
 */
export interface SceneInputs {
  nodes: RecordTable<DiagramNode>;
  edges: RecordTable<DiagramEdge>;
  notes: RecordTable<DiagramNote>;
  measured: ReadonlyMap<string, Size>;
  direction: LayoutDirection;
}

/** The inputs as the store holds them now. */
export function sceneInputsOf(s: Pick<EditorState, 'doc' | 'measured' | 'meta'>): SceneInputs {
  return { nodes: s.doc.nodes, edges: s.doc.edges, notes: s.doc.notes, measured: s.measured, direction: effectiveDirection(s.meta) };
}

/** A node's size as React Flow has it: measured once drawn, else presumed (flowView.ts). */
function sizeOf(record: DiagramNode, inputs: SceneInputs): Size {
  const measured = inputs.measured.get(record.id);
  if (measured) return measured;
  if (record.kind === GROUP_KIND) return record.size ?? DEFAULT_GROUP_SIZE;
  return presumedGeometry(record.kind, inputs.direction).measured;
}

/** Absolute positions: children are placed relative to their group, a pinned note to its component. */
function placer(inputs: SceneInputs) {
  const absolute = new Map<string, { x: number; y: number; depth: number }>();
  const ROOT = { x: 0, y: 0, depth: -1 };
  // A broken chain (or a cycle) stops at 64 hops.
  const at = (id: string, hops = 0): { x: number; y: number; depth: number } => {
    const known = absolute.get(id);
    if (known) return known;
    const n = inputs.nodes.byId.get(id);
    if (!n) return ROOT;
    const parent = n.parent !== undefined && hops < 64 ? at(n.parent, hops + 1) : ROOT;
    const position = n.position ?? { x: 0, y: 0 };
    const p = { x: parent.x + position.x, y: parent.y + position.y, depth: parent.depth + 1 };
    absolute.set(id, p);
    return p;
  };
  const note = (record: DiagramNote) => {
    const pin = record.pin !== undefined && inputs.nodes.byId.has(record.pin) ? at(record.pin) : ROOT;
    return { x: pin.x + record.position.x, y: pin.y + record.position.y };
  };
  return { at, note };
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

export function buildPictureScene(inputs: SceneInputs): PictureScene {
  const { at, note } = placer(inputs);
  const groups: PictureBox[] = [];
  const components: PictureBox[] = [];
  for (const id of inputs.nodes.order) {
    const n = inputs.nodes.byId.get(id)!;
    const p = at(id);
    const { width: w, height: h } = sizeOf(n, inputs);
    if (n.kind === GROUP_KIND) {
      groups.push({ id, kind: 'group', x: p.x, y: p.y, w, h, label: n.label || 'Group', sub: n.tech ?? '', role: 'group', depth: p.depth });
      continue;
    }
    const spec = findKind(n.kind);
    const label = n.label || spec?.label || n.kind;
    const sub = n.tech || label !== spec?.label ? (n.tech ?? spec?.label ?? '') : '';
    components.push({ id, kind: 'component', x: p.x, y: p.y, w, h, label, sub, role: roleOf(n), depth: p.depth });
  }
  groups.sort((a, b) => a.depth - b.depth);
  const boxes = groups.concat(components);
  for (const id of inputs.notes.order) {
    const record = inputs.notes.byId.get(id)!;
    const p = note(record);
    const size = record.size ?? NOTE_SIZE;
    boxes.push({ id: noteNodeId(id), kind: 'note', x: p.x, y: p.y, w: size.width, h: size.height, label: record.text, sub: '', role: record.color ?? 'yellow', depth: 0 });
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const sides = handleSides(inputs.direction);
  const lines: PictureLine[] = [];
  for (const id of inputs.edges.order) {
    const e = inputs.edges.byId.get(id)!;
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const points = e.route && e.route.length >= 2 ? e.route : [sidePoint(s, sides.source), sidePoint(t, sides.target)];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const q of points) {
      minX = Math.min(minX, q.x);
      minY = Math.min(minY, q.y);
      maxX = Math.max(maxX, q.x);
      maxY = Math.max(maxY, q.y);
    }
    lines.push({ id, source: e.source, target: e.target, points, async: e.mode === 'async', both: e.bidirectional === true, minX, minY, maxX, maxY });
  }
  return { boxes, byId, lines, bounds: boundsOf(boxes), nodeCount: groups.length + components.length };
}

/** The box around the whole diagram, or around the nodes in `ids`: what a fit shows. */
export function diagramBounds(inputs: SceneInputs, ids?: ReadonlySet<string>): Rect | null {
  const { at, note } = placer(inputs);
  const boxes: { x: number; y: number; w: number; h: number }[] = [];
  for (const id of ids ?? inputs.nodes.order) {
    const n = inputs.nodes.byId.get(id);
    if (!n) continue;
    const p = at(id);
    const size = sizeOf(n, inputs);
    boxes.push({ x: p.x, y: p.y, w: size.width, h: size.height });
  }
  if (!ids) {
    for (const record of inputs.notes.byId.values()) {
      const size = record.size ?? NOTE_SIZE;
      boxes.push({ ...note(record), w: size.width, h: size.height });
    }
  }
  return boundsOf(boxes);
}

/** The box around `boxes`, or null when there are none. */
export function boundsOf(boxes: Iterable<{ x: number; y: number; w: number; h: number }>): Rect | null {
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

/** Each node's step numbers on the path ("2, 5" for one visited twice), as the DOM node's mark shows them. */
export function stepsByNode(steps: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  steps.forEach((id, i) => out.set(id, out.has(id) ? `${out.get(id)}, ${i + 1}` : String(i + 1)));
  return out;
}

/** Edges joining two consecutive steps, either way round (selectEdgeOnPath, for every edge at once). */
export function edgesOnPath(steps: readonly string[], edges: Iterable<{ id: string; source: string; target: string }>): ReadonlySet<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < steps.length; i++) {
    pairs.add(`${steps[i - 1]}\n${steps[i]}`);
    pairs.add(`${steps[i]}\n${steps[i - 1]}`);
  }
  const out = new Set<string>();
  for (const e of edges) if (pairs.has(`${e.source}\n${e.target}`)) out.add(e.id);
  return out;
}
