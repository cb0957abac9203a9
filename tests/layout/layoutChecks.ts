// Geometry checks shared by the layout tests. Written from the contract (band rule, parent-
// relative positions, absolute routes), not from the adapter's code.
import { roleOf } from '../../src/model/catalog';
import type { Diagram, DiagramNode, LayoutDirection, Point } from '../../src/model/diagram';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function node(id: string, kind: string, extra: Partial<DiagramNode> = {}): DiagramNode {
  return { id, kind, label: id, ...extra };
}

export function edge(source: string, target: string, id = `${source}->${target}`) {
  return { id, source, target };
}

/** Absolute boxes: positions are relative to the parent group, so add up the chain. */
export function absoluteBoxes(diagram: Diagram): Map<string, Box> {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const boxes = new Map<string, Box>();
  const boxOf = (n: DiagramNode): Box => {
    const known = boxes.get(n.id);
    if (known) return known;
    const parent = n.parent ? byId.get(n.parent) : undefined;
    const origin = parent ? boxOf(parent) : { x: 0, y: 0 };
    const box = { x: origin.x + n.position!.x, y: origin.y + n.position!.y, width: n.size!.width, height: n.size!.height };
    boxes.set(n.id, box);
    return box;
  };
  for (const n of diagram.nodes) boxOf(n);
  return boxes;
}

/** [start, end] along the direction edges point. */
export function along(direction: LayoutDirection, b: Box): [number, number] {
  switch (direction) {
    case 'down':
      return [b.y, b.y + b.height];
    case 'up':
      return [-(b.y + b.height), -b.y];
    case 'right':
      return [b.x, b.x + b.width];
    case 'left':
      return [-(b.x + b.width), -b.x];
  }
}

type BandName = 'entry' | 'middle' | 'exit' | 'none';

/**
 * A node's band as the contract states it: entries/exits by role and flow, servers in the
 * middle, support nowhere; a group by what it holds (support aside): only entries → entry,
 * only exits → exit, servers or a mix → middle, nothing → none.
 */
export function bandsOf(diagram: Diagram): Map<string, BandName> {
  const entry = diagram.flow === 'top-down' ? 'datastore' : 'client';
  const exit = diagram.flow === 'top-down' ? 'client' : 'datastore';
  const children = new Map<string, DiagramNode[]>();
  for (const n of diagram.nodes) {
    if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  }
  const held = (n: DiagramNode): Set<string> => {
    const role = roleOf(n);
    if (role !== 'group') return new Set(role === 'support' ? [] : [role === entry ? 'entry' : role === exit ? 'exit' : 'middle']);
    const all = new Set<string>();
    for (const c of children.get(n.id) ?? []) for (const r of held(c)) all.add(r);
    return all;
  };
  const bands = new Map<string, BandName>();
  for (const n of diagram.nodes) {
    const h = held(n);
    bands.set(n.id, h.size === 0 ? 'none' : h.size === 1 ? ([...h][0] as BandName) : 'middle');
  }
  return bands;
}

/**
 * Among siblings (same parent), every entry ends strictly before every middle node starts,
 * and so on. Returns the broken pairs, empty when the rule holds.
 */
export function bandViolations(diagram: Diagram, direction: LayoutDirection): string[] {
  const boxes = absoluteBoxes(diagram);
  const bands = bandsOf(diagram);
  const order: Record<BandName, number> = { entry: 0, middle: 1, exit: 2, none: -1 };
  const problems: string[] = [];
  for (const a of diagram.nodes) {
    for (const b of diagram.nodes) {
      if (a === b || (a.parent ?? '') !== (b.parent ?? '')) continue;
      const ba = order[bands.get(a.id)!];
      const bb = order[bands.get(b.id)!];
      if (ba < 0 || bb < 0 || ba >= bb) continue;
      if (!(along(direction, boxes.get(a.id)!)[1] < along(direction, boxes.get(b.id)!)[0])) {
        problems.push(`${a.id} (${bands.get(a.id)}) is not before ${b.id} (${bands.get(b.id)})`);
      }
    }
  }
  return problems;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function siblingOverlaps(diagram: Diagram): string[] {
  const boxes = absoluteBoxes(diagram);
  const problems: string[] = [];
  diagram.nodes.forEach((a, i) => {
    for (const b of diagram.nodes.slice(i + 1)) {
      if ((a.parent ?? '') === (b.parent ?? '') && overlap(boxes.get(a.id)!, boxes.get(b.id)!)) problems.push(`${a.id} overlaps ${b.id}`);
    }
  });
  return problems;
}

/** Children must lie inside their group's box. */
export function escapedChildren(diagram: Diagram): string[] {
  const boxes = absoluteBoxes(diagram);
  const problems: string[] = [];
  for (const n of diagram.nodes) {
    if (!n.parent) continue;
    const c = boxes.get(n.id)!;
    const g = boxes.get(n.parent)!;
    if (c.x < g.x || c.y < g.y || c.x + c.width > g.x + g.width || c.y + c.height > g.y + g.height) {
      problems.push(`${n.id} leaves ${n.parent}`);
    }
  }
  return problems;
}

export function allFinite(diagram: Diagram): boolean {
  const numbers = diagram.nodes.flatMap((n) => [n.position?.x, n.position?.y, n.size?.width, n.size?.height]);
  const points = diagram.edges.flatMap((e) => (e.route ?? []).flatMap((p) => [p.x, p.y]));
  return [...numbers, ...points].every((v) => typeof v === 'number' && Number.isFinite(v));
}

function onBorder(p: Point, b: Box, tolerance = 0.5): boolean {
  const inX = p.x >= b.x - tolerance && p.x <= b.x + b.width + tolerance;
  const inY = p.y >= b.y - tolerance && p.y <= b.y + b.height + tolerance;
  const nearX = Math.abs(p.x - b.x) <= tolerance || Math.abs(p.x - (b.x + b.width)) <= tolerance;
  const nearY = Math.abs(p.y - b.y) <= tolerance || Math.abs(p.y - (b.y + b.height)) <= tolerance;
  return inX && inY && (nearX || nearY);
}

/**
 * Every edge between two different nodes has an orthogonal route (absolute coordinates) that
 * starts on its source's border and ends on its target's.
 */
export function badRoutes(diagram: Diagram): string[] {
  const boxes = absoluteBoxes(diagram);
  const problems: string[] = [];
  for (const e of diagram.edges) {
    const route = e.route;
    if (!route || route.length < 2) {
      problems.push(`${e.id} has no route`);
      continue;
    }
    if (e.source === e.target) continue;
    if (!onBorder(route[0]!, boxes.get(e.source)!)) problems.push(`${e.id} does not start on ${e.source}`);
    if (!onBorder(route[route.length - 1]!, boxes.get(e.target)!)) problems.push(`${e.id} does not end on ${e.target}`);
    for (let i = 0; i + 1 < route.length; i++) {
      const a = route[i]!;
      const b = route[i + 1]!;
      if (Math.abs(a.x - b.x) > 1e-6 && Math.abs(a.y - b.y) > 1e-6) problems.push(`${e.id} has a slanted segment`);
    }
  }
  return problems;
}
