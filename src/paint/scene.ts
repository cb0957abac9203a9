/**
 * The diagram as the painter draws it: every group, connection, component and note placed in
 * flow coordinates, with its text set, in the canvas's stacking order (groups, outer first;
 * connections; components; notes), and the box that holds all of it. Built from the document's
 * records and what the views would show on them (capacity overlay, path on show, design badges),
 * sent to the worker as plain data.
 */
import { absolutePosition } from '../model/absolutePosition';
import { findKind, GROUP_KIND, roleOf, type IconName, type Role } from '../model/catalog';
import type { DiagramEdge, DiagramNode, DiagramNote, LayoutDirection, NoteColor, Point, Size } from '../model/diagram';
import { HANDLE_SIDES, handlePoint, layoutComponent, type ComponentLayout } from './componentBox';
import { routedEdge, steppedEdge, type EdgePath } from './edgePath';
import { fontOf, type TextMeasurer } from './fonts';
import type { Palette } from './palette';
import { wrapText } from './textLayout';

/** What the capacity overlay shows, as the store formats it (capacityView.ts). */
export interface PaintOverlay {
  /** `status|ρ text|spof` per component (selectNodeOverlay). */
  nodes: ReadonlyMap<string, string>;
  /** "1,200/s" per connection that carries load. */
  edgeRate: ReadonlyMap<string, string>;
  /** 1–5 per connection that carries load: how dense its traffic dots are. */
  edgeTraffic: ReadonlyMap<string, number>;
  /** Groups marked down, or inside one. */
  downGroups: ReadonlySet<string>;
}

/** What the views draw on the records, besides the records themselves. */
export interface PaintView {
  direction: LayoutDirection;
  /** Sizes the canvas measured; others are laid out here as the DOM would. */
  measured: ReadonlyMap<string, Size>;
  overlay: PaintOverlay | null;
  /** The steps of the request path on show. */
  pathSteps: readonly string[] | null;
  /** The design badge's text per component ("2 endpoints · 1 entity"). */
  designBadges: ReadonlyMap<string, string>;
}

export interface PaintInput extends PaintView {
  nodes: readonly DiagramNode[];
  edges: readonly DiagramEdge[];
  notes: readonly DiagramNote[];
}

export interface CapacityMarks {
  status: string;
  rho: string;
  spof: boolean;
}

export interface ComponentItem {
  type: 'component';
  id: string;
  x: number;
  y: number;
  role: Exclude<Role, 'group'>;
  icon: IconName | null;
  layout: ComponentLayout;
  capacity: CapacityMarks | null;
  /** 'on' on the path on show, 'off' faded beside it, null when no path is shown. */
  path: 'on' | 'off' | null;
}

export interface GroupItem {
  type: 'group';
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  tech?: string;
  down: boolean;
  /** A path is on show (the outline fades). */
  faded: boolean;
}

export interface EdgeItem {
  type: 'edge';
  id: string;
  geometry: EdgePath;
  bidirectional: boolean;
  async: boolean;
  /** 'on' on the path on show, 'off' faded beside it, null when no path is shown. */
  path: 'on' | 'off' | null;
  label?: { text: string; x: number; y: number; width: number; height: number };
  rate?: { text: string; x: number; y: number; width: number };
  /** Traffic level 1–5 (the capacity overlay's dots), when it carries load. */
  traffic?: number;
}

export interface NoteItem {
  type: 'note';
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: NoteColor;
  /** Wrapped lines; none for an empty note (its placeholder is drawn). */
  lines: string[];
  /** Pinned to a component: a pin in its corner, and the text keeps clear of it. */
  pinned: boolean;
}

export type SceneItem = GroupItem | EdgeItem | ComponentItem | NoteItem;

export interface Scene {
  items: SceneItem[];
  /** Everything drawn, in flow coordinates (at least the nodes). */
  bounds: { x: number; y: number; width: number; height: number };
}

