/**
 * Builds the shipped problem files and templates from scripts/problemSources.ts and
 * scripts/templateSources.ts: each reference design gets its instance counts from the capacity
 * model (enough for twice the stated peak, at least two so no component is a single point of
 * failure), its design records (requirements, endpoints, entities, request paths) and an ELK
 * layout. Every file is then parsed back and checked; the script fails loudly otherwise.
 * Run: npx tsx scripts/buildProblems.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCapacity } from '../src/model/analysis/analyzeCapacity';
import type { Diagram } from '../src/model/diagram';
import { findKind } from '../src/model/catalog';
import { toDiagramFile } from '../src/model/serializeDiagramFile';
import { validateFlow } from '../src/model/validateFlow';
import { layoutDiagram } from '../src/layout/layoutDiagram';
import { parseProblemValue, PROBLEM_FORMAT, PROBLEM_VERSION } from '../src/model/practice/problemRecord';
import { peakRpsOf } from '../src/model/analysis/peakLoad';
import { PROBLEMS } from './problemSources';
import type { ProblemSource } from './problemSources';
import { TEMPLATES } from './templateSources';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problemDir = join(root, 'src/model/practice/problems');
const templateDir = join(root, 'src/model/practice/templates');

interface Loose { [key: string]: unknown }

function parseNodes(lines: string[]): Loose[] {
  return lines.map((line) => {
    const [id, kind, ...label] = line.split(' ');
    if (!id || !kind || !findKind(kind)) throw new Error(`bad node line "${line}"`);
    return { id, kind, label: label.join(' ') };
  });
}

function parseEdges(spec: string): { edges: Loose[]; shares: Record<string, number> } {
  const shares: Record<string, number> = {};
  const edges = spec.split(/\s+/).filter(Boolean).map((part, i) => {
    const [pair, share] = part.split('@');
    const [source, target] = pair!.split('>');
    const id = `e${i + 1}`;
    if (share !== undefined) shares[id] = Number(share);
    return { id, source, target, ...(share !== undefined ? { share: Number(share) } : {}) };
  });
  return { edges, shares };
}

/** Instances per component: enough at 2× the peak, never fewer than two. */
function sizeInstances(diagram: Diagram, peak: number, shares: Record<string, number>): Record<string, number> {
  const edges = Object.fromEntries(Object.entries(shares).map(([id, share]) => [id, { share }]));
  const analysis = analyzeCapacity({ diagram, totalRps: peak * 2, figures: { edges } });
  const out: Record<string, number> = {};
  for (const node of analysis.nodes) out[node.id] = Math.max(2, node.instancesNeeded);
  return out;
}

function checkCapacity(name: string, diagram: Diagram, peak: number, instances: Record<string, number>, shares: Record<string, number>, p99: number | undefined) {
  const nodes = Object.fromEntries(Object.entries(instances).map(([id, n]) => [id, { instances: n }]));
  const edges = Object.fromEntries(Object.entries(shares).map(([id, share]) => [id, { share }]));
  for (const factor of [1, 2]) {
    const a = analyzeCapacity({ diagram, totalRps: peak * factor, figures: { nodes, edges } });
    const bad = a.nodes.filter((n) => n.status === 'overloaded' || n.status === 'hot');
    if (bad.length > 0) throw new Error(`${name}: ${bad.map((n) => `${n.id} ${n.status}`).join(', ')} at ${factor}× peak`);
    if (a.spof.length > 0) throw new Error(`${name}: single points of failure ${a.spof.join(', ')}`);
    const slowest = Math.max(...a.clients.map((c) => c.path.latencyMs ?? Infinity));
    if (p99 !== undefined && slowest > p99) throw new Error(`${name}: path latency ${slowest} ms over p99 ${p99} ms at ${factor}×`);
  }
}

async function buildReference(src: { id: string; title: string; nodes: string[]; edges: string }, peak: number, extra: (ids: Set<string>) => Loose, p99?: number): Promise<Loose> {
  const nodes = parseNodes(src.nodes);
  const { edges, shares } = parseEdges(src.edges);
  const bare = { title: src.title, flow: 'bottom-up', nodes, edges } as unknown as Diagram;
  const report = validateFlow(bare);
  if (!report.valid) throw new Error(`${src.id}: ${report.findings.map((f) => f.message).join('; ')}`);
  const instances = sizeInstances(bare, peak, shares);
  checkCapacity(src.id, bare, peak, instances, shares, p99);
  const laid = await layoutDiagram(bare);
  if (!laid.ok) throw new Error(`${src.id}: layout failed: ${laid.error.message}`);
  const file = toDiagramFile(laid.diagram) as unknown as Loose;
  // Figures and design records are written straight into the file object: they are the
  // document's own fields (DOCUMENT_SPEC), kept in the parser's order by re-serializing below.
  const fileNodes = file.nodes as Loose[];
  for (const node of fileNodes) {
    const n = instances[node.id as string];
    if (n !== undefined) node.figures = { instances: n };
  }
  for (const edge of file.edges as Loose[]) {
    const share = shares[edge.id as string];
    if (share !== undefined) edge.share = share;
  }
  return { ...file, ...extra(new Set(fileNodes.map((n) => n.id as string))) };
}

