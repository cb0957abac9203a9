/**
 * The worker's side of the protocol, kept apart from the worker's wiring so Node tests can run
 * it: one `{ id, diagram, options }` in, one `{ id, outcome }` out, whatever arrives.
 */
import { LAYOUT_DIRECTIONS, type Diagram, type LayoutDirection } from '../model/diagram';
import { layoutDiagram } from './layoutDiagram';
import { layoutFailure, type ElkLike, type LayoutResponse } from './layoutTypes';

export async function answerLayoutRequest(data: unknown, elk: ElkLike): Promise<LayoutResponse | undefined> {
  if (typeof data !== 'object' || data === null || !('id' in data) || typeof data.id !== 'number') return undefined;
  const { id } = data;
  const diagram = 'diagram' in data ? data.diagram : undefined;
  if (
    typeof diagram !== 'object' ||
    diagram === null ||
    !('nodes' in diagram) ||
    !Array.isArray(diagram.nodes) ||
    !('edges' in diagram) ||
    !Array.isArray(diagram.edges)
  ) {
    return { id, outcome: layoutFailure('failed', 'The layout worker received no diagram.') };
  }
  const options = 'options' in data && typeof data.options === 'object' && data.options !== null ? data.options : {};
  const { direction, sizes } = options as { direction?: unknown; sizes?: unknown };
  const known = LAYOUT_DIRECTIONS.find((d) => d === direction);
  // The shape was checked as far as the adapter relies on; it guards the rest itself.
  const outcome = await layoutDiagram(diagram as Diagram, {
    ...(known ? { direction: known satisfies LayoutDirection } : {}),
    ...(sizes instanceof Map ? { sizes } : {}),
    elk,
  });
  return { id, outcome };
}
