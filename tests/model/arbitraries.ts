/**
 * fast-check generators of valid diagrams, shared by every folder's property tests. A generated
 * diagram is already in the parser's normal form (clean text, no empty optional text, no
 * `bidirectional: false`, no empty route or layout, no -0), so `parse(serialize(d))` must give
 * back exactly `d`.
 */
import fc from 'fast-check';
import { COMPONENT_ROLES, GROUP_KIND, KINDS, ROLES } from '../../src/model/catalog';
import type { Role } from '../../src/model/catalog';
import { EDGE_MODES, ENDPOINT_METHODS, FLOWS, LAYOUT_DIRECTIONS, NOTE_COLORS, PRIORITIES } from '../../src/model/diagram';
import type {
  ComponentFigures,
  Diagram,
  DiagramEdge,
  DiagramEndpoint,
  DiagramEntity,
  DiagramNode,
  DiagramNote,
  DiagramPath,
  DiagramRequirement,
  Flow,
  Point,
  ScaleRequirements,
  Size,
} from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { cleanText } from '../../src/model/text';

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
  /**
   * Add design data (requirements, endpoints, entities, request paths, notes, scale and load
   * figures, component figures, edge modes). Default false: a diagram as version 1 holds it.
   */
  design?: boolean;
}

/**
 * Text people and attackers put in labels: all valid. Everything visible is kept verbatim;
 * control characters are dropped (and line breaks become spaces outside notes) on the way in.
 */
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

/** Any text, often awkward, as it comes from a file or a keyboard (control characters too). */
export function arbitraryRawText(maxLength = 24): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom(...AWKWARD_TEXTS),
  );
}

/** Any text as a document holds it: cleaned the way the parser cleans it. */
export function arbitraryText(maxLength = 24, options: { multiline?: boolean } = {}): fc.Arbitrary<string> {
  return arbitraryRawText(maxLength).map((s) => cleanText(s, LIMITS.maxNotesLength, options));
}

const nonEmptyText = (maxLength?: number, options: { multiline?: boolean } = {}) =>
  arbitraryText(maxLength, options).filter((s) => s !== '');

/** Ids include names that live on Object.prototype, to catch lookups through plain objects. */
export const arbitraryId: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }), weight: 6 },
  )
  .map((s) => cleanText(s, LIMITS.maxIdLength))
  .filter((s) => s !== '');

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
    notes: fc.option(nonEmptyText(200, { multiline: true })),
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
    design: options.design ?? false,
  };
  const plain = fc
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
  return opts.design ? plain.chain(withDesign) : plain;
}

// ---------------------------------------------------------------------------------------------
// Design data

const noZeroSign = (v: number) => (v === 0 ? 0 : v);
const amount = fc
  .oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }))
  .map(noZeroSign);
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map(noZeroSign);
const positive = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0.001, max: 1e9, noNaN: true, noDefaultInfinity: true }));

/** A record of optional fields: present ones kept, and undefined when none is (as a file leaves it out). */
function someOf<T extends object>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T | undefined> {
  const options = Object.fromEntries(
    Object.entries(fields).map(([key, arb]) => [key, fc.option(arb as fc.Arbitrary<unknown>, { nil: undefined })]),
  );
  return fc.record(options, { noNullPrototype: true }).map((value) => {
    const out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
    return Object.keys(out).length > 0 ? (out as T) : undefined;
  });
}

const arbitraryScale = someOf<ScaleRequirements>({
  dailyActiveUsers: amount,
  requestsPerUserPerDay: amount,
  readWriteRatio: amount,
  peakFactor: amount,
  averageObjectBytes: amount,
  retentionDays: amount,
  p99LatencyMs: amount,
  availabilityTarget: fc.double({ min: 0, max: 100, noNaN: true }).map(noZeroSign),
});

const arbitraryFigures = someOf<ComponentFigures>({
  rps: amount,
  instances: fc.integer({ min: 1, max: 1_000 }),
  capacityRps: positive,
  serviceTimeMs: positive,
  availability: fraction,
  hitRatio: fraction,
});

