/**
 * The capacity analysis in words: bottlenecks first, each with what to change ("API server:
 * 12,000/s over 4 × 2,000/s → ρ 1.5, overloaded; 9 instances keep it under 70%"). Shared by the
 * CLI's report and, later, the app's Capacity region, so both say the same thing.
 */
import { componentName } from '../validateFlow';
import type { CapacityAnalysis, NodeAnalysis } from './analyzeCapacity';

/**
 * One formatter per number of decimals, made once: `toLocaleString` with options builds a new
 * Intl.NumberFormat on every call, which cost the app's overlay milliseconds per multiplier step.
 */
const FORMATS = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));
const format = (value: number, digits: number) => FORMATS[digits]!.format(value);

/** Requests per second: whole numbers from 100 up, a decimal or two below. */
export function formatRate(rps: number): string {
  return format(rps, rps >= 100 ? 0 : rps >= 10 ? 1 : 2);
}

/** Two decimals, three below 0.1 so a lightly used component does not read as 0. */
export function formatUtilization(rho: number): string {
  return format(rho, rho < 0.1 ? 3 : 2);
}

export function formatLatency(ms: number | null): string {
  return ms === null ? 'unbounded' : `${format(ms, 1)} ms`;
}

export function formatPercent(fraction: number, digits = 0): string {
  return `${format(fraction * 100, Math.min(3, Math.max(0, Math.round(digits))))}%`;
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
    `${componentName(node)}: ${formatRate(node.load)}/s over ${format(node.instances, 0)} × ` +
    `${formatRate(node.figures.capacityRps)}/s → ρ ${formatUtilization(node.utilization)}, ${node.status}; ` +
    `${format(needed, 0)} instances keep it under ${formatPercent(target)}`
  );
}

/** The "Mark as down" toggle's words (Inspector, context menu); a group's say that its members go with it. */
export function downLabel(isDown: boolean, group: boolean): string {
  if (group) return isDown ? 'Bring the group back up' : 'Mark the group as down';
  return isDown ? 'Bring back up' : 'Mark as down';
}
