/**
 * The capacity analysis in words: bottlenecks first, each with what to change ("API server:
 * 12,000/s over 4 × 2,000/s → ρ 1.5, overloaded; 9 instances keep it under 70%"). Shared by the
 * CLI's report and, later, the app's Capacity region, so both say the same thing.
 */
import { componentName } from '../validateFlow';
import type { CapacityAnalysis, NodeAnalysis } from './analyzeCapacity';

/** Requests per second: whole numbers from 100 up, a decimal or two below. */
export function formatRate(rps: number): string {
  const digits = rps >= 100 ? 0 : rps >= 10 ? 1 : 2;
  return rps.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Two decimals, three below 0.1 so a lightly used component does not read as 0. */
export function formatUtilization(rho: number): string {
  return rho.toLocaleString('en-US', { maximumFractionDigits: rho < 0.1 ? 3 : 2 });
}

export function formatLatency(ms: number | null): string {
  return ms === null ? 'unbounded' : `${ms.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
}

export function formatPercent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toLocaleString('en-US', { maximumFractionDigits: digits })}%`;
}

/** Overloaded and hot components, the most utilised first (file order on a tie). */
export function bottlenecksOf(analysis: CapacityAnalysis): NodeAnalysis[] {
  return analysis.nodes
    .filter((node) => node.status === 'overloaded' || node.status === 'hot')
    .sort((a, b) => b.utilization - a.utilization);
}

/** One line naming the component, its load against its capacity, and the instances that fix it. */
export function describeBottleneck(node: NodeAnalysis, target: number): string {
  // Exactly at the target counts as hot, where ceil() gives the current count: one more gets under it.
  const needed = Math.max(node.instancesNeeded, node.instances + 1);
  return (
    `${componentName(node)}: ${formatRate(node.load)}/s over ${node.instances.toLocaleString('en-US')} × ` +
    `${formatRate(node.figures.capacityRps)}/s → ρ ${formatUtilization(node.utilization)}, ${node.status}; ` +
    `${needed.toLocaleString('en-US')} instances keep it under ${formatPercent(target)}`
  );
}
