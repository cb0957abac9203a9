import { describe, expect, it } from 'vitest';
import { parseDiagramValue } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';

const base = {
  format: 'archflow',
  version: 2,
  title: 'Shortener',
  flow: 'bottom-up',
  nodes: [
    { id: 'web', kind: 'web-client', label: 'Web' },
    { id: 'api', kind: 'api-server', label: 'API' },
    { id: 'db', kind: 'sql-database', label: 'DB' },
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'api' },
    { id: 'e2', source: 'api', target: 'db' },
  ],
};

const design = {
  ...base,
  scale: { dailyActiveUsers: 1_000_000, readWriteRatio: 100, availabilityTarget: 99.9 },
  requirements: [{ id: 'r1', text: 'Shorten a URL', priority: 'must' }],
  endpoints: [{ id: 'p1', node: 'api', method: 'POST', path: '/v1/urls', requirements: ['r1'] }],
  entities: [{ id: 't1', node: 'db', name: 'Url', fields: [{ name: 'code', type: 'string', primaryKey: true }], endpoints: ['p1'] }],
  paths: [{ id: 'w1', name: 'Shorten', requirement: 'r1', endpoint: 'p1', steps: ['web', 'api', 'db'] }],
  notes: [{ id: 'n1', text: 'Hot keys?', position: { x: 10, y: -20 }, pin: 'db' }],
};

const parse = (value: unknown) => parseDiagramValue(JSON.parse(JSON.stringify(value)));

describe('design records in a file', () => {
  it('open and save back unchanged, in the schema order', () => {
    const opened = parse(design);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const text = serializeDiagramFile(opened.value);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format', 'version', 'title', 'flow', 'scale', 'nodes', 'edges', 'requirements', 'endpoints', 'entities', 'paths', 'notes',
    ]);
    const again = parseDiagramFile(text);
    expect(again.ok && again.value).toEqual(opened.value);
  });

  it('leave a diagram without them exactly as version 1 wrote it', () => {
    const opened = parse(base);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(Object.keys(opened.value)).toEqual(['title', 'flow', 'nodes', 'edges']);
    const saved = JSON.parse(serializeDiagramFile(opened.value));
    expect(Object.keys(saved)).toEqual(['format', 'version', 'title', 'flow', 'nodes', 'edges']);
  });

  it.each([
    ['endpoints', 0, 'node', 'ghost', 'endpoints[0].node: "ghost" is not a node id'],
    ['entities', 0, 'node', 'ghost', 'entities[0].node: "ghost" is not a node id'],
    ['notes', 0, 'pin', 'ghost', 'notes[0].pin: "ghost" is not a node id'],
    ['paths', 0, 'requirement', 'nope', 'paths[0].requirement: "nope" is not a requirement id'],
    ['paths', 0, 'endpoint', 'nope', 'paths[0].endpoint: "nope" is not an endpoint id'],
  ])('refuse %s[%i].%s naming a record that does not exist', (table, i, field, value, message) => {
    const broken = structuredClone(design) as unknown as Record<string, Record<string, unknown>[]>;
    broken[table]![i]![field] = value;
    const result = parse(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(message);
  });

  it('refuse a path step, a listed requirement or endpoint that does not exist, naming its place', () => {
    const steps = structuredClone(design);
    steps.paths[0]!.steps = ['web', 'cache', 'db'];
    expect(parse(steps)).toMatchObject({ ok: false, error: { path: 'paths[0].steps[1]' } });
    const served = structuredClone(design);
    served.endpoints[0]!.requirements = ['r1', 'r9'];
    expect(parse(served)).toMatchObject({ ok: false, error: { path: 'endpoints[0].requirements[1]' } });
    const used = structuredClone(design);
    used.entities[0]!.endpoints = ['p9'];
    expect(parse(used)).toMatchObject({ ok: false, error: { path: 'entities[0].endpoints[0]' } });
  });

  it('refuse duplicate ids within a table, bad methods, priorities and figures', () => {
    const twice = structuredClone(design);
    twice.requirements.push({ id: 'r1', text: 'again', priority: 'should' });
    expect(parse(twice)).toMatchObject({ ok: false, error: { path: 'requirements[1].id' } });
    expect(parse({ ...design, endpoints: [{ ...design.endpoints[0], method: 'FETCH' }] })).toMatchObject({
      ok: false,
      error: { path: 'endpoints[0].method' },
    });
    expect(parse({ ...design, requirements: [{ id: 'r1', text: 'x', priority: 'urgent' }] })).toMatchObject({
      ok: false,
      error: { path: 'requirements[0].priority' },
    });
    expect(parse({ ...design, scale: { peakFactor: -2 } })).toMatchObject({ ok: false, error: { path: 'scale.peakFactor' } });
    const figures = structuredClone(design) as unknown as { nodes: Record<string, unknown>[] };
    figures.nodes[1]!.figures = { instances: 2.5 };
    expect(parse(figures)).toMatchObject({ ok: false, error: { path: 'nodes[1].figures.instances' } });
    expect(parse({ ...design, edges: [{ id: 'e1', source: 'web', target: 'api', share: 1.5 }] })).toMatchObject({
      ok: false,
      error: { path: 'edges[0].share' },
    });
  });

  it('drop figure records and lists that say nothing', () => {
    const opened = parse({ ...base, scale: {}, load: {}, requirements: [], notes: [], nodes: [{ ...base.nodes[0], figures: {} }], edges: [] });
    expect(opened.ok && opened.value).toEqual({ title: 'Shortener', flow: 'bottom-up', nodes: [base.nodes[0]], edges: [] });
  });
});
