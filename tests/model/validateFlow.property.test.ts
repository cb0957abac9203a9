import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, roleOf } from '../../src/model/catalog';
import type { Role } from '../../src/model/catalog';
import type { Diagram, Flow } from '../../src/model/diagram';
import { describeFinding } from '../../src/model/describeFinding';
import type { FlowInput, FlowNodeInput } from '../../src/model/flowGraph';
import { reverseEdges, suggestFlowFix } from '../../src/model/suggestFlowFix';
import { arbitraryFlowDiagram } from './arbitraries';
import { FINDING_RULES, otherFlow, validateFlow } from '../../src/model/validateFlow';
import type { Finding, FindingRule } from '../../src/model/validateFlow';

const KINDS = ['user', 'web-client', 'service', 'api-gateway', 'sql-database', 'cache', 'dns', 'external-service', 'group', 'mystery'];
const flowArb = fc.constantFrom<Flow>('bottom-up', 'top-down');
const roleArb = fc.option(fc.constantFrom<Role>(...ROLES), { nil: undefined });

/** Random flow graphs: any kinds and role overrides, self-loops, bidirectional edges, edges to nowhere. */
const diagramArb: fc.Arbitrary<Diagram> = arbitraryFlowDiagram(KINDS);

const SWAPPED: Partial<Record<FindingRule, FindingRule>> = {
  unreachable: 'dead-end',
  'dead-end': 'unreachable',
  'missing-entry': 'missing-exit',
  'missing-exit': 'missing-entry',
};

/** A finding without its wording; the two ends of an edge finding as a set. */
function shape(finding: Finding, swap: boolean) {
  const rule = swap ? (SWAPPED[finding.rule] ?? finding.rule) : finding.rule;
  const nodes = finding.edges.length > 0 ? [...finding.nodes].sort() : finding.nodes;
  return { rule, severity: finding.severity, nodes, edges: finding.edges };
}

function inRuleOrder<T extends { rule: FindingRule }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => FINDING_RULES.indexOf(a.item.rule) - FINDING_RULES.indexOf(b.item.rule) || a.index - b.index)
    .map(({ item }) => item);
}

const componentIds = (d: FlowInput) => d.nodes.filter((node) => roleOf(node) !== 'group').map((node) => node.id);

describe('validateFlow properties', () => {
  it('reversing every one-way edge and switching the flow swaps unreachable/dead-end and missing-entry/exit only', () => {
    fc.assert(
      fc.property(diagramArb, (d) => {
        const before = validateFlow(d).findings.map((f) => shape(f, true));
        const after = validateFlow(reverseEdges(d), otherFlow(d.flow)).findings.map((f) => shape(f, false));
        expect(after).toEqual(inRuleOrder(before));
      }),
      { numRuns: 500 },
    );
  });

  it('removing all edges makes every component isolated and leaves nothing else but missing ends', () => {
    fc.assert(
      fc.property(diagramArb, (d) => {
        const report = validateFlow({ ...d, edges: [] });
        const ids = componentIds(d);
        if (ids.length === 0) {
          expect(report.findings.map((f) => f.rule)).toEqual(['empty']);
          return;
        }
        const isolated = report.findings.filter((f) => f.rule === 'isolated').flatMap((f) => f.nodes);
        expect(isolated).toEqual(ids);
        const others = report.findings.filter((f) => f.rule !== 'isolated').map((f) => f.rule);
        expect(others.every((rule) => rule === 'missing-entry' || rule === 'missing-exit')).toBe(true);
        expect(report.valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a chain entry → … → exit is valid in both flows, whatever lies between and however the links run', () => {
    const middleArb = fc.array(
      fc.oneof(
        fc.constantFrom<FlowNodeInput>(
          { id: '', kind: 'service', label: 'svc' },
          { id: '', kind: 'message-queue', label: 'queue' },
          { id: '', kind: 'dns', label: 'dns' },
          { id: '', kind: 'user', label: 'bot', role: 'server' },
          { id: '', kind: 'cache', label: 'proxy', role: 'support' },
        ),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(flowArb, middleArb, fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }), fc.boolean(), (flow, middle, both, withGroup) => {
        const entry: FlowNodeInput =
          flow === 'bottom-up' ? { id: '', kind: 'web-client', label: 'web' } : { id: '', kind: 'sql-database', label: 'db' };
        const exit: FlowNodeInput =
          flow === 'bottom-up' ? { id: '', kind: 'sql-database', label: 'db' } : { id: '', kind: 'web-client', label: 'web' };
        const chain = [entry, ...middle, exit].map((node, i) => ({ ...node, id: `c${i}` }));
        const nodes = withGroup ? [{ id: 'g', kind: 'group', label: 'VPC' }, ...chain] : chain;
        const edges = chain.slice(1).map((node, i) => ({
          id: `l${i}`,
          source: chain[i]!.id,
          target: node.id,
          ...(both[i] === true ? { bidirectional: true } : {}),
        }));
        const report = validateFlow({ flow, nodes, edges });
        expect(report.errorCount).toBe(0);
        expect(report.valid).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and neither do the hints and the fix suggestion', () => {
    const text = fc.string({ maxLength: 6 });
    const messyArb = fc.record({
      flow: flowArb,
      nodes: fc.array(
        fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', ''), kind: fc.oneof(fc.constantFrom(...KINDS), text), label: text, role: roleArb }),
        { maxLength: 10 },
      ),
      edges: fc.array(
        fc.record({
          id: text,
          source: fc.constantFrom('a', 'b', 'c', 'd', 'x', ''),
          target: fc.constantFrom('a', 'b', 'c', 'd', 'x', ''),
          bidirectional: fc.option(fc.boolean(), { nil: undefined }),
        }),
        { maxLength: 20 },
      ),
    });
    fc.assert(
      fc.property(messyArb, (d) => {
        const input = d as FlowInput;
        for (const flow of ['bottom-up', 'top-down'] as const) {
          const report = validateFlow(input, flow);
          expect(report.errorCount + report.warningCount).toBe(report.findings.length);
          expect(report.valid).toBe(report.errorCount === 0);
          for (const finding of report.findings) {
            const { title, hint } = describeFinding(finding, input, flow);
            expect(title.length).toBeGreaterThan(0);
            expect(hint.length).toBeGreaterThan(0);
          }
          suggestFlowFix(input, flow);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reverseEdges is pure: it turns one-way edges, drops their routes and keeps everything else', () => {
    fc.assert(
      fc.property(diagramArb, (d) => {
        const copy = structuredClone(d);
        const reversed = reverseEdges(d);
        expect(d).toEqual(copy);
        expect(reversed.nodes).toBe(d.nodes);
        expect(reversed.edges).toHaveLength(d.edges.length);
        reversed.edges.forEach((edge, i) => {
          const original = d.edges[i]!;
          if (original.bidirectional === true) {
            expect(edge).toBe(original);
          } else {
            const { route: _route, ...rest } = original;
            expect(edge).toEqual({ ...rest, source: original.target, target: original.source });
          }
        });
        expect(reverseEdges(reversed).edges.map(({ source, target }) => [source, target])).toEqual(
          d.edges.map(({ source, target }) => [source, target]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
