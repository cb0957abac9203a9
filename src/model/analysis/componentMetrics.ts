/**
 * What one component's figures and load say about it: utilisation, instances needed to stay
 * under the target, status, response time as an M/M/c queue, availability. Each formula is the
 * one docs/capacity-model.md writes out, so a person can check every number by hand.
 */
import { erlangC } from './erlangC';
import type { NodeFigures } from './figures';

export type CapacityStatus = 'ok' | 'hot' | 'overloaded';

export interface ComponentMetrics {
  utilization: number;
  instancesNeeded: number;
  status: CapacityStatus;
  /** Mean response time in ms; null when the queue grows without bound. */
  latencyMs: number | null;
  availability: number;
}

/** Absorbs floating-point dust so 1,400/(0.7 × 2,000) needs 1 instance, not 2. */
const DUST = 1e-9;

/** Utilisation ρ = λ / (instances × capacity). */
export function utilizationOf(load: number, figures: NodeFigures): number {
  return load / (figures.instances * figures.capacityRps);
}

/** ceil(λ / (target × capacity)), and never fewer than one: the component exists. */
export function instancesNeededFor(load: number, capacityRps: number, target: number): number {
  return Math.max(1, Math.ceil(load / (target * capacityRps) - DUST));
}

export function statusOf(utilization: number, target: number): CapacityStatus {
  if (utilization >= 1) return 'overloaded';
  return utilization >= target ? 'hot' : 'ok';
}

/**
 * M/M/c: c = instances × max(1, round(capacity × service time / 1000)) servers, each serving
 * μ = 1000 / service time requests per second; response = service time + C(c, λ/μ) / (cμ − λ)
 * seconds of waiting, in ms. Null when λ ≥ cμ (the queue has no steady state).
 */
export function responseTimeMs(load: number, figures: NodeFigures): number | null {
  const perInstance = Math.max(1, Math.round((figures.capacityRps * figures.serviceTimeMs) / 1000));
  const servers = figures.instances * perInstance;
  const mu = 1000 / figures.serviceTimeMs;
  const spare = servers * mu - load;
  if (!(spare > 0)) return null;
  return figures.serviceTimeMs + (1000 * erlangC(servers, load / mu)) / spare;
}

/** 1 − (1 − a)^instances: up while any instance is. */
export function availabilityOf(figures: NodeFigures): number {
  return 1 - (1 - figures.availability) ** figures.instances;
}

export function componentMetrics(load: number, figures: NodeFigures, target: number): ComponentMetrics {
  const utilization = utilizationOf(load, figures);
  const status = statusOf(utilization, target);
  return {
    utilization,
    instancesNeeded: instancesNeededFor(load, figures.capacityRps, target),
    status,
    latencyMs: status === 'overloaded' ? null : responseTimeMs(load, figures),
    availability: availabilityOf(figures),
  };
}
