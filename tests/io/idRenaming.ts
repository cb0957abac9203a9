/**
 * Share links rename ids compactly, so a diagram comes back equal up to an id renaming. These
 * check exactly that: the decoded diagram's ids are distinct, and renaming the original's ids by
 * position (node i to decoded node i, edge i to decoded edge i) gives the decoded diagram.
 */
import { expect } from 'vitest';

interface Ids {
  nodes: { id: string; parent?: string }[];
  edges: { id: string; source: string; target: string }[];
  endpoints?: { node: string }[];
  entities?: { node: string }[];
  paths?: { steps: string[] }[];
  notes?: { pin?: string }[];
}

/** `original` with its ids renamed to `decoded`'s, position by position (references follow). */
export function withIdsOf<T extends Ids>(original: T, decoded: Ids): T {
  const nodeId = new Map(original.nodes.map((n, i) => [n.id, decoded.nodes[i]?.id ?? '']));
  const rename = (id: string) => nodeId.get(id) ?? id;
  return {
    ...original,
    nodes: original.nodes.map((n) => ({ ...n, id: rename(n.id), ...(n.parent === undefined ? {} : { parent: rename(n.parent) }) })),
    edges: original.edges.map((e, i) => ({ ...e, id: decoded.edges[i]?.id ?? '', source: rename(e.source), target: rename(e.target) })),
    // The design records keep their own ids; the components they name are renamed.
    ...(original.endpoints ? { endpoints: original.endpoints.map((e) => ({ ...e, node: rename(e.node) })) } : {}),
    ...(original.entities ? { entities: original.entities.map((e) => ({ ...e, node: rename(e.node) })) } : {}),
    ...(original.paths ? { paths: original.paths.map((p) => ({ ...p, steps: p.steps.map(rename) })) } : {}),
    ...(original.notes ? { notes: original.notes.map((n) => (n.pin === undefined ? n : { ...n, pin: rename(n.pin) })) } : {}),
  };
}

export function expectEqualUpToIdRenaming<T extends Ids>(decoded: T, original: T): void {
  expect(decoded.nodes).toHaveLength(original.nodes.length);
  expect(decoded.edges).toHaveLength(original.edges.length);
  expect(new Set(decoded.nodes.map((n) => n.id)).size).toBe(decoded.nodes.length);
  expect(new Set(decoded.edges.map((e) => e.id)).size).toBe(decoded.edges.length);
  expect(decoded).toStrictEqual(withIdsOf(original, decoded));
}
