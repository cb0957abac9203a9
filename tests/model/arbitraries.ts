/**
 * fast-check generators of valid diagrams, shared by every folder's property tests. A generated
 * diagram is already in the parser's normal form (no empty optional text, no `bidirectional:
 * false`, no empty route or layout, no -0), so `parse(serialize(d))` must give back exactly `d`.
 */
import fc from 'fast-check';
import { COMPONENT_ROLES, GROUP_KIND, KINDS, ROLES } from '../../src/model/catalog';
import type { Role } from '../../src/model/catalog';
import { FLOWS, LAYOUT_DIRECTIONS } from '../../src/model/diagram';
import type { Diagram, DiagramEdge, DiagramNode, Flow, Point, Size } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';

export interface ArbitraryDiagramOptions {
  minNodes?: number;
  /** Default 12. */
  maxNodes?: number;
  /** Default 16. Edges need at least one node; a diagram without nodes has none. */
  maxEdges?: number;
  /** Which nodes carry a position. Default 'some'. */
  positions?: 'all' | 'none' | 'some';
  /** Allow groups and parents. Default true. */
  groups?: boolean;
}

/** Text people and attackers put in labels: all valid, all kept verbatim. */
export const AWKWARD_TEXTS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  '\u202Eevil.exe\u202C',
  'مرحبا بالعالم',
  '👩‍💻 on-call 🚀',
  'tab\tnew\nline\u0007bell\u0000nul',
  '__proto__',
  'constructor',
  '{"format":"archflow"}',
  '   ',
];

/** Any text, often awkward. */
export function arbitraryText(maxLength = 24): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom(...AWKWARD_TEXTS),
  );
}

const nonEmptyText = (maxLength?: number) => arbitraryText(maxLength).filter((s) => s !== '');

/** Ids include names that live on Object.prototype, to catch lookups through plain objects. */
export const arbitraryId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }), weight: 6 },
);

const noNegativeZero = (v: number) => (v === 0 ? 0 : v);

const coordinate: fc.Arbitrary<number> = fc
  .oneof(
    fc.integer({ min: -20_000, max: 20_000 }),
    fc.double({ min: -LIMITS.maxCoordinate, max: LIMITS.maxCoordinate, noNaN: true, noDefaultInfinity: true }),
  )
  .map(noNegativeZero);

const dimension: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 2_000 }),
  fc.double({ min: 0.001, max: LIMITS.maxCoordinate, noNaN: true, noDefaultInfinity: true }),
);

export const arbitraryPoint: fc.Arbitrary<Point> = fc.record(
  { x: coordinate, y: coordinate },
  { noNullPrototype: true },
);
const arbitrarySize: fc.Arbitrary<Size> = fc.record(
  { width: dimension, height: dimension },
  { noNullPrototype: true },
);

const KIND_IDS = KINDS.map((k) => k.id);

interface NodeSpec {
  kind: string;
  label: string;
  role: Role | null;
  parentPick: number;
  position: Point | null;
  size: Size | null;
  tech: string | null;
  notes: string | null;
}

function nodeSpec(opts: Required<ArbitraryDiagramOptions>): fc.Arbitrary<NodeSpec> {
  const kind = opts.groups
    ? fc.oneof({ arbitrary: fc.constant(GROUP_KIND), weight: 1 }, { arbitrary: fc.constantFrom(...KIND_IDS), weight: 4 })
    : fc.constantFrom(...KIND_IDS.filter((k) => k !== GROUP_KIND));
  const position =
    opts.positions === 'all'
      ? arbitraryPoint
      : opts.positions === 'none'
        ? fc.constant(null)
        : fc.option(arbitraryPoint);
  return fc.record({
    kind,
    label: arbitraryText(),
    role: fc.option(fc.constantFrom<Role>('group', ...COMPONENT_ROLES)),
    parentPick: fc.nat(),
    position,
    size: fc.option(arbitrarySize),
    tech: fc.option(nonEmptyText()),
    notes: fc.option(nonEmptyText(200)),
  });
}

function buildNodes(specs: readonly [string, NodeSpec][], groups: boolean): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  const depthOf = new Map<string, number>();
  const groupIds: string[] = [];
  for (const [id, spec] of specs) {
    const node: DiagramNode = { id, kind: spec.kind, label: spec.label };
    const isGroup = spec.kind === GROUP_KIND;
    // A role that fits the kind: only groups may say "group", and they may say nothing else.
    if (spec.role !== null && (spec.role === 'group') === isGroup) node.role = spec.role;
    let depth = 0;
    if (groups && groupIds.length > 0) {
      const pick = spec.parentPick % (groupIds.length + 1);
      const parent = pick === 0 ? undefined : groupIds[pick - 1];
      const parentDepth = parent === undefined ? undefined : depthOf.get(parent);
      if (parent !== undefined && parentDepth !== undefined && parentDepth + 1 <= LIMITS.maxGroupDepth) {
        node.parent = parent;
        depth = parentDepth + 1;
      }
    }
    depthOf.set(id, depth);
    if (isGroup) groupIds.push(id);
    if (spec.position) node.position = spec.position;
    if (spec.size) node.size = spec.size;
    if (spec.tech !== null) node.tech = spec.tech;
    if (spec.notes !== null) node.notes = spec.notes;
    nodes.push(node);
  }
  return nodes;
}

