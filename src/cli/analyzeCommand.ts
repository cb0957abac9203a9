/**
 * `archflow analyze FILE [--rps N] [--down ID,ID] [--json]`: the capacity model of
 * docs/capacity-model.md on a diagram file, read by the model's `analysisInputOf` exactly as the
 * app reads the open diagram: the file's own figures (else the kind's typical ones) at the file's
 * peak (typed, else from its scale figures, else the default). `--rps` replaces that peak;
 * `--down` takes components, or groups (every component inside).
 */
import { analysisInputOf, analysisPeakOf } from '../model/analysis/analysisInput';
import { analyzeCapacity } from '../model/analysis/analyzeCapacity';
import type { CapacityAnalysis } from '../model/analysis/analyzeCapacity';
import {
  bottlenecksOf,
  describeBottleneck,
  formatLatency,
  formatPercent,
  formatRate,
  formatUtilization,
} from '../model/analysis/describeCapacity';
import type { PeakLoad } from '../model/analysis/peakLoad';
import type { Diagram } from '../model/diagram';
import { componentName } from '../model/validateFlow';
import type { CliIo } from './cliIo';
import { terminalJson, terminalLines } from './terminalText';
import { EXIT_FINDINGS, EXIT_OK, fail, loadDiagram } from './loadDiagram';

export interface AnalyzeArgs {
  file: string;
  /** As typed; checked here so the message can say what was wrong. */
  rps?: string;
  down?: string;
  json: boolean;
}

/** The object, `{totalRps, nodes, spof, cutOff, paths}`, then each client's heaviest path. */
export function analysisJson(analysis: CapacityAnalysis): string {
  const body = {
    totalRps: analysis.totalRps,
    nodes: analysis.nodes.map(({ id, load, utilization, instances, instancesNeeded, latencyMs, status }) => ({
      id,
      load,
      utilization,
      instances,
      instancesNeeded,
      latencyMs,
      status,
    })),
    spof: analysis.spof,
    cutOff: analysis.cutOff,
    paths: analysis.paths.map(({ id, latencyMs, availability }) => ({ id, latencyMs, availability })),
    clients: analysis.clients.map(({ id, rps, path }) => ({
      id,
      rps,
      path: path.ids,
      latencyMs: path.latencyMs,
      availability: path.availability,
    })),
  };
  return `${terminalJson(JSON.stringify(body, null, 2))}\n`;
}

export function analysisText(
  path: string,
  diagram: Diagram,
  analysis: CapacityAnalysis,
  peak: PeakLoad,
  notices: readonly string[],
): string {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const name = (id: string) => componentName(byId.get(id)!);
  const names = (ids: readonly string[]) => ids.map(name).join(', ');
  const target = analysis.targetUtilization;
  const load = `${formatRate(analysis.totalRps)} requests/s${PEAK_SOURCE[peak.source]}`;
  const lines = [
    `${diagram.title} (${path})`,
    `Load: ${load}, shared among ${analysis.clients.length} client${analysis.clients.length === 1 ? '' : 's'}`,
    'Figures: the file\u2019s own where it gives them, else the catalog\u2019s typical values per kind (docs/capacity-model.md lists them)',
  ];
  for (const notice of notices) lines.push(`Note: ${notice}`);
  if (analysis.down.length > 0) lines.push(`Down: ${names(analysis.down)}`);
  lines.push('', `Bottlenecks (target utilisation ${formatPercent(target)})`);
  const bottlenecks = bottlenecksOf(analysis);
  for (const node of bottlenecks) lines.push(`  ${describeBottleneck(node, target)}`);
  if (bottlenecks.length === 0) lines.push(`  none: every component stays under ${formatPercent(target)}`);

  lines.push('', 'Components', `  ${'status'.padEnd(10)} ${'load/s'.padStart(10)} ${'ρ'.padStart(6)} ${'inst.'.padStart(5)} ${'latency'.padStart(11)}  component`);
  for (const node of analysis.nodes) {
    lines.push(
      `  ${node.status.padEnd(10)} ${formatRate(node.load).padStart(10)} ${formatUtilization(node.utilization).padStart(6)} ` +
        `${String(node.instances).padStart(5)} ${(node.status === 'down' ? '—' : formatLatency(node.latencyMs)).padStart(11)}  ${componentName(node)}`,
    );
  }

  lines.push('', 'Single points of failure');
  lines.push(analysis.spof.length === 0 ? '  none' : `  ${names(analysis.spof)}`);

  lines.push('', 'Clients (heaviest path, synchronous latency, availability)');
  for (const client of analysis.clients) {
    const route = client.path.ids.join(' → ');
    const state = client.cutOff ? 'CUT OFF: no route to any datastore' : `${formatLatency(client.path.latencyMs)}, ${formatPercent(client.path.availability, 3)}`;
    lines.push(`  ${name(client.id)}: ${formatRate(client.rps)}/s along ${route}; ${state}`);
  }

  const overloaded = analysis.nodes.filter((node) => node.status === 'overloaded').length;
  lines.push('', `${overloaded === 0 && analysis.cutOff.length === 0 ? 'Holds' : 'Does not hold'}: ${overloaded} overloaded, ${analysis.cutOff.length} cut off.`);
  // Labels and ids come from the file: printed with control characters as visible escapes.
  return terminalLines(lines);
}

const PEAK_SOURCE: Record<PeakLoad['source'], string> = {
  given: ' (--rps)',
  typed: ' (the file\u2019s peak load)',
  scale: ' (from the file\u2019s scale figures)',
  default: ' (the default load; set it with --rps N)',
};

function parseRps(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/[_,]/g, ''));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : `--rps must be a number of requests per second, not "${text}"`;
}

export async function analyzeCommand(io: CliIo, args: AnalyzeArgs): Promise<number> {
  const rps = parseRps(args.rps);
  if (typeof rps === 'string') return fail(io, `${rps}; run "archflow --help" for usage`);
  const loaded = await loadDiagram(io, args.file);
  if (!loaded.ok) return loaded.exitCode;
  const { diagram, notices } = loaded;
  const down = (args.down ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
  const ids = new Set(diagram.nodes.map((node) => node.id));
  const unknown = down.find((id) => !ids.has(id));
  if (unknown !== undefined) return fail(io, `--down: "${unknown}" is not a component or group of ${args.file}`);
  const options = { peakRps: rps, down };
  const analysis = analyzeCapacity(analysisInputOf(diagram, options));
  io.stdout(args.json ? analysisJson(analysis) : analysisText(args.file, diagram, analysis, analysisPeakOf(diagram, options), notices));
  const overloaded = analysis.nodes.some((node) => node.status === 'overloaded');
  return overloaded || analysis.cutOff.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
