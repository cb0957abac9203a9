/**
 * The figures the capacity model reads, their typical values per catalog kind, and the input of
 * `analyzeCapacity`. Every default carries a `source` note saying where the number comes from, so
 * the app can show it as a "typical value" and the docs (docs/capacity-model.md) can list it.
 * The numbers are orders of magnitude for one ordinary instance, meant to be replaced by the
 * user's own measurements; none of them is a promise about a product.
 */
import type { Diagram } from '../diagram';

/** What one component (not a client, not support) is assumed to be able to do. */
export interface NodeFigures {
  /** Identical copies behind the component's name. */
  instances: number;
  /** Requests per second one instance completes at full load. */
  capacityRps: number;
  /** Time one instance spends on one request, in ms, when nothing waits. */
  serviceTimeMs: number;
  /** Fraction of time one instance is up (0–1). */
  availability: number;
  /** Fraction of requests answered without calling what lies behind; null when not a cache. */
  hitRatio: number | null;
}

/** Figures on an edge; every field optional. */
export interface EdgeFigures {
  /** Fraction of the sender's load that takes this edge (0–1); default 1: every request makes the call. */
  share?: number;
  /** `async` carries load but ends the synchronous part of a request. */
  mode?: 'sync' | 'async';
  /** Network time added to a request crossing the edge, in ms; default 0. */
  latencyMs?: number;
}

export interface AnalysisInput {
  diagram: Diagram;
  figures?: {
    nodes?: Record<string, Partial<NodeFigures>>;
    edges?: Record<string, EdgeFigures>;
  };
  /** The peak load shared among the clients without a figure of their own (default `DEFAULT_TOTAL_RPS`). */
  totalRps?: number;
  /** Requests per second sent by particular clients. */
  clientRps?: Record<string, number>;
  /** Components taken out of the diagram for a what-if. */
  down?: readonly string[];
  /** Utilisation to stay under (0–1]; default 0.7. */
  targetUtilization?: number;
  /** Request paths to measure: component ids in the order a request visits them. */
  paths?: readonly { id: string; ids: readonly string[] }[];
}

/**
 * The load when neither the file nor the caller gives one: a small service's peak, well inside
 * one instance of every catalog kind but the worker and the data warehouse, so a diagram drawn
 * with defaults starts out healthy and the multiplier shows where it breaks.
 */
export const DEFAULT_TOTAL_RPS = 100;
export const DEFAULT_TARGET_UTILIZATION = 0.7;
export const DEFAULT_INSTANCES = 1;
/** 99.9%: one virtual machine's typical single-instance SLA at the large clouds. */
export const DEFAULT_AVAILABILITY = 0.999;
export const DEFAULT_HIT_RATIO = 0.8;

/** A kind's typical figures and where they come from. */
export interface KindFigures {
  capacityRps: number;
  serviceTimeMs: number;
  hitRatio: number | null;
  /** Divides its load equally among its outgoing request edges instead of sending it down each. */
  balances: boolean;
  /** Edges it sends on are asynchronous unless an edge says otherwise (a consumer pulls in its own time). */
  sendsAsync: boolean;
  source: string;
}

function typical(
  capacityRps: number,
  serviceTimeMs: number,
  source: string,
  extra: Partial<Pick<KindFigures, 'hitRatio' | 'balances' | 'sendsAsync'>> = {},
): KindFigures {
  return { capacityRps, serviceTimeMs, hitRatio: null, balances: false, sendsAsync: false, source, ...extra };
}

/** Used for kinds the catalog does not know, and documented as such. */
export const GENERIC_FIGURES: KindFigures = typical(
  1_000,
  20,
  'A generic application instance (4 cores, tens of ms per request); replace with a load test figure.',
);

/**
 * Per catalog kind. Clients send load and support components sit outside the request flow, so
 * neither has figures.
 */
