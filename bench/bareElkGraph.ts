/**
 * The comparison for the layout adapter: the same diagram handed to elkjs the plain way a
 * developer would, with no bands and no pre-layering. Same node sizes (the catalog's defaults, or
 * the node's own `size`), same edges as drawn, groups as compound nodes holding their children,
 * layered algorithm in the same direction. `INCLUDE_CHILDREN` is the one option beyond
 * algorithm and direction that changes the layout: without it ELK refuses edges that cross a
 * group's border. `edgeCoords: ROOT` only changes how routes are written out (as the adapter
 * asks too), so bench/layoutQuality.ts can read them. Everything else is ELK's default,
 * thoroughness 7 included.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { defaultSize } from '../src/model/catalog';
import type { Diagram, LayoutDirection } from '../src/model/diagram';
import type { ElkGraphNode, ElkLike } from '../src/layout/layoutTypes';

const ELK_DIRECTION: Record<LayoutDirection, string> = { up: 'UP', down: 'DOWN', left: 'LEFT', right: 'RIGHT' };

export function createBareElk(): ElkLike {
  return new ELK() as unknown as ElkLike;
}

export function bareElkGraph(diagram: Diagram, direction: LayoutDirection): ElkGraphNode {
  const byId = new Map<string, ElkGraphNode>();
  for (const node of diagram.nodes) {
    const size = node.size ?? defaultSize(node.kind);
    byId.set(node.id, { id: node.id, width: size.width, height: size.height });
  }
  const root: ElkGraphNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': ELK_DIRECTION[direction],
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: [],
    edges: diagram.edges
      .filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  for (const node of diagram.nodes) {
    const elkNode = byId.get(node.id)!;
    const parent = node.parent === undefined ? undefined : byId.get(node.parent);
    const container = parent ?? root;
    (container.children ??= []).push(elkNode);
  }
  return root;
}
