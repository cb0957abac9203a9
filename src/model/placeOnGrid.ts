/**
 * A readable first arrangement for nodes that have no position (a hand-written or generated
 * file), used until auto layout runs. Nodes are banded by role along the flow — for bottom-up,
 * clients on the bottom, servers above them, data at the top — with support components in a
 * column at the side. Nodes that already have positions never move and are never overlapped;
 * children are placed inside their group, which grows to hold them.
 */
import { GROUP_KIND, defaultSize, roleOf } from './catalog';
import type { Role } from './catalog';
import type { Diagram, DiagramNode, Point, Size } from './diagram';

const GAP = 40;
/** Room inside a group around its children, and above them for the group's label. */
const GROUP_PADDING = 40;
const GROUP_HEADER = 48;
/** Lines wrap at this many nodes at least; bigger bands wrap near a square. */
const MIN_COLUMNS = 4;

type Band = Exclude<Role, 'group'>;

interface Box extends Point, Size {}

export function placeOnGrid(diagram: Diagram): Diagram {
  if (diagram.nodes.every((n) => n.position)) return diagram;

  const byId = new Map<string, number>();
  diagram.nodes.forEach((n, i) => byId.set(n.id, i));
  const children = containerChildren(diagram.nodes, byId);

  const positions = new Map<number, Point>();
  const sizes = new Map<number, Size>();
  const sizeOf = (i: number): Size => {
    const node = diagram.nodes[i];
    if (!node) return { width: 0, height: 0 };
    return sizes.get(i) ?? node.size ?? defaultSize(node.kind);
  };
  const bands = new Map<number, Band>();
  const bandOf = (i: number): Band => {
    let band = bands.get(i);
    if (band === undefined) {
      band = dominantBand(i, diagram.nodes, children);
      bands.set(i, band);
    }
    return band;
  };

  /** Places the unpositioned children of a container; returns how far its content reaches. */
  const arrange = (container: number | null, origin: Point): Point => {
    const members = children.get(container) ?? [];
    for (const m of members) {
      if (diagram.nodes[m]?.kind !== GROUP_KIND) continue;
      const inner = arrange(m, { x: GROUP_PADDING, y: GROUP_HEADER });
      const placedInside = (children.get(m) ?? []).some((c) => positions.has(c));
      if (placedInside) {
        const own = sizeOf(m);
        sizes.set(m, {
          width: Math.max(own.width, inner.x + GROUP_PADDING),
          height: Math.max(own.height, inner.y + GROUP_PADDING),
        });
      }
    }

    const fixed: Box[] = [];
    const loose: number[] = [];
    for (const m of members) {
      const p = diagram.nodes[m]?.position;
      if (p) fixed.push({ ...p, ...sizeOf(m) });
      else loose.push(m);
    }
    // Placing the new block wholly to the right of what is already there is what guarantees
    // no overlap, however the fixed nodes are scattered.
    const start = { ...origin };
    if (fixed.length > 0) {
      const right = fixed.reduce((r, b) => Math.max(r, b.x + b.width), -Infinity);
      start.x = Math.max(origin.x, Math.ceil(right) + GAP);
    }
    const placed = packBands(loose, sizeOf, bandOf, diagram.flow, start);
    for (const [m, p] of placed) positions.set(m, p);

    let reach = { x: origin.x, y: origin.y };
    for (const m of members) {
      const p = positions.get(m) ?? diagram.nodes[m]?.position;
      if (!p) continue;
      const s = sizeOf(m);
      reach = { x: Math.max(reach.x, p.x + s.width), y: Math.max(reach.y, p.y + s.height) };
    }
    return reach;
  };
  arrange(null, { x: 0, y: 0 });

  return {
    ...diagram,
    nodes: diagram.nodes.map((node, i) => {
      const position = positions.get(i);
      const size = sizes.get(i);
      if (!position && !size) return node;
      return { ...node, ...(position ? { position } : {}), ...(size ? { size } : {}) };
    }),
  };
}

