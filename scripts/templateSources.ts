/** Starting architectures offered by "Templates" (built by scripts/buildProblems.ts). */
import { PROBLEMS } from './problemSources';
export interface TemplateSource {
  id: string;
  title: string;
  description: string;
  peakRps: number;
  nodes: string[];
  edges: string;
}

export const TEMPLATES: TemplateSource[] = [
  {
    id: 'three-tier', title: 'Three-tier web app', description: 'Browser, load balancer, web servers, a cache and a SQL database.', peakRps: 2_000,
    nodes: ['web web-client Browser', 'cdn cdn CDN', 'assets object-storage Static assets', 'lb load-balancer Load balancer', 'app web-server App servers', 'cache cache Session cache', 'db sql-database PostgreSQL'],
    edges: 'web>cdn cdn>assets web>lb lb>app app>cache cache>db',
  },
];

/** A problem's reference architecture as a starting point (its records stay with the problem). */
function fromProblem(id: string, description: string, peakRps: number): TemplateSource {
  const src = PROBLEMS.find((p) => p.id === id);
  if (!src) throw new Error(`no problem "${id}"`);
  return { id, title: src.title, description, peakRps, nodes: src.nodes, edges: src.edges };
}

TEMPLATES.push(
  fromProblem('url-shortener', 'Redirect service behind a load balancer, a cache in front of the store, click counting off the request path.', 5_000),
  fromProblem('chat', 'WebSocket gateways, a message service over Cassandra, presence in a cache, push for offline users.', 20_000),
  fromProblem('news-feed', 'Feed and post services, a feed cache filled by fan-out workers from a queue.', 20_000),
  fromProblem('video-streaming', 'CDN in front of object storage, an upload path to transcoding workers, metadata behind a cache.', 20_000),
  fromProblem('rate-limiter', 'A gateway that counts requests in Redis before the backend.', 10_000),
  {
    id: 'event-pipeline', title: 'Event pipeline', description: 'Producers into a log, stream processing into a serving store, raw events to object storage and a warehouse.', peakRps: 20_000,
    nodes: ['producer web-client Producers', 'ingest api-server Ingest API', 'log message-queue Event log (Kafka)', 'proc stream-processor Stream processor', 'serve nosql-database Serving store', 'lake object-storage Raw events', 'batch worker Batch loader', 'wh data-warehouse Warehouse'],
    edges: 'producer>ingest ingest>log log>proc proc>serve log>lake@0.01 lake>batch batch>wh@0.01',
  },
  fromProblem('search', 'A search API with a query cache over a search index, fed from the database\u2019s change stream.', 5_000),
);
