import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/model/diagram';
import { describeFinding } from '../../src/model/describeFinding';
import type { EndpointInput, EntityInput, FlowInput, PathInput, RequirementInput } from '../../src/model/flowGraph';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { reverseEdges, suggestFlowFix } from '../../src/model/suggestFlowFix';
import { validateFlow } from '../../src/model/validateFlow';
import type { Finding } from '../../src/model/validateFlow';
import { readExample } from '../examples';
import { diagram } from './validateFlow.fixtures';

interface Design {
  requirements?: RequirementInput[];
  endpoints?: EndpointInput[];
  entities?: EntityInput[];
  /** `id: a > b > c`, optionally `@requirement` and `#endpoint` after the steps. */
  paths?: string[];
}

function path(spec: string): PathInput {
  const [id = '', body = ''] = spec.split(':');
  const words = body.trim().split(/\s+/);
  const steps = words.filter((w) => w !== '>' && !w.startsWith('@') && !w.startsWith('#'));
  const requirement = words.find((w) => w.startsWith('@'))?.slice(1);
  const endpoint = words.find((w) => w.startsWith('#'))?.slice(1);
  return {
    id,
    name: `Path ${id}`,
    steps,
    ...(requirement === undefined ? {} : { requirement }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

function withDesign(base: FlowInput, design: Design): FlowInput {
  return {
    ...base,
    ...(design.requirements ? { requirements: design.requirements } : {}),
    ...(design.endpoints ? { endpoints: design.endpoints } : {}),
    ...(design.entities ? { entities: design.entities } : {}),
    ...(design.paths ? { paths: design.paths.map(path) } : {}),
  };
}

/** Web → API → DB in `flow`, its edges drawn in that flow's direction. */
function chain(flow: Flow, design: Design, extraNodes: string[] = [], extraEdges: string[] = []): FlowInput {
  const edges = flow === 'bottom-up' ? ['web>api', 'api>db'] : ['db>api', 'api>web'];
  return withDesign(diagram(flow, ['web:web-client', 'api:api-server', 'db:sql-database', ...extraNodes], [...edges, ...extraEdges]), design);
}

const designRules = (report: { findings: Finding[] }) =>
  report.findings
    .filter((f) => f.path !== undefined || f.requirement !== undefined || f.endpoint !== undefined || f.entity !== undefined)
    .map((f) => `${f.rule} ${[f.path ?? f.requirement ?? f.endpoint ?? f.entity, ...f.nodes].join(',')}`);

const SHORTEN: RequirementInput = { id: 'r1', text: 'Shorten a URL', priority: 'must' };
const STATS: RequirementInput = { id: 'r2', text: 'See click counts', priority: 'could' };
const CREATE: EndpointInput = { id: 'p1', node: 'api', method: 'POST', path: '/v1/urls', requirements: ['r1'] };
const URLS: EntityInput = { id: 'u', node: 'db', name: 'Url' };

const COMPLETE: Design = {
  requirements: [SHORTEN, STATS],
  endpoints: [CREATE],
  entities: [URLS],
  paths: ['s: web > api > db #p1'],
};

describe.each<Flow>(['bottom-up', 'top-down'])('design rules in the %s flow', (flow) => {
  it('a complete design along the flow is valid with no design findings', () => {
    const report = validateFlow(chain(flow, COMPLETE));
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('endpoint-on-client: an error naming the client and the endpoint', () => {
    const report = validateFlow(chain(flow, { ...COMPLETE, endpoints: [CREATE, { id: 'c1', node: 'web', method: 'GET', path: '/home' }] }));
    expect(designRules(report)).toEqual(['endpoint-on-client c1,web', 'endpoint-unused c1,web']);
    const finding = report.findings[0]!;
    expect(finding).toMatchObject({ severity: 'error', endpoint: 'c1', edges: [] });
    expect(finding.message).toBe('"web" (Web Client) declares the endpoint GET /home; endpoints belong on a server, so the API stays independent of the client');
    expect(report.valid).toBe(false);
  });

  it('path-broken: names the path and the pair when the edge between them is gone', () => {
    const base = chain(flow, COMPLETE);
    const report = validateFlow({ ...base, edges: base.edges.filter((e) => e.source !== 'db' && e.target !== 'db') }, flow);
    const broken = report.findings.filter((f) => f.rule === 'path-broken');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ severity: 'error', path: 's', nodes: ['api', 'db'], edges: [] });
    expect(broken[0]!.message).toContain('The request path "Path s" is broken between "api" (API Server) and "db" (SQL Database)');
  });

  it('path-broken: an edge drawn against the flow does not carry the request; a bidirectional one does', () => {
    const against = flow === 'bottom-up' ? ['web>api', 'db>api'] : ['db>api', 'web>api'];
    const base = withDesign(diagram(flow, ['web:web-client', 'api:api-server', 'db:sql-database'], against), COMPLETE);
    const broken = validateFlow(base).findings.filter((f) => f.rule === 'path-broken');
    expect(broken.map((f) => f.nodes)).toEqual([flow === 'bottom-up' ? ['api', 'db'] : ['web', 'api']]);
    const both = { ...base, edges: base.edges.map((e) => ({ ...e, bidirectional: true })) };
    expect(validateFlow(both).findings.filter((f) => f.rule === 'path-broken')).toEqual([]);
  });

  it('path-broken: every broken pair is reported, in path order', () => {
    const report = validateFlow(chain(flow, { ...COMPLETE, paths: ['s: web > db > api #p1'] }));
    expect(designRules(report).filter((r) => r.startsWith('path-broken'))).toEqual(['path-broken s,web,db', 'path-broken s,db,api']);
  });

  it('path-broken: a group or a missing component as a step breaks the path, without a crash', () => {
    const base = chain(flow, { ...COMPLETE, paths: ['s: web > zone > api > ghost #p1'] }, ['zone:group']);
    const broken = validateFlow(base).findings.filter((f) => f.rule === 'path-broken');
    expect(broken.map((f) => f.nodes)).toEqual([['web', 'zone'], ['zone', 'api'], ['api', 'ghost']]);
    expect(broken[0]!.message).toContain('"zone" is a group, and a path goes through the components in it');
    expect(broken[2]!.message).toContain('"ghost" is not a component of the diagram');
    expect(describeFinding(broken[2]!, base, flow).hint).toBe('Change the path so every step is a component of the diagram.');
  });

  it('path-broken: a support component on the path is followed through its edges like any other', () => {
    const edges = flow === 'bottom-up' ? ['web>dns', 'dns>api'] : ['api>dns', 'dns>web'];
    const base = chain(flow, { ...COMPLETE, paths: ['s: web > dns > api > db #p1'] }, ['dns:dns'], edges);
    expect(designRules(validateFlow(base))).toEqual([]);
  });

  it('path-incomplete: a path that starts past the client or stops before the datastore', () => {
    const report = validateFlow(chain(flow, { ...COMPLETE, paths: ['s: web > api > db #p1', 'm: api @r1', 'n: web > api'] }));
    const incomplete = report.findings.filter((f) => f.rule === 'path-incomplete');
    expect(incomplete.map((f) => [f.path, f.nodes, f.severity])).toEqual([
      ['m', ['api'], 'warning'],
      ['n', ['api'], 'warning'],
    ]);
    expect(incomplete[0]!.message).toBe('The request path "Path m" starts at "api" (API Server), not at a client and ends at "api" (API Server), not at a datastore');
    expect(incomplete[1]!.message).toBe('The request path "Path n" ends at "api" (API Server), not at a datastore');
    expect(report.valid).toBe(true);
  });

  it('requirement-untraced: a must requirement with no path, directly or through its endpoint', () => {
    const untraced = validateFlow(chain(flow, { ...COMPLETE, paths: ['s: web > api > db'] }));
    expect(designRules(untraced)).toEqual(['requirement-untraced r1', 'endpoint-unused p1,api']);
    expect(untraced.findings[0]!.message).toBe('The must-have requirement "Shorten a URL" is served by no request path');
    // Served directly by the path, the endpoint still unused.
    const direct = validateFlow(chain(flow, { ...COMPLETE, paths: ['s: web > api > db @r1'] }));
    expect(designRules(direct)).toEqual(['endpoint-unused p1,api']);
    // "should" and "could" requirements are never reported.
    const optional = validateFlow(chain(flow, { requirements: [{ ...SHORTEN, priority: 'should' }, STATS] }));
    expect(designRules(optional)).toEqual([]);
  });

  it('endpoint-unused and entity-unreached: warnings on the component that holds them', () => {
    const report = validateFlow(
      chain(flow, { endpoints: [CREATE], entities: [URLS, { id: 'k', node: 'kv', name: 'Click' }], paths: ['s: web > api > db'] }, ['kv:nosql-database'], flow === 'bottom-up' ? ['api>kv'] : ['kv>api']),
    );
    expect(designRules(report)).toEqual(['endpoint-unused p1,api', 'entity-unreached k,kv']);
    const unreached = report.findings.find((f) => f.rule === 'entity-unreached')!;
    expect(unreached).toMatchObject({ severity: 'warning', entity: 'k' });
    expect(unreached.message).toBe('The entity "Click" on "kv" (NoSQL Database) is reached by no request path');
    expect(report.valid).toBe(true);
  });

  it('every design finding has a title and a hint', () => {
    const base = chain(flow, {
      requirements: [SHORTEN],
      endpoints: [{ id: 'c1', node: 'web', method: 'GET', path: '/' }],
      entities: [URLS],
      paths: ['s: api > web'],
    });
    const report = validateFlow(base);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(
      new Set(['endpoint-on-client', 'path-broken', 'path-incomplete', 'requirement-untraced', 'endpoint-unused', 'entity-unreached']),
    );
    for (const f of report.findings) {
      const { title, hint } = describeFinding(f, base, flow);
      expect(title.length).toBeGreaterThan(5);
      expect(hint).toMatch(/\.$/);
    }
  });
});

describe('design rules across flows', () => {
  it('a path recorded along bottom-up edges is broken in the top-down flow, and switching back is suggested', () => {
    const bottomUp = chain('bottom-up', COMPLETE);
    const topDown = { ...bottomUp, flow: 'top-down' as const };
    const report = validateFlow(topDown);
    expect(report.findings.filter((f) => f.rule === 'path-broken').map((f) => f.nodes)).toEqual([['web', 'api'], ['api', 'db']]);
    expect(report.findings.find((f) => f.rule === 'path-broken')!.message).toContain('in the top-down flow a request travels against the edges');
    expect(suggestFlowFix(topDown)).toBe('reverse-edges');
  });

  it('a broken path with no edge to follow in either flow gets no flow suggestion', () => {
    const base = chain('bottom-up', { ...COMPLETE, paths: ['s: web > db #p1'] });
    expect(validateFlow(base).valid).toBe(false);
    expect(suggestFlowFix(base)).toBeNull();
  });

  it('hints say which way to draw the missing edge', () => {
    for (const flow of ['bottom-up', 'top-down'] as const) {
      const base = chain(flow, { ...COMPLETE, paths: ['s: web > db #p1'] });
      const broken = validateFlow(base).findings.find((f) => f.rule === 'path-broken')!;
      expect(describeFinding(broken, base).hint).toContain(flow === 'top-down' ? 'from the second component to the first' : 'from the first component to the second');
    }
  });

  it('a diagram without design data gets no design finding, notes or not', () => {
    const plain = chain('bottom-up', {});
    expect(validateFlow(plain).findings).toEqual([]);
    expect(validateFlow({ ...plain, requirements: [], endpoints: [], entities: [], paths: [] }).findings).toEqual([]);
  });

  it('an empty diagram with a must requirement says both', () => {
    const report = validateFlow(withDesign(diagram('bottom-up', []), { requirements: [SHORTEN] }));
    expect(report.findings.map((f) => f.rule)).toEqual(['empty', 'requirement-untraced']);
  });
});

describe('the design examples', () => {
  const load = (name: string) => {
    const parsed = parseDiagramFile(readExample(name));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };

  it('the URL shortener design (requirements, endpoints, entities, paths, notes) validates clean in its flow', () => {
    const design = load('url-shortener-design.archflow.json');
    expect(design.flow).toBe('bottom-up');
    for (const list of [design.requirements, design.endpoints, design.entities, design.paths, design.notes]) expect(list?.length).toBeGreaterThan(0);
    expect(validateFlow(design)).toEqual({ valid: true, flow: 'bottom-up', findings: [], errorCount: 0, warningCount: 0 });
    // Drawn the other way round and read top-down, it is just as clean.
    expect(validateFlow({ ...reverseEdges(design), flow: 'top-down' }).findings).toEqual([]);
  });

  it('the broken one has exactly one finding: the stats path misses the API → stats edge', () => {
    const report = validateFlow(load('url-shortener-design-broken.archflow.json'));
    expect(report.valid).toBe(false);
    expect(report.findings).toEqual([
      {
        rule: 'path-broken',
        severity: 'error',
        message:
          'The request path "Read click stats" is broken between "Shortener API" (API Server) and "Click stats" (SQL Database): no edge points from the first to the second',
        nodes: ['api', 'stats'],
        edges: [],
        path: 'p-stats',
      },
    ]);
  });
});
