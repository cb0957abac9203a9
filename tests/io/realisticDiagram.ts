/**
 * Diagrams shaped like the ones people draw, for size measurements: a few layers of components
 * on a grid (as after auto layout), short labels, tech on some nodes, about 1.4 edges a node,
 * half with a protocol. Deterministic for a seed.
 */
import { KINDS } from '../../src/model/catalog';
import type { Diagram, DiagramEdge, DiagramNode } from '../../src/model/diagram';

export interface RealisticOptions {
  seed?: number;
  /** `store`: ids as the editor makes them (kind, counter, 4 random characters). Default `store`. */
  ids?: 'store' | 'sequential';
}

const WORDS = ['Orders', 'Payments', 'Users', 'Search', 'Catalog', 'Billing', 'Notifications', 'Inventory', 'Shipping', 'Auth', 'Reports', 'Media'];
const TECH = ['Redis', 'PostgreSQL', 'Go', 'Node.js', 'Kafka', 'Java'];
const PROTOCOLS = ['HTTPS', 'gRPC', 'AMQP'];
const PER_LAYER = 12;

export function realisticDiagram(nodeCount: number, options: RealisticOptions = {}): Diagram {
  let state = options.seed ?? 1;
  const random = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let counter = 0;
  const newId = (prefix: string) =>
    options.ids === 'sequential'
      ? `${prefix}-${++counter}`
      : `${prefix}-${(++counter).toString(36)}${random().toString(36).slice(2, 6)}`;

  const kinds = KINDS.filter((k) => k.id !== 'group');
  const nodes: DiagramNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = pick(kinds);
    const node: DiagramNode = {
      id: newId(kind.id),
      kind: kind.id,
      label: `${pick(WORDS)} ${kind.label.toLowerCase()}`,
      position: { x: (i % PER_LAYER) * 220, y: Math.floor(i / PER_LAYER) * 140 },
    };
    if (random() < 0.3) node.tech = pick(TECH);
    nodes.push(node);
  }
  const edges: DiagramEdge[] = [];
  for (let i = 0; i < Math.round(nodeCount * 1.4) && nodeCount > 1; i++) {
    const source = pick(nodes).id;
    const target = pick(nodes).id;
    const edge: DiagramEdge = { id: newId('e'), source, target };
    if (random() < 0.5) edge.protocol = pick(PROTOCOLS);
    edges.push(edge);
  }
  return { title: `Realistic ${nodeCount}`, flow: 'bottom-up', nodes, edges };
}