export const KIND_FIGURES: Readonly<Record<string, KindFigures>> = {
  cdn: typical(100_000, 5, 'An edge cache answers from memory in a few ms; CDNs typically serve 80–95% of static requests from the edge.', { hitRatio: 0.9 }),
  'load-balancer': typical(20_000, 1, 'A software L7 proxy (NGINX, HAProxy, Envoy) forwards tens of thousands of requests/s per instance and adds about a millisecond.', { balances: true }),
  'api-gateway': typical(10_000, 5, 'Routing plus a token check: a few ms; managed gateways quote default throttles of about 10,000 requests/s.'),
  'web-server': typical(5_000, 10, 'Serving pages and assets from one instance: thousands of requests/s at about 10 ms.'),
  'api-server': typical(1_000, 20, 'Application logic on a 4-core instance: the usual back-of-the-envelope 1,000 requests/s at 20 ms of its own work.'),
  service: typical(1_000, 20, 'Same as an API server: a 4-core instance of application code.'),
  worker: typical(100, 100, 'Background jobs are heavier than requests: about 100 ms each, 100 per second per instance.'),
  'message-queue': typical(10_000, 2, 'One broker node (RabbitMQ, ActiveMQ) moves about 10,000 small messages/s in a few ms; a Kafka partition does more.', { sendsAsync: true }),
  'stream-processor': typical(10_000, 5, 'A stream task processes thousands of small events/s at a few ms each.'),
  'serverless-function': typical(10_000, 100, 'AWS Lambda\u2019s default regional quota is 1,000 concurrent executions: at 100 ms each, 10,000 requests/s.'),
  'auth-service': typical(2_000, 10, 'Token checks and session look-ups: light CPU work, about 10 ms.'),
  'sql-database': typical(5_000, 5, 'A PostgreSQL or MySQL primary on a mid-size instance: low thousands of simple transactions/s (pgbench order of magnitude), a few ms each.'),
  'nosql-database': typical(10_000, 5, 'A Cassandra or DynamoDB-style node: about 10,000 single-key operations/s at a few ms.'),
  cache: typical(100_000, 1, 'Redis\u2019s own benchmark shows about 100,000 GET/SET per second per instance without pipelining; a data-centre round trip is about 0.5 ms.', { hitRatio: DEFAULT_HIT_RATIO }),
  'object-storage': typical(5_500, 50, 'Amazon S3 documents 5,500 GET requests/s per prefix; first-byte latency is tens of ms.'),
  'search-index': typical(1_000, 20, 'An Elasticsearch or OpenSearch node answers hundreds to a few thousand queries/s at tens of ms.'),
  'data-warehouse': typical(10, 2_000, 'Analytical queries take seconds and run a few at a time.'),
};

/** A kind's typical figures (the generic ones for kinds the catalog does not know). */
export function kindFigures(kind: string): KindFigures {
  return Object.hasOwn(KIND_FIGURES, kind) ? KIND_FIGURES[kind]! : GENERIC_FIGURES;
}

/** Looks a record up by id without reaching Object.prototype (`__proto__` is a valid id). */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isFraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/**
 * A component's figures: the user's where given and sensible, else its kind's. The document
 * parser refuses bad figures with a placed message; this guard only keeps the model total.
 */
export function resolveNodeFigures(kind: string, given: Partial<NodeFigures> | undefined): NodeFigures {
  const base = kindFigures(kind);
  const hitRatio = given?.hitRatio;
  return {
    instances: isCount(given?.instances) ? given.instances : DEFAULT_INSTANCES,
    capacityRps: isPositive(given?.capacityRps) ? given.capacityRps : base.capacityRps,
    serviceTimeMs: isPositive(given?.serviceTimeMs) ? given.serviceTimeMs : base.serviceTimeMs,
    availability: isFraction(given?.availability) ? given.availability : DEFAULT_AVAILABILITY,
    hitRatio: hitRatio === null ? null : isFraction(hitRatio) ? hitRatio : base.hitRatio,
  };
}

/** An edge's share of its sender's load (default 1). */
export function edgeShare(figures: EdgeFigures | undefined): number {
  return isFraction(figures?.share) ? figures.share : 1;
}

/** Extra network time on an edge (default 0). */
export function edgeLatency(figures: EdgeFigures | undefined): number {
  const v = figures?.latencyMs;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/** Whether a request crossing the edge waits for the answer; the sender's kind decides by default. */
export function edgeIsAsync(figures: EdgeFigures | undefined, senderKind: string): boolean {
  if (figures?.mode === 'async') return true;
  if (figures?.mode === 'sync') return false;
  return kindFigures(senderKind).sendsAsync;
}

export function resolveTarget(target: number | undefined): number {
  return typeof target === 'number' && target > 0 && target <= 1 ? target : DEFAULT_TARGET_UTILIZATION;
}
