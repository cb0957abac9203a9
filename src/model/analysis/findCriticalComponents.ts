/**
 * Which components every route of some client passes through. A route is any path along the
 * request arcs (all of them: the cycle rule decides where load goes, not where a request may
 * go) from a client to a datastore, the first datastore ending it.
 *
 * Rather than remove components one by one (O(n·(n + m))), one dominator tree answers it for all
 * clients at once: reverse every arc and add a virtual root with an arc to every datastore. A
 * route from client c to a datastore is then a path from the root to c, so the components whose
 * removal leaves c no route are exactly c's dominators, its ancestors in the dominator tree.
 * Walking up from every client and stopping at the first ancestor already walked marks them all
 * in O(n). Overall O((n + m) log n) with the Lengauer–Tarjan dominators.
 */
import { immediateDominators } from './dominators';
import type { RequestGraph } from './requestGraph';

export interface CriticalComponents {
  /** 1 when the component has a route to a datastore (datastores themselves included). */
  reachesData: Uint8Array;
  /** 1 for a component (never a client) that lies on every route of some client. */
  critical: Uint8Array;
}

export function findCriticalComponents(graph: RequestGraph): CriticalComponents {
  const { components, roles, active, arcFrom, arcTo } = graph;
  const n = components.length;
  const root = n;
  // Reversed arcs plus root → datastore, in compressed rows.
  const start = new Int32Array(n + 2);
  for (let a = 0; a < arcTo.length; a++) start[arcTo[a]! + 1]!++;
  for (let v = 0; v < n; v++) if (active[v] === 1 && roles[v] === 'datastore') start[root + 1]!++;
  for (let v = 0; v <= n; v++) start[v + 1]! += start[v]!;
  const list = new Int32Array(start[n + 1]!);
  const fill = start.slice(0, n + 1);
  for (let a = 0; a < arcTo.length; a++) list[fill[arcTo[a]!]!++] = arcFrom[a]!;
  for (let v = 0; v < n; v++) if (active[v] === 1 && roles[v] === 'datastore') list[fill[root]!++] = v;

  const idom = immediateDominators(n + 1, start, list, root);
  const reachesData = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (idom[v] !== -1) reachesData[v] = 1;

  const critical = new Uint8Array(n);
  const walked = new Uint8Array(n + 1);
  walked[root] = 1;
  for (let c = 0; c < n; c++) {
    if (roles[c] !== 'client' || reachesData[c] === 0) continue;
    for (let v = idom[c]!; walked[v] === 0; v = idom[v]!) {
      walked[v] = 1;
      if (roles[v] !== 'client') critical[v] = 1;
    }
  }
  return { reachesData, critical };
}
