import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultSize } from '../../src/model/catalog';
import { LAYOUT_DIRECTIONS, type Diagram, type Flow, type LayoutDirection } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { defaultDirection, layoutDiagram } from '../../src/layout/layoutDiagram';
import type { ElkLike } from '../../src/layout/layoutTypes';
import {
  absoluteBoxes,
  allFinite,
  along,
  badRoutes,
  bandViolations,
  edge,
  escapedChildren,
  node,
  siblingOverlaps,
} from './layoutChecks';

const FLOWS: Flow[] = ['bottom-up', 'top-down'];

async function laidOut(diagram: Diagram, direction?: LayoutDirection) {
  const outcome = await layoutDiagram(diagram, direction ? { direction } : {});
  if (!outcome.ok) throw new Error(`layout failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome;
}

/** Everything the band rule must survive, in one diagram. */
function awkward(flow: Flow): Diagram {
  return {
    title: 'awkward',
    flow,
    nodes: [
      node('user', 'user'),
      node('web', 'web-client'),
      node('mobile', 'mobile-client'),
      node('lb', 'load-balancer'),
      node('api', 'api-server'),
      node('svcA', 'service'),
      node('svcB', 'service'),
      node('db', 'sql-database'),
      node('cache', 'cache'),
      node('dns', 'dns'),
      node('monitor', 'monitoring'),
      // a second, disconnected part
      node('cron', 'scheduler'),
      node('job', 'worker'),
      node('bucket', 'object-storage'),
      // isolated nodes of every role
      node('lonelyClient', 'web-client'),
      node('lonelyServer', 'service'),
      node('lonelyStore', 'cache'),
      node('lonelySupport', 'external-service'),
      // a server whose role override makes it a client
      node('fakeClient', 'service', { role: 'client' }),
    ],
    edges: [
      edge('user', 'web'), // client → client
      edge('web', 'lb'),
      edge('mobile', 'lb'),
      edge('lb', 'api'),
      edge('api', 'mobile'), // server → client (into a client)
      edge('api', 'svcA'),
      edge('svcA', 'svcB'),
      edge('svcB', 'api'), // a cycle among servers
      edge('svcA', 'db'),
      edge('db', 'svcB'), // datastore → server, against a bottom-up flow
      edge('cache', 'db'), // datastore → datastore
      edge('db', 'user'), // datastore → client, across everything
      edge('web', 'dns'),
      edge('db', 'monitor'),
      edge('cron', 'job'),
      edge('job', 'bucket'),
      edge('fakeClient', 'fakeClient'), // a self-loop
      edge('fakeClient', 'web'),
    ],
  };
}

describe('defaultDirection', () => {
  it('points edges up for bottom-up and down for top-down', () => {
    expect(defaultDirection('bottom-up')).toBe('up');
    expect(defaultDirection('top-down')).toBe('down');
  });
});

describe('layoutDiagram: role bands', () => {
  for (const flow of FLOWS) {
    for (const direction of LAYOUT_DIRECTIONS) {
      it(`keeps entries, servers and exits in order (${flow}, ${direction})`, async () => {
        const diagram = awkward(flow);
        const { diagram: out, direction: used } = await laidOut(diagram, direction);
        expect(used).toBe(direction);
        expect(out.layout?.direction).toBe(direction);
        expect(bandViolations(out, direction)).toEqual([]);
        expect(siblingOverlaps(out)).toEqual([]);
        expect(allFinite(out)).toBe(true);
        expect(badRoutes(out)).toEqual([]);
      });
    }
  }

  it('puts clients at the bottom and datastores at the top by default in both flows', async () => {
    for (const flow of FLOWS) {
      const out = await laidOut(awkward(flow));
      expect(out.direction).toBe(defaultDirection(flow));
      const boxes = absoluteBoxes(out.diagram);
      const lowestStore = Math.max(...['db', 'cache', 'bucket'].map((id) => boxes.get(id)!.y + boxes.get(id)!.height));
      const highestClient = Math.min(...['user', 'web', 'mobile', 'cron'].map((id) => boxes.get(id)!.y));
      const servers = ['lb', 'api', 'svcA', 'svcB', 'job'].map((id) => boxes.get(id)!);
      expect(lowestStore).toBeLessThan(Math.min(...servers.map((b) => b.y)));
      expect(Math.max(...servers.map((b) => b.y + b.height))).toBeLessThan(highestClient);
    }
  });

  it('stacks a client drawn into another client inside the client band', async () => {
    const { diagram: out } = await laidOut(awkward('bottom-up'), 'up');
    const boxes = absoluteBoxes(out);
    const [, userEnd] = along('up', boxes.get('user')!);
    const [webStart] = along('up', boxes.get('web')!);
    expect(userEnd).toBeLessThan(webStart);
  });

  it('uses the direction saved in the file when none is asked for', async () => {
    const saved = { ...awkward('bottom-up'), layout: { direction: 'right' as const } };
    const out = await laidOut(saved);
    expect(out.direction).toBe('right');
    expect(bandViolations(out.diagram, 'right')).toEqual([]);
  });

  it('ignores an unknown direction and falls back to the flow', async () => {
    const out = await layoutDiagram(awkward('top-down'), { direction: 'sideways' as LayoutDirection });
    expect(out.ok && out.direction).toBe('down');
  });
});

describe('layoutDiagram: result', () => {
  it('returns a new diagram and leaves the input untouched', async () => {
    const input = awkward('bottom-up');
    input.edges[0]!.route = [{ x: 1, y: 1 }, { x: 2, y: 2 }];
    const before = JSON.stringify(input);
    const { diagram: out } = await laidOut(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.nodes.map((n) => n.id)).toEqual(input.nodes.map((n) => n.id));
    expect(out.edges.map((e) => e.id)).toEqual(input.edges.map((e) => e.id));
    expect(out.title).toBe(input.title);
    expect(out.edges[0]!.route).not.toEqual(input.edges[0]!.route);
  });

  it('lays nodes out at their measured size, else their saved size, else the default', async () => {
    const diagram: Diagram = {
      title: 't',
      flow: 'bottom-up',
      nodes: [node('a', 'user'), node('b', 'service', { size: { width: 300, height: 90 } }), node('c', 'cache')],
      edges: [edge('a', 'b'), edge('b', 'c')],
    };
    const sizes = new Map([
      ['a', { width: 222, height: 77 }],
      ['c', { width: Number.NaN, height: 10 }],
    ]);
    const outcome = await layoutDiagram(diagram, { sizes });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const size = (id: string) => outcome.diagram.nodes.find((n) => n.id === id)!.size;
    expect(size('a')).toEqual({ width: 222, height: 77 });
    expect(size('b')).toEqual({ width: 300, height: 90 });
    expect(size('c')).toEqual(defaultSize('cache'));
  });

  it('drops the route of an edge whose end is missing instead of failing', async () => {
    const diagram: Diagram = {
      title: 't',
      flow: 'bottom-up',
      nodes: [node('a', 'user'), node('b', 'service')],
      edges: [edge('a', 'b'), { ...edge('a', 'ghost'), route: [{ x: 0, y: 0 }, { x: 5, y: 5 }] }],
    };
    const { diagram: out } = await laidOut(diagram);
    expect(out.edges[0]!.route?.length).toBeGreaterThanOrEqual(2);
    expect(out.edges[1]!.route).toBeUndefined();
  });

  it('lays out an empty diagram', async () => {
    const { diagram: out } = await laidOut({ title: 'e', flow: 'bottom-up', nodes: [], edges: [] });
    expect(out.nodes).toEqual([]);
  });

  it('reports duplicate node ids as a failure', async () => {
    const outcome = await layoutDiagram({ title: 'd', flow: 'bottom-up', nodes: [node('a', 'user'), node('a', 'cache')], edges: [] });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('refuses more nodes than the format allows', async () => {
    const nodes = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => node(`n${i}`, 'service'));
    const outcome = await layoutDiagram({ title: 'big', flow: 'bottom-up', nodes, edges: [] });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

describe('layoutDiagram: engine failures', () => {
  const diagram = awkward('bottom-up');

  it('turns a rejected layout into a failure', async () => {
    const elk: ElkLike = { layout: () => Promise.reject(new Error('boom')) };
    const outcome = await layoutDiagram(diagram, { elk });
    expect(outcome).toEqual({ ok: false, error: { code: 'failed', message: expect.stringContaining('boom') } });
  });

  it('turns a synchronous throw, even a non-Error, into a failure', async () => {
    const elk: ElkLike = {
      layout: () => {
        throw 'not an error';
      },
    };
    const outcome = await layoutDiagram(diagram, { elk });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('explains a stack overflow', async () => {
    const elk: ElkLike = { layout: () => Promise.reject(new RangeError('Maximum call stack size exceeded')) };
    const outcome = await layoutDiagram(diagram, { elk });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/stack/) } });
  });

  it('refuses an answer with coordinates past the canvas limits', async () => {
    const elk: ElkLike = {
      layout: async (graph) => ({
        ...graph,
        children: graph.children?.map((c) => ({ ...c, x: LIMITS.maxCoordinate * 2, y: 0 })),
      }),
    };
    const outcome = await layoutDiagram(diagram, { elk });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('refuses an answer that breaks the bands rather than showing it', async () => {
    const elk: ElkLike = {
      layout: async (graph) => ({
        ...graph,
        children: graph.children?.map((c) => ({ ...c, x: 0, y: 0 })),
      }),
    };
    const outcome = await layoutDiagram(diagram, { elk });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});

describe('layoutDiagram: groups', () => {
  function grouped(): Diagram {
    return {
      title: 'groups',
      flow: 'bottom-up',
      nodes: [
        node('clients', 'group'),
        node('web', 'web-client', { parent: 'clients' }),
        node('mobile', 'mobile-client', { parent: 'clients' }),
        node('vpc', 'group'),
        node('lb', 'load-balancer', { parent: 'vpc' }),
        node('cluster', 'group', { parent: 'vpc' }),
        node('api', 'api-server', { parent: 'cluster' }),
        node('worker', 'worker', { parent: 'cluster' }),
        node('db', 'sql-database', { parent: 'vpc' }),
        node('dns', 'dns', { parent: 'vpc' }),
        node('empty', 'group'),
        node('stores', 'group'),
        node('bucket', 'object-storage', { parent: 'stores' }),
        node('outsideServer', 'service'),
      ],
      edges: [
        edge('web', 'lb'),
        edge('mobile', 'lb'),
        edge('lb', 'api'),
        edge('api', 'db'),
        edge('worker', 'bucket'),
        edge('db', 'worker'),
        edge('outsideServer', 'cluster'), // an edge to a group
        edge('vpc', 'outsideServer'), // an edge from a group
        edge('cluster', 'api'), // a group to its own child
        edge('api', 'vpc'), // a node to the group around its group
        edge('vpc', 'worker'), // and back in
        edge('clients', 'stores'), // group to group
        edge('lb', 'dns'),
      ],
    };
  }

  for (const direction of LAYOUT_DIRECTIONS) {
    it(`keeps children inside their groups and bands among siblings (${direction})`, async () => {
      const { diagram: out } = await laidOut(grouped(), direction);
      expect(escapedChildren(out)).toEqual([]);
      expect(siblingOverlaps(out)).toEqual([]);
      expect(bandViolations(out, direction)).toEqual([]);
      expect(allFinite(out)).toBe(true);
      expect(badRoutes(out)).toEqual([]);
    });
  }

  it('bands the children of a group listed after them', async () => {
    const diagram: Diagram = {
      title: 'children first',
      flow: 'bottom-up',
      nodes: [
        node('user', 'user', { parent: 'inner' }),
        node('db', 'sql-database', { parent: 'inner' }),
        node('inner', 'group', { parent: 'outer' }),
        node('outer', 'group'),
      ],
      edges: [],
    };
    const { diagram: out } = await laidOut(diagram, 'up');
    expect(bandViolations(out, 'up')).toEqual([]);
    expect(escapedChildren(out)).toEqual([]);
  });

  it('sizes a group to fit its children and keeps an empty group as it was', async () => {
    const input = grouped();
    input.nodes.find((n) => n.id === 'cluster')!.size = { width: 10, height: 10 };
    const { diagram: out } = await laidOut(input);
    const boxes = absoluteBoxes(out);
    const cluster = boxes.get('cluster')!;
    expect(cluster.width).toBeGreaterThan(defaultSize('api-server').width);
    expect(out.nodes.find((n) => n.id === 'empty')!.size).toEqual(defaultSize('group'));
    // Positions inside a group are relative to it.
    const api = out.nodes.find((n) => n.id === 'api')!;
    expect(boxes.get('api')!.x).toBeCloseTo(cluster.x + api.position!.x);
  });

  it('puts a group of clients below the servers and a group of datastores above', async () => {
    const { diagram: out } = await laidOut(grouped(), 'up');
    const boxes = absoluteBoxes(out);
    const clients = boxes.get('clients')!;
    const stores = boxes.get('stores')!;
    const server = boxes.get('outsideServer')!;
    expect(server.y + server.height).toBeLessThan(clients.y);
    expect(stores.y + stores.height).toBeLessThan(server.y);
  });

  it('ignores a parent that is not a group, or missing, or a cycle of parents', async () => {
    const diagram: Diagram = {
      title: 'bad parents',
      flow: 'bottom-up',
      nodes: [
        node('a', 'user', { parent: 'b' }),
        node('b', 'service', { parent: 'nowhere' }),
        node('g1', 'group', { parent: 'g2' }),
        node('g2', 'group', { parent: 'g1' }),
        node('c', 'cache', { parent: 'g1' }),
      ],
      edges: [edge('a', 'b'), edge('b', 'c')],
    };
    const outcome = await layoutDiagram(diagram);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(allFinite(outcome.diagram)).toBe(true);
  });
});

describe('layoutDiagram: scale and examples', () => {
  it('lays out a 5,000-node chain or fails cleanly', async () => {
    const n = 5000;
    const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`, i === 0 ? 'user' : i === n - 1 ? 'sql-database' : 'service'));
    const edges = Array.from({ length: n - 1 }, (_, i) => edge(`n${i}`, `n${i + 1}`));
    const outcome = await layoutDiagram({ title: 'chain', flow: 'bottom-up', nodes, edges });
    if (outcome.ok) {
      const boxes = absoluteBoxes(outcome.diagram);
      expect(boxes.get('n0')!.y).toBeGreaterThan(boxes.get('n2500')!.y);
      expect(boxes.get('n2500')!.y).toBeGreaterThan(boxes.get(`n${n - 1}`)!.y);
    } else {
      expect(outcome.error.code).toBe('failed');
      expect(outcome.error.message).toBeTruthy();
    }
  });

  const here = dirname(fileURLToPath(import.meta.url));
  const examples = [join(here, '../../examples')].find((d) => existsSync(d));
  const files = examples ? readdirSync(examples).filter((f) => f.endsWith('.archflow.json')) : [];

  it('finds the example files', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(`lays out the example ${file}`, async () => {
      const parsed = parseDiagramFile(readFileSync(join(examples!, file), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error.message);
      const { diagram: out, direction } = await laidOut(parsed.value);
      expect(bandViolations(out, direction)).toEqual([]);
      expect(siblingOverlaps(out)).toEqual([]);
      expect(badRoutes(out)).toEqual([]);
    });
  }
});