function designRecords(src: ProblemSource, peak: number) {
  return (ids: Set<string>): Loose => {
    const need = (id: string, where: string) => {
      if (!ids.has(id)) throw new Error(`${src.id}: ${where} names unknown node "${id}"`);
      return id;
    };
    const endpoints = src.endpoints.map(([method, path, node, reqs], i) => ({
      id: `ep${i + 1}`, node: need(node, `endpoint ${path}`), method, path, ...(reqs.length > 0 ? { requirements: reqs } : {}),
    }));
    const entities = src.entities.map(([name, node, spec], i) => ({
      id: `ent${i + 1}`,
      node: need(node, `entity ${name}`),
      name,
      fields: spec.split(' ').map((f) => {
        const [fname, type, ...flags] = f.split(':');
        return { name: fname, type, ...(flags.includes('pk') ? { primaryKey: true } : {}), ...(flags.includes('part') ? { partitionKey: true } : {}), ...(flags.includes('indexed') ? { indexed: true } : {}) };
      }),
    }));
    const paths = Object.entries(src.paths).map(([req, steps], i) => {
      const endpoint = endpoints.find((e) => e.requirements?.includes(req));
      return { id: `path${i + 1}`, name: src.requirements.find((r) => r[0] === req)![2], requirement: req, ...(endpoint ? { endpoint: endpoint.id } : {}), steps: steps.split(' ').map((s) => need(s, `path ${req}`)) };
    });
    for (const r of src.requirements) if (r[1] === 'must' && !src.paths[r[0]]) throw new Error(`${src.id}: must requirement ${r[0]} has no path`);
    return {
      scale: src.scale,
      load: { peakRps: Math.round(peak) },
      requirements: src.requirements.map(([id, priority, text]) => ({ id, text, priority })),
      endpoints,
      entities,
      paths,
    };
  };
}

function ordered(reference: Loose): Loose {
  // Parsing and serializing once more puts every field in the file format's order.
  const { format: _f, version: _v, ...rest } = reference;
  void _f; void _v;
  return { format: 'archflow', version: 2, ...rest };
}

async function main() {
  mkdirSync(problemDir, { recursive: true });
  mkdirSync(templateDir, { recursive: true });
  const index: string[] = [];
  for (const src of PROBLEMS) {
    const peak = peakRpsOf(src.scale) ?? 0;
    const reference = await buildReference(src, peak, designRecords(src, peak), src.scale.p99LatencyMs);
    const problem = {
      format: PROBLEM_FORMAT, version: PROBLEM_VERSION, id: src.id, title: src.title, statement: src.statement, flow: 'bottom-up',
      requirements: src.requirements.map(([id, priority, text, keywords]) => ({ id, text, priority, keywords })),
      scale: src.scale,
      endpoints: src.endpoints.map(([method, path]) => ({ method, path })),
      entities: src.entities.map(([name, , spec]) => ({ name, key: keyOf(spec) })),
      reference: ordered(reference),
      hints: src.hints, followUps: src.followUps,
      drills: src.drills.map(([id, components, prompt]) => ({ id, components, prompt })),
    };
    const parsed = parseProblemValue(JSON.parse(JSON.stringify(problem)));
    if (!parsed.ok) throw new Error(`${src.id}: ${parsed.error.message}`);
    writeFileSync(join(problemDir, `${src.id}.json`), `${JSON.stringify(problem, null, 1)}\n`);
    index.push(`  { id: '${src.id}', title: ${JSON.stringify(src.title)}, load: () => import('./problems/${src.id}.json') },`);
    console.log(`${src.id}: peak ${Math.round(peak)} rps, ${reference.nodes instanceof Array ? reference.nodes.length : 0} components`);
  }
  const templateIndex: string[] = [];
  for (const t of TEMPLATES) {
    const reference = await buildReference(t, t.peakRps, () => ({ load: { peakRps: t.peakRps } }));
    writeFileSync(join(templateDir, `${t.id}.archflow.json`), `${JSON.stringify(ordered(reference), null, 1)}\n`);
    templateIndex.push(`  { id: '${t.id}', title: ${JSON.stringify(t.title)}, description: ${JSON.stringify(t.description)}, load: () => import('./templates/${t.id}.archflow.json') },`);
    console.log(`template ${t.id}`);
  }
  writeFileSync(
    join(root, 'src/model/practice/shippedFiles.ts'),
    `/** Generated by scripts/buildProblems.ts: the shipped problem and template files, loaded on demand. */\n` +
      `export const SHIPPED_PROBLEMS = [\n${index.join('\n')}\n] as const;\n\n` +
      `export const SHIPPED_TEMPLATES = [\n${templateIndex.join('\n')}\n] as const;\n`,
  );
}

function keyOf(spec: string): string {
  const fields = spec.split(' ').map((f) => f.split(':'));
  const key = fields.find((f) => f.includes('pk') || f.includes('part')) ?? fields[0]!;
  return key[0]!;
}

await main();