/** Ids picked from `ids` by index, or undefined when the list would be empty. */
function picks(ids: readonly string[], at: readonly number[]): string[] | undefined {
  if (ids.length === 0 || at.length === 0) return undefined;
  return at.map((i) => ids[i % ids.length]!);
}
function pick(ids: readonly string[], at: number | null): string | undefined {
  return ids.length === 0 || at === null ? undefined : ids[at % ids.length];
}

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** `diagram` with design records that name its own nodes (and each other) only. */
function withDesign(diagram: Diagram): fc.Arbitrary<Diagram> {
  const nodeIds = diagram.nodes.map((n) => n.id);
  const idsOf = (max: number) => fc.uniqueArray(arbitraryId, { maxLength: nodeIds.length === 0 ? 0 : max });
  const indexes = fc.array(fc.nat(), { maxLength: 3 });
  return fc
    .record({
      scale: arbitraryScale,
      load: someOf<{ peakRps: number; targetUtilization: number }>({
        peakRps: amount,
        targetUtilization: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
      figures: fc.array(arbitraryFigures, { minLength: diagram.nodes.length, maxLength: diagram.nodes.length }),
      edgeExtras: fc.array(
        someOf<{ mode: 'sync' | 'async'; share: number; latencyMs: number }>({
          mode: fc.constantFrom(...EDGE_MODES),
          share: fraction,
          latencyMs: amount,
        }),
        { minLength: diagram.edges.length, maxLength: diagram.edges.length },
      ),
      requirements: fc.uniqueArray(fc.tuple(arbitraryId, arbitraryText(), fc.constantFrom(...PRIORITIES)), {
        selector: ([id]) => id,
        maxLength: 4,
      }),
      endpointIds: idsOf(4),
      endpointSpecs: fc.array(
        fc.record({
          node: fc.nat(),
          method: fc.constantFrom(...ENDPOINT_METHODS),
          path: nonEmptyText(),
          summary: fc.option(nonEmptyText()),
          request: fc.option(nonEmptyText(40, { multiline: true })),
          response: fc.option(nonEmptyText(40, { multiline: true })),
          requirements: indexes,
        }),
        { minLength: 4, maxLength: 4 },
      ),
      entityIds: idsOf(3),
      entitySpecs: fc.array(
        fc.record({
          node: fc.nat(),
          name: nonEmptyText(),
          fields: fc.array(
            fc.record({ name: nonEmptyText(), type: arbitraryText(), primaryKey: fc.boolean(), partitionKey: fc.boolean(), indexed: fc.boolean() }),
            { maxLength: 3 },
          ),
          endpoints: indexes,
        }),
        { minLength: 3, maxLength: 3 },
      ),
      pathIds: idsOf(3),
      pathSpecs: fc.array(
        fc.record({
          name: arbitraryText(),
          requirement: fc.option(fc.nat()),
          endpoint: fc.option(fc.nat()),
          steps: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        }),
        { minLength: 3, maxLength: 3 },
      ),
      notes: fc.uniqueArray(
        fc.tuple(
          arbitraryId,
          fc.record({
            text: arbitraryText(60, { multiline: true }),
            color: fc.option(fc.constantFrom(...NOTE_COLORS)),
            position: arbitraryPoint,
            size: fc.option(arbitrarySize),
            pin: fc.option(fc.nat()),
          }),
        ),
        { selector: ([id]) => id, maxLength: 3 },
      ),
    })
    .map((d) => {
      const out: Diagram = {
        ...diagram,
        nodes: diagram.nodes.map((node, i) => (d.figures[i] ? { ...node, figures: d.figures[i] } : node)),
        edges: diagram.edges.map((edge, i) => ({ ...edge, ...d.edgeExtras[i] })),
      };
      if (d.scale) out.scale = d.scale;
      if (d.load) out.load = d.load;
      const requirements: DiagramRequirement[] = d.requirements.map(([id, text, priority]) => ({ id, text, priority }));
      const requirementIds = requirements.map((r) => r.id);
      const endpoints: DiagramEndpoint[] = d.endpointIds.map((id, i) => {
        const spec = d.endpointSpecs[i]!;
        return defined({
          id,
          node: pick(nodeIds, spec.node)!,
          method: spec.method,
          path: spec.path,
          summary: spec.summary ?? undefined,
          request: spec.request ?? undefined,
          response: spec.response ?? undefined,
          requirements: picks(requirementIds, spec.requirements),
        });
      });
      const endpointIds = endpoints.map((e) => e.id);
      const entities: DiagramEntity[] = d.entityIds.map((id, i) => {
        const spec = d.entitySpecs[i]!;
        return defined({
          id,
          node: pick(nodeIds, spec.node)!,
          name: spec.name,
          fields: spec.fields.map((f) =>
            defined({
              name: f.name,
              type: f.type,
              primaryKey: f.primaryKey || undefined,
              partitionKey: f.partitionKey || undefined,
              indexed: f.indexed || undefined,
            }),
          ),
          endpoints: picks(endpointIds, spec.endpoints),
        });
      });
      const paths: DiagramPath[] = d.pathIds.map((id, i) => {
        const spec = d.pathSpecs[i]!;
        return defined({
          id,
          name: spec.name,
          requirement: pick(requirementIds, spec.requirement),
          endpoint: pick(endpointIds, spec.endpoint),
          steps: spec.steps.map((n) => nodeIds[n % nodeIds.length]!),
        });
      });
      const notes: DiagramNote[] = d.notes.map(([id, note]) =>
        defined({
          id,
          text: note.text,
          color: note.color ?? undefined,
          position: note.position,
          size: note.size ?? undefined,
          pin: pick(nodeIds, note.pin),
        }),
      );
      if (requirements.length > 0) out.requirements = requirements;
      if (endpoints.length > 0) out.endpoints = endpoints;
      if (entities.length > 0) out.entities = entities;
      if (paths.length > 0) out.paths = paths;
      if (notes.length > 0) out.notes = notes;
      return out;
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
