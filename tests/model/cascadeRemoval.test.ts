import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCascade } from '../../src/model/cascadeRemoval';
import { checkReferences } from '../../src/model/records/checkReferences';
import { applyDiff, diagramFromRecords, diffOf, recordsFromDiagram } from '../../src/model/recordsDiff';
import type { Diagram } from '../../src/model/diagram';
import { arbitraryDiagram } from './arbitraries';

const diagram: Diagram = {
  title: 't',
  flow: 'bottom-up',
  nodes: [
    { id: 'web', kind: 'web-client', label: 'Web' },
    { id: 'api', kind: 'api-server', label: 'API', position: { x: 100, y: 50 } },
    { id: 'db', kind: 'sql-database', label: 'DB' },
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'api' },
    { id: 'e2', source: 'api', target: 'db' },
  ],
  requirements: [{ id: 'r1', text: 'Shorten', priority: 'must' }],
  endpoints: [{ id: 'p1', node: 'api', method: 'POST', path: '/v1/urls', requirements: ['r1'] }],
  entities: [{ id: 't1', node: 'db', name: 'Url', fields: [], endpoints: ['p1'] }],
  paths: [
    { id: 'w1', name: 'Shorten', requirement: 'r1', endpoint: 'p1', steps: ['web', 'api', 'db'] },
    { id: 'w2', name: 'Only the API', steps: ['api'] },
  ],
  notes: [{ id: 'n1', text: 'Rate limit here', position: { x: 5, y: -30 }, pin: 'api' }],
};

function remove(d: Diagram, change: Parameters<typeof withCascade>[1]): Diagram {
  const doc = recordsFromDiagram(d);
  return diagramFromRecords(applyDiff(doc, diffOf(doc, withCascade(doc, change))));
}

describe('removing records', () => {
  it('takes a component’s edges, endpoints and path steps with it and unpins its notes in place', () => {
    const after = remove(diagram, { nodes: { remove: ['api'] } });
    expect(after.nodes.map((n) => n.id)).toEqual(['web', 'db']);
    expect(after.edges).toEqual([]);
    expect(after.endpoints).toBeUndefined();
    expect(after.entities).toEqual([{ id: 't1', node: 'db', name: 'Url', fields: [] }]);
    expect(after.paths).toEqual([{ id: 'w1', name: 'Shorten', requirement: 'r1', steps: ['web', 'db'] }]);
    expect(after.notes).toEqual([{ id: 'n1', text: 'Rate limit here', position: { x: 105, y: 20 } }]);
  });

  it('drops a removed requirement from the endpoints and paths that served it', () => {
    const after = remove(diagram, { requirements: { remove: ['r1'] } });
    expect(after.endpoints).toEqual([{ id: 'p1', node: 'api', method: 'POST', path: '/v1/urls' }]);
    expect(after.paths?.[0]).toEqual({ id: 'w1', name: 'Shorten', endpoint: 'p1', steps: ['web', 'api', 'db'] });
  });

  // Groups are left out: the store removes a group's members with it (descendantsOf) before this runs.
  it('never leaves a reference to a removed record, whatever is removed', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ maxNodes: 8, groups: false, design: true }), fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), (d, picks, r) => {
        const nodes = picks.map((i) => d.nodes[i % Math.max(1, d.nodes.length)]?.id).filter((id): id is string => id !== undefined);
        const requirement = d.requirements?.[r % d.requirements.length]?.id;
        const endpoint = d.endpoints?.[r % d.endpoints.length]?.id;
        const after = remove(d, {
          nodes: { remove: nodes },
          ...(requirement ? { requirements: { remove: [requirement] } } : {}),
          ...(endpoint ? { endpoints: { remove: [endpoint] } } : {}),
        });
        expect(checkReferences(after)).toBeUndefined();
      }),
    );
  });
});