/**
 * Container index (null for the canvas) → member indices. A parent that is missing, not a group
 * or part of a cycle counts as no parent, so every node is reached exactly once.
 */
function containerChildren(nodes: readonly DiagramNode[], byId: Map<string, number>): Map<number | null, number[]> {
  const parentOf = nodes.map((n) => {
    const p = n.parent === undefined ? undefined : byId.get(n.parent);
    return p !== undefined && nodes[p]?.kind === GROUP_KIND ? p : null;
  });
  const build = () => {
    const map = new Map<number | null, number[]>();
    parentOf.forEach((p, i) => {
      const list = map.get(p);
      if (list) list.push(i);
      else map.set(p, [i]);
    });
    return map;
  };
  let map = build();
  const reached = new Set<number>();
  const queue = [...(map.get(null) ?? [])];
  while (queue.length > 0) {
    const i = queue.pop() as number;
    reached.add(i);
    queue.push(...(map.get(i) ?? []));
  }
  if (reached.size < nodes.length) {
    nodes.forEach((_, i) => {
      if (!reached.has(i)) parentOf[i] = null;
    });
    map = build();
  }
  return map;
}

/** A group sits in the band of most of what it holds (servers when empty). */
function dominantBand(
  index: number,
  nodes: readonly DiagramNode[],
  children: Map<number | null, number[]>,
): Band {
  const node = nodes[index];
  if (!node) return 'server';
  if (node.kind !== GROUP_KIND) {
    const role = roleOf(node);
    return role === 'group' ? 'server' : role;
  }
  const counts = new Map<Band, number>();
  const stack = [...(children.get(index) ?? [])];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const child = nodes[i];
    if (!child) continue;
    if (child.kind === GROUP_KIND) stack.push(...(children.get(i) ?? []));
    else {
      const role = roleOf(child);
      const band: Band = role === 'group' ? 'server' : role;
      counts.set(band, (counts.get(band) ?? 0) + 1);
    }
  }
  let best: Band = 'server';
  let most = 0;
  for (const [band, count] of counts) {
    if (count > most) {
      best = band;
      most = count;
    }
  }
  return best;
}

function packBands(
  members: readonly number[],
  sizeOf: (i: number) => Size,
  bandOf: (i: number) => Band,
  flow: Diagram['flow'],
  start: Point,
): Map<number, Point> {
  const placed = new Map<number, Point>();
  if (members.length === 0) return placed;
  const columns = Math.max(MIN_COLUMNS, Math.ceil(Math.sqrt(members.length)));
  const order: Band[] = flow === 'top-down' ? ['client', 'server', 'datastore'] : ['datastore', 'server', 'client'];
  const inBand = (band: Band) => members.filter((m) => bandOf(m) === band);

  const lines: number[][] = [];
  for (const band of order) {
    const list = inBand(band);
    for (let k = 0; k < list.length; k += columns) lines.push(list.slice(k, k + columns));
  }
  const lineWidth = (line: number[]) => line.reduce((w, m) => w + sizeOf(m).width, 0) + GAP * (line.length - 1);
  const widest = lines.reduce((w, line) => Math.max(w, lineWidth(line)), 0);

  let y = start.y;
  for (const line of lines) {
    let x = start.x + Math.round((widest - lineWidth(line)) / 2);
    let height = 0;
    for (const m of line) {
      const s = sizeOf(m);
      placed.set(m, { x, y });
      x += s.width + GAP;
      height = Math.max(height, s.height);
    }
    y += height + GAP;
  }

  // Support (DNS, monitoring, third parties) stands beside the main flow, in columns.
  const support = inBand('support');
  let columnX = start.x + (widest > 0 ? widest + GAP * 2 : 0);
  for (let k = 0; k < support.length; k += columns) {
    const column = support.slice(k, k + columns);
    let cy = start.y;
    let width = 0;
    for (const m of column) {
      const s = sizeOf(m);
      placed.set(m, { x: columnX, y: cy });
      cy += s.height + GAP;
      width = Math.max(width, s.width);
    }
    columnX += width + GAP;
  }
  return placed;
}
