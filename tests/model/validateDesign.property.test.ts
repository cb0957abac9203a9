import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleOf } from '../../src/model/catalog';
import type { Diagram } from '../../src/model/diagram';
import { reverseEdges } from '../../src/model/suggestFlowFix';
import { otherFlow, validateFlow } from '../../src/model/validateFlow';
import type { Finding } from '../../src/model/validateFlow';
import { arbitraryFlowDiagram } from './arbitraries';

const KINDS = ['user', 'web-client', 'service', 'api-gateway', 'sql-database', 'cache', 'dns', 'external-service', 'group', 'mystery'];

type DesignDiagram = Diagram & Required<Pick<Diagram, 'requirements' | 'endpoints' | 'entities' | 'paths'>>;

/** Random flow diagrams with random design data on them: steps on any node, groups and missing ids too. */
const designArb: fc.Arbitrary<DesignDiagram> = arbitraryFlowDiagram(KINDS).chain((d) => {
  const nodeId = fc.oneof(
    { arbitrary: fc.nat(Math.max(0, d.nodes.length - 1)).map((i) => d.nodes[i]?.id ?? 'ghost'), weight: 9 },
    { arbitrary: fc.constant('ghost'), weight: 1 },
  );
  const reqId = fc.nat(4).map((i) => `r${i}`);
  const endpointId = fc.nat(4).map((i) => `p${i}`);
  return fc
    .record({
      requirements: fc.uniqueArray(
        fc.record({ n: fc.nat(4), priority: fc.constantFrom('must' as const, 'should' as const, 'could' as const) }),
        { selector: (r) => r.n, maxLength: 5 },
      ),
      endpoints: fc.uniqueArray(
        fc.record({ n: fc.nat(4), node: nodeId, requirements: fc.option(fc.array(reqId, { maxLength: 2 }), { nil: undefined }) }),
        { selector: (e) => e.n, maxLength: 5 },
      ),
      entities: fc.array(fc.record({ node: nodeId }), { maxLength: 4 }),
      paths: fc.array(
        fc.record({
          steps: fc.array(nodeId, { minLength: 1, maxLength: 6 }),
          requirement: fc.option(reqId, { nil: undefined }),
          endpoint: fc.option(endpointId, { nil: undefined }),
        }),
        { maxLength: 5 },
      ),
    })
    .map(({ requirements, endpoints, entities, paths }) => ({
      ...d,
      requirements: requirements.map(({ n, priority }) => ({ id: `r${n}`, text: `Requirement ${n}`, priority })),
      endpoints: endpoints.map(({ n, node, requirements: served }) => ({
        id: `p${n}`,
        node,
        method: 'GET' as const,
        path: `/p/${n}`,
        ...(served === undefined ? {} : { requirements: served }),
      })),
      entities: entities.map(({ node }, i) => ({ id: `t${i}`, node, name: `Table ${i}`, fields: [] })),
      paths: paths.map((p, i) => ({
        id: `w${i}`,
        name: `Path ${i}`,
        steps: p.steps,
        ...(p.requirement === undefined ? {} : { requirement: p.requirement }),
        ...(p.endpoint === undefined ? {} : { endpoint: p.endpoint }),
      })),
    }));
});

const DESIGN_RULES = new Set(['endpoint-on-client', 'path-broken', 'path-incomplete', 'requirement-untraced', 'endpoint-unused', 'entity-unreached']);
const isDesign = (f: Finding) => DESIGN_RULES.has(f.rule);
/** A design finding without its wording (which may explain the flow). */
const shape = ({ message: _message, ...rest }: Finding) => rest;

describe('design rules, properties', () => {
  it('reversing every edge and switching the flow keeps every design finding', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        const before = validateFlow(d).findings.filter(isDesign).map(shape);
        // Bidirectional edges stay as they are: they carry requests both ways in either flow.
        const after = validateFlow({ ...reverseEdges(d), flow: otherFlow(d.flow) }).findings.filter(isDesign).map(shape);
        expect(after).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('design data never changes a flow finding; without it, no design rule runs', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        const { requirements: _r, endpoints: _e, entities: _t, paths: _p, ...plain } = d;
        const withData = validateFlow(d).findings;
        const without = validateFlow(plain).findings;
        expect(withData.filter((f) => !isDesign(f))).toEqual(without);
        expect(without.some(isDesign)).toBe(false);
        expect(validateFlow({ ...plain, requirements: [], endpoints: [], entities: [], paths: [] })).toEqual(validateFlow(plain));
      }),
      { numRuns: 300 },
    );
  });

  it('every broken pair is a pair of neighbours on its path; the report counts design errors', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        const report = validateFlow(d);
        for (const f of report.findings.filter((x) => x.rule === 'path-broken')) {
          const steps = d.paths.find((p) => p.id === f.path)!.steps;
          const at = steps.findIndex((s, i) => s === f.nodes[0] && steps[i + 1] === f.nodes[1]);
          expect(at).toBeGreaterThanOrEqual(0);
        }
        expect(report.errorCount).toBe(report.findings.filter((f) => f.severity === 'error').length);
        expect(report.valid).toBe(report.errorCount === 0);
      }),
      { numRuns: 200 },
    );
  });

  it('a path that follows existing edges in the flow direction is never broken', () => {
    fc.assert(
      fc.property(designArb, fc.nat(), (d, seed) => {
        // Walk the drawn edges in the request direction from some node.
        const ids = new Set(d.nodes.filter((n) => roleOf(n) !== 'group').map((n) => n.id));
        const along = d.flow !== 'top-down';
        const next = new Map<string, string[]>();
        for (const e of d.edges) {
          if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
          const [from, to] = along ? [e.source, e.target] : [e.target, e.source];
          next.set(from, [...(next.get(from) ?? []), to]);
          if (e.bidirectional) next.set(to, [...(next.get(to) ?? []), from]);
        }
        const starts = [...next.keys()];
        if (starts.length === 0) return;
        const steps = [starts[seed % starts.length]!];
        for (let k = 0; k < 5; k++) {
          const options = next.get(steps[steps.length - 1]!) ?? [];
          if (options.length === 0) break;
          steps.push(options[(seed >> k) % options.length]!);
        }
        const report = validateFlow({ ...d, paths: [{ id: 'walk', name: 'walk', steps }] });
        expect(report.findings.filter((f) => f.rule === 'path-broken')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
