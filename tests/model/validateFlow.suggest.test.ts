import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram, Flow } from '../../src/model/diagram';
import { reverseEdges, suggestFlowFix } from '../../src/model/suggestFlowFix';
import { otherFlow, validateFlow } from '../../src/model/validateFlow';
import type { FlowReport } from '../../src/model/validateFlow';
import { arbitraryFlowDiagram } from './arbitraries';
import { diagram } from './validateFlow.fixtures';

const NODES = ['u:user', 'gw:api-gateway', 's:service', 'd:sql-database', 'dns:dns'];
// Every arrow from the datastore towards the client: a top-down drawing.
const DATA_TO_CLIENT = ['d>s', 's>gw', 'gw>u', 'gw<>dns'];

describe('suggestFlowFix', () => {
  it('suggests switching a default bottom-up flow when every arrow runs top-down', () => {
    const d = diagram('bottom-up', NODES, DATA_TO_CLIENT);
    expect(validateFlow(d).valid).toBe(false);
    expect(suggestFlowFix(d)).toBe('switch-flow');
  });

  it('suggests reversing the edges when top-down was chosen but the arrows run bottom-up', () => {
    const d = diagram('top-down', NODES, ['u>gw', 'gw>s', 's>d', 'gw<>dns']);
    expect(suggestFlowFix(d)).toBe('reverse-edges');
    expect(suggestFlowFix(d, 'bottom-up')).toBeNull();
  });

  it('suggests nothing for a valid diagram', () => {
    expect(suggestFlowFix(diagram('top-down', NODES, DATA_TO_CLIENT))).toBeNull();
  });

  it('suggests nothing when the other flow would still have direction problems', () => {
    // One arrow each way: neither flow nor a reversal makes it whole.
    const mixed = diagram('bottom-up', NODES, ['u>gw', 's>gw', 's>d', 'gw<>dns']);
    expect(validateFlow(mixed).valid).toBe(false);
    expect(suggestFlowFix(mixed)).toBeNull();
    expect(suggestFlowFix(mixed, 'top-down')).toBeNull();
  });

  it('suggests nothing when the only errors are about connections, not direction', () => {
    const lonely = diagram('bottom-up', [...NODES, 'w:worker'], ['u>gw', 'gw>s', 's>d', 'gw<>dns']);
    expect(validateFlow(lonely).valid).toBe(false);
    expect(suggestFlowFix(lonely)).toBeNull();
  });

  it('offers a fix that really clears the direction findings', () => {
    const d = { title: 't', ...diagram('bottom-up', NODES, DATA_TO_CLIENT) } as Diagram;
    expect(suggestFlowFix(d)).toBe('switch-flow');
    expect(validateFlow(d, 'top-down').valid).toBe(true);
    expect(validateFlow(reverseEdges(d)).valid).toBe(true);
  });
});

describe('suggestFlowFix, against its definition', () => {
  const directional = (r: FlowReport) => r.findings.some((f) => ['unreachable', 'dead-end', 'against-flow', 'path-broken'].includes(f.rule));
  // The definition, with both flows checked in full (the function answers most diagrams from the edges alone).
  const byDefinition = (d: Diagram, flow: Flow) => {
    const current = validateFlow(d, flow);
    if (current.valid || !directional(current) || directional(validateFlow(d, otherFlow(flow)))) return null;
    return flow === 'bottom-up' ? 'switch-flow' : 'reverse-edges';
  };
  const kinds = ['user', 'web-client', 'service', 'api-gateway', 'sql-database', 'cache', 'dns', 'group', 'mystery'];

  it('answers as checking both flows in full would, with or without the current report', () => {
    fc.assert(
      fc.property(arbitraryFlowDiagram(kinds), fc.boolean(), fc.boolean(), (d, reverse, given) => {
        // Reversed diagrams are the ones a fix is suggested for; random ones mostly get none.
        const input = reverse ? reverseEdges(d) : d;
        for (const flow of ['bottom-up', 'top-down'] as const) {
          const answer = given ? suggestFlowFix(input, flow, validateFlow(input, flow)) : suggestFlowFix(input, flow);
          expect(answer).toBe(byDefinition(input, flow));
        }
      }),
      { numRuns: 400, seed: 1717 },
    );
  });
});

describe('reverseEdges', () => {
  it('turns one-way edges, drops their routes, keeps bidirectional edges and everything else', () => {
    const d: Diagram = {
      title: 'T',
      flow: 'top-down',
      layout: { direction: 'left' },
      nodes: [
        { id: 'a', kind: 'user', label: 'A' },
        { id: 'b', kind: 'service', label: 'B' },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'b', label: 'HTTP', protocol: 'https', route: [{ x: 1, y: 2 }] },
        { id: 'e2', source: 'a', target: 'b', bidirectional: true, route: [{ x: 3, y: 4 }] },
      ],
    };
    expect(reverseEdges(d)).toEqual({
      ...d,
      edges: [
        { id: 'e1', source: 'b', target: 'a', label: 'HTTP', protocol: 'https' },
        { id: 'e2', source: 'a', target: 'b', bidirectional: true, route: [{ x: 3, y: 4 }] },
      ],
    });
    expect(d.edges[0]).toEqual({ id: 'e1', source: 'a', target: 'b', label: 'HTTP', protocol: 'https', route: [{ x: 1, y: 2 }] });
  });
});
