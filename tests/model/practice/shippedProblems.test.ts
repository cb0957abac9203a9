// Every shipped problem and template: parses, its reference is valid in its flow, and nothing is
// overloaded at the problem's stated peak with the reference's own figures.
import { describe, expect, it } from 'vitest';
import { analyzeCapacity } from '../../../src/model/analysis/analyzeCapacity';
import { analysisInputOf } from '../../../src/model/analysis/analysisInput';
import { peakRpsOf } from '../../../src/model/analysis/peakLoad';
import { PROBLEM_LIST, TEMPLATE_LIST, loadShippedProblem, loadTemplate } from '../../../src/model/practice/problemLibrary';
import { validateFlow } from '../../../src/model/validateFlow';

describe('shipped problems', () => {
  it('ships at least 24 problems and 8 templates', () => {
    expect(PROBLEM_LIST.length).toBeGreaterThanOrEqual(24);
    expect(TEMPLATE_LIST.length).toBeGreaterThanOrEqual(8);
    expect(TEMPLATE_LIST.map((t) => t.id)).toEqual(
      expect.arrayContaining(['three-tier', 'url-shortener', 'chat', 'news-feed', 'video-streaming', 'rate-limiter', 'event-pipeline', 'search']),
    );
  });

  it.each(PROBLEM_LIST.map((p) => [p.id]))('%s parses, validates, is laid out and holds its peak', async (id) => {
    const parsed = await loadShippedProblem(id);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const problem = parsed.value;
    expect(problem.id).toBe(id);
    expect(problem.drills.length).toBeGreaterThanOrEqual(2);
    expect(problem.requirements.some((r) => r.priority === 'must')).toBe(true);
    const { reference } = problem;
    expect(validateFlow(reference, problem.flow).errorCount).toBe(0);
    for (const node of reference.nodes) expect(node.position, `${node.id} has a position`).toBeDefined();
    const analysis = analyzeCapacity(analysisInputOf(reference, { peakRps: peakRpsOf(problem.scale) ?? 0 }));
    expect(analysis.nodes.filter((n) => n.status === 'overloaded').map((n) => n.id)).toEqual([]);
    expect(analysis.nodes.length).toBeGreaterThan(0);
  });

  it.each(TEMPLATE_LIST.map((t) => [t.id]))('template %s parses, validates and is laid out', async (id) => {
    const parsed = await loadTemplate(id);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(validateFlow(parsed.value).errorCount).toBe(0);
    for (const node of parsed.value.nodes) expect(node.position).toBeDefined();
  });
});
