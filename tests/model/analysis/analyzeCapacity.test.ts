/**
 * Hand-computed examples of the capacity model (docs/capacity-model.md works the first one
 * through): every expected number below is written as the arithmetic that gives it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCapacity } from '../../../src/model/analysis/analyzeCapacity';
import type { CapacityAnalysis, NodeAnalysis } from '../../../src/model/analysis/analyzeCapacity';
import type { AnalysisInput } from '../../../src/model/analysis/figures';
import { reverseEdges } from '../../../src/model/suggestFlowFix';
import { design } from './fixtures';

function node(analysis: CapacityAnalysis, id: string): NodeAnalysis {
  const found = analysis.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

const loads = (analysis: CapacityAnalysis) => Object.fromEntries(analysis.nodes.map((n) => [n.id, n.load]));
const edgeLoads = (analysis: CapacityAnalysis) => Object.fromEntries(analysis.edges.map((e) => [e.id, e.load]));

describe('a three-tier app with a 90% cache', () => {
  const input: AnalysisInput = {
    diagram: design('bottom-up', ['web:web-client', 'api:api-server', 'cache:cache', 'db:sql-database'], ['web>api', 'api>cache', 'cache>db']),
    totalRps: 1_000,
    figures: {
      nodes: {
        api: { instances: 2, capacityRps: 1_000, serviceTimeMs: 2 },
        cache: { hitRatio: 0.9 },
        db: { capacityRps: 200, serviceTimeMs: 5 },
      },
    },
  };
  const analysis = analyzeCapacity(input);

  it('sends every request to the API and cache, and only the misses to the database', () => {
    expect(analysis.totalRps).toBe(1_000);
    expect(loads(analysis)).toEqual({ api: 1_000, cache: 1_000, db: 1_000 * (1 - 0.9) });
    expect(edgeLoads(analysis).e3).toBeCloseTo(100, 9);
  });

  it('gives utilisation, instances needed and status per component', () => {
    const api = node(analysis, 'api');
    expect(api.utilization).toBe(1_000 / (2 * 1_000));
    expect(api.instancesNeeded).toBe(2); // ceil(1000 / (0.7 × 1000)) = ceil(1.43)
    expect(api.status).toBe('ok');
    const db = node(analysis, 'db');
    expect(db.utilization).toBeCloseTo(100 / 200, 12);
    expect(db.instancesNeeded).toBe(1); // ceil(100 / 140)
  });

  it('gives M/M/c response times', () => {
    // API: c = 2 × round(1000 × 2 / 1000) = 4 servers of μ = 500/s; a = 1000/500 = 2 erlangs;
    // C(4, 2) = 4/23, so the wait is (4/23) / (4 × 500 − 1000) s = 0.1739 ms.
    expect(node(analysis, 'api').latencyMs).toBeCloseTo(2 + (1000 * (4 / 23)) / 1000, 9);
    // Cache: c = round(100000 × 1 / 1000) = 100 servers at a = 1 erlang: nobody waits.
    expect(node(analysis, 'cache').latencyMs).toBe(1);
    // Database: one server, μ = 200/s, λ = 100/s: M/M/1, 1 / (μ − λ) = 10 ms.
    expect(node(analysis, 'db').latencyMs).toBeCloseTo(10, 9);
  });

  it('sums latency and multiplies availability along the client’s path', () => {
    const [web] = analysis.clients;
    expect(web!.path.ids).toEqual(['web', 'api', 'cache', 'db']);
    expect(web!.path.latencyMs).toBeCloseTo(2 + 4 / 23 + 1 + 10, 9);
    // The API's two instances: 1 − 0.001²; the cache and the database one each.
    expect(web!.path.availability).toBeCloseTo((1 - 0.001 ** 2) * 0.999 * 0.999, 12);
  });

  it('names the cache as the single point of failure: the API has two instances, and the cache is a datastore itself', () => {
    expect(analysis.spof).toEqual(['cache']);
    expect(analysis.cutOff).toEqual([]);
  });

  it('lists the client cut off when the cache goes down, and the API server’s load stays', () => {
    const down = analyzeCapacity({ ...input, down: ['cache'] });
    expect(down.cutOff).toEqual(['web']);
    expect(node(down, 'cache').status).toBe('down');
    expect(node(down, 'db').load).toBe(0);
    expect(node(down, 'api').load).toBe(1_000);
  });

  it('is the same drawn top-down with every arrow turned round', () => {
    const topDown = analyzeCapacity({ ...input, diagram: { ...reverseEdges(input.diagram), flow: 'top-down' } });
    expect(topDown).toEqual(analysis);
  });
});

describe('a load balancer over four servers', () => {
  const diagram = design(
    'bottom-up',
    ['u:mobile-client', 'lb:load-balancer', 's1:api-server', 's2:api-server', 's3:api-server', 's4:api-server', 'db:sql-database'],
    ['u>lb', 'lb>s1', 'lb>s2', 'lb>s3', 'lb>s4', 's1>db', 's2>db', 's3>db', 's4>db'],
  );
  // A share on a balancer's edge is ignored: it divides equally.
  const input: AnalysisInput = { diagram, totalRps: 8_000, figures: { edges: { e2: { share: 0.1 } } } };
  const analysis = analyzeCapacity(input);

  it('divides the load equally, and the database receives it all again', () => {
    expect(loads(analysis)).toEqual({ lb: 8_000, s1: 2_000, s2: 2_000, s3: 2_000, s4: 2_000, db: 8_000 });
  });

  it('reports overloaded servers with the instances that would fix them', () => {
    const s1 = node(analysis, 's1');
    expect(s1.utilization).toBe(2); // 2000 / (1 × 1000), the catalog's API server
    expect(s1.status).toBe('overloaded');
    expect(s1.latencyMs).toBeNull();
    expect(s1.instancesNeeded).toBe(3); // ceil(2000 / 700)
    expect(node(analysis, 'db').instancesNeeded).toBe(3); // ceil(8000 / (0.7 × 5000))
    expect(node(analysis, 'lb').status).toBe('ok'); // 8000 / 20000
  });

  it('finds the balancer and the database as single points of failure, not the servers', () => {
    expect(analysis.spof).toEqual(['lb', 'db']);
    const twoBalancers = analyzeCapacity({ ...input, figures: { nodes: { lb: { instances: 2 } } } });
    expect(twoBalancers.spof).toEqual(['db']);
  });

  it('spreads over what remains when a server is down, and cuts the client off when the database is', () => {
    const oneDown = analyzeCapacity({ ...input, down: ['s2'] });
    expect(loads(oneDown)).toEqual({ lb: 8_000, s1: 8_000 / 3, s2: 0, s3: 8_000 / 3, s4: 8_000 / 3, db: 8_000 });
    expect(oneDown.cutOff).toEqual([]);
    expect(oneDown.down).toEqual(['s2']);
    expect(analyzeCapacity({ ...input, down: ['db', 'nobody'] }).cutOff).toEqual(['u']);
  });
});

describe('fan-out through a queue', () => {
  const diagram = design(
    'bottom-up',
    ['app:web-client', 'api:api-server', 'q:message-queue', 'w1:worker', 'w2:worker', 'w3:worker', 'db:nosql-database'],
    ['app>api', 'api>q', 'q>w1', 'q>w2', 'q>w3', 'w1>db', 'w2>db', 'w3>db'],
  );
  const input: AnalysisInput = { diagram, totalRps: 100, figures: { edges: { e5: { share: 0.5 } } } };
  const analysis = analyzeCapacity(input);

  it('delivers every message to each consumer, times its share', () => {
    expect(loads(analysis)).toEqual({ api: 100, q: 100, w1: 100, w2: 100, w3: 50, db: 250 });
    expect(node(analysis, 'w1').status).toBe('overloaded'); // 100 / (1 × 100)
  });

  it('ends the synchronous part at the queue: the client waits for the API and the queue only', () => {
    const [app] = analysis.clients;
    expect(app!.path.ids).toEqual(['app', 'api', 'q', 'w1', 'db']);
    // API: 20 servers of μ = 50/s at 2 erlangs, q: 20 servers of μ = 500/s at 0.2 erlangs; waits are below 1e-9 ms.
    expect(app!.path.latencyMs).toBeCloseTo(20 + 2, 6);
    // Availability still counts the whole route.
    expect(app!.path.availability).toBeCloseTo(0.999 ** 4, 12);
  });

  it('ends it earlier when an edge says so, and adds network time an edge gives', () => {
    const asyncPublish = analyzeCapacity({ ...input, figures: { edges: { e1: { latencyMs: 3 }, e2: { mode: 'async' } } } });
    expect(asyncPublish.clients[0]!.path.latencyMs).toBeCloseTo(3 + 20, 6);
    const syncConsumer = analyzeCapacity({ ...input, totalRps: 50, figures: { edges: { e3: { mode: 'sync' } } } });
    const [api, q, w1, db] = ['api', 'q', 'w1', 'db'].map((id) => node(syncConsumer, id).latencyMs!);
    expect(syncConsumer.clients[0]!.path.latencyMs).toBeCloseTo(api! + q! + w1! + db!, 9);
    // w1: 10 servers of μ = 10/s offered 5 erlangs, so requests do wait a little.
    expect(w1).toBeGreaterThan(100);
  });
});

describe('a cycle', () => {
  it('carries nothing on the edge that closes it', () => {
    const analysis = analyzeCapacity({
      diagram: design('bottom-up', ['c:user', 'a:service', 'b:service', 'x:service', 'db:sql-database'], ['c>a', 'a>b', 'b>x', 'x>a', 'b>db']),
      totalRps: 100,
    });
    expect(loads(analysis)).toEqual({ a: 100, b: 100, x: 100, db: 100 });
    expect(edgeLoads(analysis)).toEqual({ e1: 100, e2: 100, e3: 100, e4: 0, e5: 100 });
  });

  it('decides which edge closes it by the search from the clients in file order', () => {
    const nodes = ['c1:web-client', 'c2:web-client', 'a:service', 'b:service', 'db:sql-database'];
    const edges = ['c1>a', 'c2>b', 'a>b', 'b>a', 'a>db', 'b>db'];
    const first = analyzeCapacity({ diagram: design('bottom-up', nodes, edges), totalRps: 100 });
    // From c1: c1 → a → b, and b → a closes the cycle.
    expect(loads(first)).toEqual({ a: 50, b: 100, db: 150 });
    expect(edgeLoads(first)).toMatchObject({ e3: 50, e4: 0 });
    // With c2 first: c2 → b → a, and a → b closes it.
    const swapped = analyzeCapacity({ diagram: design('bottom-up', [nodes[1]!, nodes[0]!, ...nodes.slice(2)], edges), totalRps: 100 });
    expect(loads(swapped)).toEqual({ a: 100, b: 50, db: 150 });
    expect(edgeLoads(swapped)).toMatchObject({ e3: 0, e4: 50 });
  });

  it('takes a bidirectional edge in the direction the requests first meet it', () => {
    const analysis = analyzeCapacity({
      diagram: design('bottom-up', ['c:user', 'api:api-server', 'db:sql-database'], ['c>api', 'db<>api']),
      totalRps: 10,
    });
    expect(loads(analysis)).toEqual({ api: 10, db: 10 });
    expect(analysis.spof).toEqual(['api', 'db']);
  });
});

describe('top-down diagrams', () => {
  it('send requests against the arrows, from the clients at the bottom to the data at the top', () => {
    const analysis = analyzeCapacity({
      diagram: design('top-down', ['db:sql-database', 'api:api-server', 'web:web-client', 'phone:mobile-client'], ['db>api', 'api>web', 'api>phone']),
      clientRps: { web: 300, phone: 600 },
    });
    expect(analysis.totalRps).toBe(900);
    expect(loads(analysis)).toEqual({ db: 900, api: 900 });
    expect(node(analysis, 'api').status).toBe('hot'); // 0.7 ≤ 900/1000 < 1
    expect(analysis.clients.map((c) => [c.id, c.rps, c.path.ids])).toEqual([
      ['web', 300, ['web', 'api', 'db']],
      ['phone', 600, ['phone', 'api', 'db']],
    ]);
  });
});

describe('load, figures and what is left out', () => {
  const diagram = design(
    'bottom-up',
    ['a:web-client', 'b:mobile-client', 'dns:dns', 'api:api-server', 'mon:monitoring', 'db:sql-database', 'g:group'],
    ['a>dns', 'a>api', 'b>api', 'api>mon', 'api>db'],
  );

  it('shares the total among clients without a figure of their own, after those with one', () => {
    const analysis = analyzeCapacity({ diagram, totalRps: 1_000, clientRps: { a: 400 } });
    expect(analysis.clients.map((c) => c.rps)).toEqual([400, 600]);
    expect(analyzeCapacity({ diagram }).totalRps).toBe(100); // the documented default
  });

  it('keeps support components and groups out of the request flow', () => {
    const analysis = analyzeCapacity({ diagram, totalRps: 100 });
    expect(analysis.nodes.map((n) => n.id)).toEqual(['api', 'db']);
    expect(edgeLoads(analysis)).toEqual({ e1: 0, e2: 50, e3: 50, e4: 0, e5: 100 });
  });

  it('uses the catalog’s typical figures where the file gives none, and ignores nonsense', () => {
    const analysis = analyzeCapacity({
      diagram,
      figures: { nodes: { api: { instances: 0, capacityRps: -5, serviceTimeMs: Number.NaN, availability: 2 } } },
    });
    expect(node(analysis, 'api').figures).toEqual({ instances: 1, capacityRps: 1_000, serviceTimeMs: 20, availability: 0.999, hitRatio: null });
  });

  it('measures a request path given as ids, and says when it is broken', () => {
    const analysis = analyzeCapacity({
      diagram,
      totalRps: 100,
      paths: [
        { id: 'read', ids: ['a', 'api', 'db'] },
        { id: 'gap', ids: ['a', 'db'] },
        { id: 'ghost', ids: ['a', 'nowhere'] },
      ],
    });
    expect(analysis.paths.map((p) => [p.id, p.broken])).toEqual([
      ['read', false],
      ['gap', true],
      ['ghost', true],
    ]);
    expect(analysis.paths[0]!.latencyMs).toBeCloseTo(node(analysis, 'api').latencyMs! + node(analysis, 'db').latencyMs!, 12);
    expect(analysis.paths[1]).toMatchObject({ latencyMs: null, availability: 0 });
  });

  it('reads ids that live on Object.prototype as plain ids', () => {
    const d = design('bottom-up', ['__proto__:web-client', 'constructor:api-server', 'toString:sql-database'], ['__proto__>constructor', 'constructor>toString']);
    const analysis = analyzeCapacity({ diagram: d, totalRps: 10, clientRps: {}, figures: { nodes: {} } });
    expect(loads(analysis)).toEqual({ constructor: 10, toString: 10 });
  });
});
