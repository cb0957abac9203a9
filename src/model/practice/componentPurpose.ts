/**
 * What a component is for, so the review compares designs by purpose rather than by catalog kind:
 * a NoSQL node labelled "Redis" is a cache, a gateway spreads traffic like a load balancer. Each
 * purpose has the phrase the review uses when it is missing ("Missing: cache in front of the
 * database").
 */
import type { DiagramNode } from '../diagram';
import { roleOf } from '../catalog';

export type Purpose = 'entry' | 'cdn' | 'app' | 'queue' | 'background' | 'cache' | 'database' | 'object-storage' | 'search' | 'warehouse';

export const PURPOSE_PHRASES: Readonly<Record<Purpose, string>> = {
  entry: 'load balancer or gateway in front of the servers',
  cdn: 'CDN at the edge for static and media content',
  app: 'application servers holding the logic',
  queue: 'queue to take slow work off the request path',
  background: 'background workers or stream processing',
  cache: 'cache in front of the database',
  database: 'database for the durable records',
  'object-storage': 'object storage for large files',
  search: 'search index',
  warehouse: 'warehouse for analytics',
};

const BY_KIND: Readonly<Record<string, Purpose>> = {
  'load-balancer': 'entry',
  'api-gateway': 'entry',
  cdn: 'cdn',
  'web-server': 'app',
  'api-server': 'app',
  service: 'app',
  'auth-service': 'app',
  'serverless-function': 'app',
  'message-queue': 'queue',
  worker: 'background',
  'stream-processor': 'background',
  cache: 'cache',
  'sql-database': 'database',
  'nosql-database': 'database',
  'object-storage': 'object-storage',
  'search-index': 'search',
  'data-warehouse': 'warehouse',
};

/** Names in a label or technology that say what a component is, whatever kind it was drawn as. */
const BY_NAME: readonly [RegExp, Purpose][] = [
  [/\b(redis|memcached?|valkey|elasticache)\b/i, 'cache'],
  [/\b(kafka|sqs|rabbitmq|pulsar|kinesis|nats)\b/i, 'queue'],
  [/\b(postgres(ql)?|mysql|cassandra|dynamo(db)?|mongo(db)?|spanner|cockroach(db)?)\b/i, 'database'],
  [/\b(s3|gcs|blob storage)\b/i, 'object-storage'],
  [/\b(elasticsearch|opensearch|solr)\b/i, 'search'],
  [/\b(nginx|haproxy|envoy)\b/i, 'entry'],
  [/\b(cloudfront|akamai|fastly)\b/i, 'cdn'],
];

/** Every purpose a component serves: its kind's, and any its label or technology names. */
export function purposesOf(node: Pick<DiagramNode, 'kind' | 'label'> & { tech?: string; role?: DiagramNode['role'] }): Purpose[] {
  const out: Purpose[] = [];
  const role = roleOf(node);
  if (role === 'client' || role === 'support' || role === 'group') return out;
  const named = `${node.label} ${node.tech ?? ''}`;
  for (const [pattern, purpose] of BY_NAME) if (pattern.test(named) && !out.includes(purpose)) out.push(purpose);
  const byKind = Object.hasOwn(BY_KIND, node.kind) ? BY_KIND[node.kind] : undefined;
  if (byKind !== undefined && !out.includes(byKind)) out.push(byKind);
  return out;
}

/** Each purpose the design's components serve, with the ids of those serving it, in file order. */
export function purposesIn(design: { nodes: readonly DiagramNode[] }): Map<Purpose, string[]> {
  const out = new Map<Purpose, string[]>();
  for (const node of design.nodes) {
    for (const purpose of purposesOf(node)) out.set(purpose, [...(out.get(purpose) ?? []), node.id]);
  }
  return out;
}