/** A group's size when a file gave none (flowView.ts). */
const GROUP_SIZE: Size = { width: 360, height: 240 };
/** A note's size when it has none (designSlice.ts). */
const NOTE_SIZE: Size = { width: 180, height: 120 };
/** `.note` padding, and the room a pinned note's text leaves for its pin (`.note.is-pinned .note-text`). */
const NOTE_PAD = { x: 12, y: 10 };
const NOTE_PIN_ROOM = 12;
/** React Flow's label padding on an edge (ConnectionEdge.tsx), and the rate pill's row below it. */
const LABEL_PAD = { x: 6, y: 3 };
const RATE_BELOW_LABEL = 20;
/** Capacity badges stand 10 px above a component (`.cap-badges`). */
const BADGE_RISE = 10;

function parseMarks(text: string | undefined): CapacityMarks | null {
  if (!text) return null;
  const [status = '', rho = '', spof = ''] = text.split('|');
  return { status, rho, spof: spof === 'spof' };
}

/** Groups parents first (a group inside another is drawn over it), then by file order. */
function depthOf(node: DiagramNode, byId: ReadonlyMap<string, DiagramNode>): number {
  let depth = 0;
  const seen = new Set<string>([node.id]);
  let parent = node.parent !== undefined ? byId.get(node.parent) : undefined;
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id);
    depth++;
    parent = parent.parent !== undefined ? byId.get(parent.parent) : undefined;
  }
  return depth;
}