interface EdgeSpec {
  source: number;
  target: number;
  label: string | null;
  protocol: string | null;
  bidirectional: boolean;
  route: Point[] | null;
}

const edgeSpec: fc.Arbitrary<EdgeSpec> = fc.record({
  source: fc.nat(),
  target: fc.nat(),
  label: fc.option(nonEmptyText()),
  protocol: fc.option(fc.oneof(fc.constantFrom('HTTP', 'HTTPS', 'gRPC', 'WebSocket', 'AMQP'), nonEmptyText())),
  bidirectional: fc.boolean(),
  route: fc.option(fc.array(arbitraryPoint, { minLength: 1, maxLength: 4 })),
});

function buildEdges(specs: readonly [string, EdgeSpec][], nodes: readonly DiagramNode[]): DiagramEdge[] {
  if (nodes.length === 0) return [];
  return specs.map(([id, spec]) => {
    const source = nodes[spec.source % nodes.length]?.id ?? '';
    const target = nodes[spec.target % nodes.length]?.id ?? '';
    const edge: DiagramEdge = { id, source, target };
    if (spec.label !== null) edge.label = spec.label;
    if (spec.protocol !== null) edge.protocol = spec.protocol;
    if (spec.bidirectional) edge.bidirectional = true;
    if (spec.route) edge.route = spec.route;
    return edge;
  });
}

/**
 * A valid diagram: unique ids, parents that are groups (never cyclic, never too deep), edges
 * between existing nodes (self-loops included), optional fields present or absent. Nodes come
 * parents-first or, half the time, children-first.
 */
export function arbitraryDiagram(options: ArbitraryDiagramOptions = {}): fc.Arbitrary<Diagram> {
  const opts: Required<ArbitraryDiagramOptions> = {
    minNodes: options.minNodes ?? 0,
    maxNodes: options.maxNodes ?? 12,
    maxEdges: options.maxEdges ?? 16,
    positions: options.positions ?? 'some',
    groups: options.groups ?? true,
  };
  return fc
    .record({
      title: arbitraryText(),
      flow: fc.constantFrom(...FLOWS),
      direction: fc.option(fc.constantFrom(...LAYOUT_DIRECTIONS)),
      nodes: fc.uniqueArray(fc.tuple(arbitraryId, nodeSpec(opts)), {
        selector: ([id]) => id,
        minLength: opts.minNodes,
        maxLength: opts.maxNodes,
      }),
      edges: fc.uniqueArray(fc.tuple(arbitraryId, edgeSpec), {
        selector: ([id]) => id,
        maxLength: opts.maxEdges,
      }),
      childrenFirst: fc.boolean(),
    })
    .map(({ title, flow, direction, nodes: nodeSpecs, edges: edgeSpecs, childrenFirst }) => {
      const nodes = buildNodes(nodeSpecs, opts.groups);
      if (childrenFirst) nodes.reverse();
      const diagram: Diagram = { title, flow, nodes, edges: buildEdges(edgeSpecs, nodes) };
      if (direction !== null) diagram.layout = { direction };
      return diagram;
    });
}

export interface ArbitraryFlowDiagramOptions {
  /** Default 14. */
  maxNodes?: number;
  /** Draw edge lists of every length up to 3 per node as often as short ones (fast-check favours short). */
  fullSize?: boolean;
}

/**
 * Random flow graphs over `kinds`: any role overrides (groups' included), self-loops, parallel and
 * bidirectional edges, edges to a node that does not exist ("ghost"), each edge with a route.
 * Nodes are `n0`, `n1`, …; edges `e0`, `e1`, …
 */
export function arbitraryFlowDiagram(kinds: readonly string[], options: ArbitraryFlowDiagramOptions = {}): fc.Arbitrary<Diagram> {
  const roleArb = fc.option(fc.constantFrom<Role>(...ROLES), { nil: undefined });
  return fc.integer({ min: 0, max: options.maxNodes ?? 14 }).chain((n) =>
    fc
      .record({
        flow: fc.constantFrom<Flow>(...FLOWS),
        nodes: fc.array(fc.record({ kind: fc.constantFrom(...kinds), role: roleArb }), { minLength: n, maxLength: n }),
        edges: fc.array(fc.record({ s: fc.nat(n), t: fc.nat(n), bidirectional: fc.boolean() }), {
          maxLength: 3 * n + 2,
          ...(options.fullSize === true ? { size: 'max' as const } : {}),
        }),
      })
      .map(({ flow, nodes, edges }) => ({
        title: 'random',
        flow,
        nodes: nodes.map(({ kind, role }, i) => ({
          id: `n${i}`,
          kind,
          label: `N${i}`,
          ...(role === undefined ? {} : { role }),
        })),
        edges: edges.map(({ s, t, bidirectional }, i) => ({
          id: `e${i}`,
          source: s === n ? 'ghost' : `n${s}`,
          target: t === n ? 'ghost' : `n${t}`,
          ...(bidirectional ? { bidirectional } : {}),
          route: [{ x: i, y: i }],
        })),
      })),
  );
}
