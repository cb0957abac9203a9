/**
 * The component catalog: every kind a diagram can hold, with its role, icon name and default
 * size. Kind ids are part of the file format and never change.
 */
export type Role = 'client' | 'server' | 'datastore' | 'support' | 'group';
export const ROLES: readonly Role[] = ['client', 'server', 'datastore', 'support', 'group'];
/** Roles a component (not a container) can have. */
export const COMPONENT_ROLES: readonly Exclude<Role, 'group'>[] = [
  'client',
  'server',
  'datastore',
  'support',
];

export const ROLE_LABELS: Record<Role, string> = {
  client: 'Clients',
  server: 'Servers',
  datastore: 'Data',
  support: 'Support',
  group: 'Containers',
};

/** Names of icons drawn by the canvas (see src/canvas/icons.tsx). */
export type IconName =
  | 'user'
  | 'browser'
  | 'phone'
  | 'clock'
  | 'globe-cdn'
  | 'balance'
  | 'gateway'
  | 'server'
  | 'api'
  | 'cog'
  | 'worker'
  | 'queue'
  | 'database'
  | 'nosql'
  | 'cache'
  | 'bucket'
  | 'search'
  | 'dns'
  | 'cloud'
  | 'group'
  | 'stream'
  | 'function'
  | 'warehouse'
  | 'monitor'
  | 'auth'
  | 'shield';

export interface KindSpec {
  id: string;
  label: string;
  role: Role;
  icon: IconName;
  width: number;
  height: number;
  /** A short line shown in the palette's tooltip. */
  description: string;
}

const COMPONENT = { width: 168, height: 60 } as const;

function kind(
  id: string,
  label: string,
  role: Role,
  icon: IconName,
  description: string,
  size: { width: number; height: number } = COMPONENT,
): KindSpec {
  return { id, label, role, icon, description, width: size.width, height: size.height };
}

export const KINDS: readonly KindSpec[] = [
  kind('user', 'User', 'client', 'user', 'A person using the system'),
  kind('web-client', 'Web Client', 'client', 'browser', 'A browser or single-page app'),
  kind('mobile-client', 'Mobile Client', 'client', 'phone', 'An iOS or Android app'),
  kind('scheduler', 'Scheduler', 'client', 'clock', 'A cron or batch trigger that starts flows'),
  kind('cdn', 'CDN', 'server', 'globe-cdn', 'Edge cache for static and media content'),
  kind('load-balancer', 'Load Balancer', 'server', 'balance', 'Spreads traffic over servers'),
  kind('api-gateway', 'API Gateway', 'server', 'gateway', 'Routing, auth and rate limits'),
  kind('web-server', 'Web Server', 'server', 'server', 'Serves pages and assets'),
  kind('api-server', 'API Server', 'server', 'api', 'Application logic behind an API'),
  kind('service', 'Service', 'server', 'cog', 'A microservice'),
  kind('worker', 'Worker', 'server', 'worker', 'Background job processor'),
  kind('message-queue', 'Message Queue', 'server', 'queue', 'Kafka, SQS, RabbitMQ…'),
  kind('stream-processor', 'Stream Processor', 'server', 'stream', 'Flink, Spark Streaming…'),
  kind('serverless-function', 'Function', 'server', 'function', 'A serverless function'),
  kind('auth-service', 'Auth Service', 'server', 'auth', 'Identity, tokens, sessions'),
  kind('sql-database', 'SQL Database', 'datastore', 'database', 'PostgreSQL, MySQL…'),
  kind('nosql-database', 'NoSQL Database', 'datastore', 'nosql', 'Cassandra, DynamoDB, MongoDB…'),
  kind('cache', 'Cache', 'datastore', 'cache', 'Redis, Memcached…'),
  kind('object-storage', 'Object Storage', 'datastore', 'bucket', 'S3, GCS, blob storage'),
  kind('search-index', 'Search Index', 'datastore', 'search', 'Elasticsearch, OpenSearch…'),
  kind('data-warehouse', 'Data Warehouse', 'datastore', 'warehouse', 'BigQuery, Snowflake…'),
  kind('dns', 'DNS', 'support', 'dns', 'Name resolution'),
  kind('external-service', 'External Service', 'support', 'cloud', 'A third-party API'),
  kind('monitoring', 'Monitoring', 'support', 'monitor', 'Metrics, logs, traces'),
  kind('firewall', 'Firewall', 'support', 'shield', 'WAF, firewall, DDoS protection'),
  kind('group', 'Group', 'group', 'group', 'A region, VPC or cluster that holds other nodes', {
    width: 360,
    height: 240,
  }),
];

const BY_ID: ReadonlyMap<string, KindSpec> = new Map(KINDS.map((k) => [k.id, k]));

export function findKind(id: string): KindSpec | undefined {
  return BY_ID.get(id);
}

export function isKnownKind(id: string): boolean {
  return BY_ID.has(id);
}

export const GROUP_KIND = 'group';

/** A node's effective role: its override when set, else its kind's. */
export function roleOf(node: { kind: string; role?: Role }): Role {
  if (node.kind === GROUP_KIND) return 'group';
  return node.role ?? BY_ID.get(node.kind)?.role ?? 'server';
}

export function kindsByRole(role: Role): KindSpec[] {
  return KINDS.filter((k) => k.role === role);
}

export function defaultSize(kindId: string): { width: number; height: number } {
  const spec = BY_ID.get(kindId);
  return spec ? { width: spec.width, height: spec.height } : { ...COMPONENT };
}
