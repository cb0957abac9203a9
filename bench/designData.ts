/**
 * Design data for the validator benchmark: on a generated architecture, one requirement per ten
 * paths, an endpoint on every tenth server, an entity on every datastore, and `pathCount` request
 * paths, each a walk along the drawn edges from a client (bottom-up) until a datastore or eight
 * steps. Deterministic, like the diagram it decorates.
 */
import { roleOf } from '../src/model/catalog';
import type { Diagram } from '../src/model/diagram';
import type { EndpointInput, EntityInput, FlowInput, PathInput, RequirementInput } from '../src/model/flowGraph';

export function withDesignData(diagram: Diagram, pathCount: number): FlowInput {
  const roles = new Map(diagram.nodes.map((node) => [node.id, roleOf(node)]));
  const next = new Map<string, string[]>();
  for (const edge of diagram.edges) {
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
    if (edge.bidirectional === true) next.set(edge.target, [...(next.get(edge.target) ?? []), edge.source]);
  }
  const clients = diagram.nodes.filter((node) => roles.get(node.id) === 'client').map((node) => node.id);
  const servers = diagram.nodes.filter((node) => roles.get(node.id) === 'server').map((node) => node.id);
  const stores = diagram.nodes.filter((node) => roles.get(node.id) === 'datastore').map((node) => node.id);

  const requirements: RequirementInput[] = [];
  for (let r = 0; r < Math.ceil(pathCount / 10); r++) {
    requirements.push({ id: `req-${r}`, text: `Requirement ${r}`, priority: r % 3 === 0 ? 'should' : 'must' });
  }
  const endpoints: EndpointInput[] = servers
    .filter((_, i) => i % 10 === 0)
    .map((node, i) => ({ id: `ep-${i}`, node, method: 'GET', path: `/v1/things/${i}`, requirements: [`req-${i % requirements.length}`] }));
  const entities: EntityInput[] = stores.map((node, i) => ({ id: `ent-${i}`, node, name: `Thing${i}` }));

  const paths: PathInput[] = [];
  for (let p = 0; p < pathCount; p++) {
    const steps = [clients[p % clients.length]!];
    for (let k = 0; k < 8 && roles.get(steps[steps.length - 1]!) !== 'datastore'; k++) {
      const options = next.get(steps[steps.length - 1]!) ?? [];
      if (options.length === 0) break;
      steps.push(options[(p * 7 + k) % options.length]!);
    }
    paths.push({
      id: `path-${p}`,
      name: `Use case ${p}`,
      steps,
      requirement: `req-${p % requirements.length}`,
      ...(endpoints.length > 0 ? { endpoint: `ep-${p % endpoints.length}` } : {}),
    });
  }
  return { ...diagram, requirements, endpoints, entities, paths };
}