export function buildScene(input: PaintInput, measure: TextMeasurer, palette: Pick<Palette, 'fontFamily' | 'ringInset'>): Scene {
  const family = palette.fontFamily;
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const groups: GroupItem[] = [];
  const components: ComponentItem[] = [];
  const placed = new Map<string, ComponentItem>();
  const onPath = input.pathSteps && input.pathSteps.length > 0 ? new Set(input.pathSteps) : null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const take = (x0: number, y0: number, x1: number, y1: number) => {
    left = Math.min(left, x0);
    top = Math.min(top, y0);
    right = Math.max(right, x1);
    bottom = Math.max(bottom, y1);
  };

  const depth = new Map<string, number>();
  for (const node of input.nodes) {
    const at = absolutePosition(byId, node);
    if (node.kind === GROUP_KIND) {
      const size = input.measured.get(node.id) ?? node.size ?? GROUP_SIZE;
      const group: GroupItem = {
        type: 'group',
        id: node.id,
        x: at.x,
        y: at.y,
        width: size.width,
        height: size.height,
        label: node.label || 'Group',
        down: input.overlay?.downGroups.has(node.id) ?? false,
        faded: onPath !== null,
      };
      if (node.tech) group.tech = node.tech;
      groups.push(group);
      depth.set(node.id, depthOf(node, byId));
      take(at.x, at.y, at.x + size.width, at.y + size.height);
      continue;
    }
    const spec = findKind(node.kind);
    const label = node.label || spec?.label || node.kind;
    const sub = node.tech || (label !== spec?.label ? spec?.label : undefined);
    const measured = input.measured.get(node.id);
    const width = measured?.width ?? spec?.width ?? 168;
    const badge = input.designBadges.get(node.id);
    const layout = layoutComponent({ label, ...(sub ? { sub } : {}), ...(badge ? { badge } : {}) }, width, measured?.height, measure, family);
    const item: ComponentItem = {
      type: 'component',
      id: node.id,
      x: at.x,
      y: at.y,
      role: roleOf(node) as Exclude<Role, 'group'>,
      icon: spec?.icon ?? null,
      layout,
      capacity: input.overlay ? parseMarks(input.overlay.nodes.get(node.id)) : null,
      path: onPath ? (onPath.has(node.id) ? 'on' : 'off') : null,
    };
    components.push(item);
    placed.set(node.id, item);
    take(at.x, at.y - (item.capacity ? BADGE_RISE : 0), at.x + layout.width, at.y + layout.height);
  }
  groups.sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);

  const edges: EdgeItem[] = [];
  const sides = HANDLE_SIDES[input.direction];
  const edgeFont = fontOf('edge', family);
  const edgeExtent = measure.extent(edgeFont);
  const pathPairs = new Set<string>();
  if (input.pathSteps) for (let i = 1; i < input.pathSteps.length; i++) pathPairs.add(`${input.pathSteps[i - 1]}\n${input.pathSteps[i]}`);
  for (const edge of input.edges) {
    const source = placed.get(edge.source);
    const target = placed.get(edge.target);
    // React Flow draws no connection to a group (it has no handles) or to a missing node.
    if (!source || !target) continue;
    let geometry: EdgePath;
    if (edge.route && edge.route.length >= 2) geometry = routedEdge(edge.route);
    else {
      const from = handlePoint(sides.source, source.layout, palette.ringInset);
      const to = handlePoint(sides.target, target.layout, palette.ringInset);
      geometry = steppedEdge({ x: source.x + from.x, y: source.y + from.y }, sides.source, { x: target.x + to.x, y: target.y + to.y }, sides.target);
    }
    const onThisPath = pathPairs.has(`${edge.source}\n${edge.target}`) || pathPairs.has(`${edge.target}\n${edge.source}`);
    const item: EdgeItem = {
      type: 'edge',
      id: edge.id,
      geometry,
      bidirectional: edge.bidirectional === true,
      async: edge.mode === 'async',
      path: onPath ? (onThisPath ? 'on' : 'off') : null,
    };
    const text = [edge.label, edge.protocol].filter(Boolean).join(' · ');
    const { mid } = geometry;
    if (text) {
      const width = measure.width(edgeFont, text) + 2 * LABEL_PAD.x;
      const height = edgeExtent.ascent + edgeExtent.descent + 2 * LABEL_PAD.y;
      item.label = { text, x: mid.x, y: mid.y, width, height };
      take(mid.x - width / 2, mid.y - height / 2, mid.x + width / 2, mid.y + height / 2);
    }
    const traffic = input.overlay?.edgeTraffic.get(edge.id) ?? 0;
    if (traffic > 0) item.traffic = traffic;
    const rate = input.overlay?.edgeRate.get(edge.id);
    if (rate) {
      const y = text ? mid.y + RATE_BELOW_LABEL : mid.y;
      // Sized from the text's length, as RatePill in ConnectionEdge.tsx is.
      const width = rate.length * 6.6 + 12;
      item.rate = { text: rate, x: mid.x, y, width };
      take(mid.x - width / 2, y - 9, mid.x + width / 2, y + 9);
    }
    take(geometry.box.left, geometry.box.top, geometry.box.right, geometry.box.bottom);
    edges.push(item);
  }

  const notes: NoteItem[] = [];
  const noteFont = fontOf('note', family);
  for (const note of input.notes) {
    const pin = note.pin !== undefined ? byId.get(note.pin) : undefined;
    const base: Point = pin ? absolutePosition(byId, pin) : { x: 0, y: 0 };
    const size = note.size ?? NOTE_SIZE;
    const x = base.x + note.position.x;
    const y = base.y + note.position.y;
    const textWidth = size.width - 2 * NOTE_PAD.x - (pin ? NOTE_PIN_ROOM : 0);
    const lines = note.text ? wrapText(note.text, textWidth, (t) => measure.width(noteFont, t)) : [];
    notes.push({ type: 'note', id: note.id, x, y, width: size.width, height: size.height, color: note.color ?? 'yellow', lines, pinned: pin !== undefined });
    take(x, y, x + size.width, y + size.height);
  }

  const bounds = Number.isFinite(left) ? { x: left, y: top, width: right - left, height: bottom - top } : { x: 0, y: 0, width: 0, height: 0 };
  return { items: [...groups, ...edges, ...components, ...notes], bounds };
}
