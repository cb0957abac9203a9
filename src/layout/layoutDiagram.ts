/**
 * Auto layout: one call that turns a diagram into a clean layered drawing, with clients,
 * servers and datastores in their bands along the flow. Runs the same in Node (CLI, tests) and
 * in the layout worker; it never throws, every failure comes back as an outcome.
 */
import { LAYOUT_DIRECTIONS, type Diagram, type LayoutDirection } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { applyElkLayout } from './applyLayout';
import { defaultDirection } from './direction';
import { buildElkGraph } from './elkGraph';
import { layoutFailure, type ElkLike, type LayoutOptions, type LayoutOutcome } from './layoutTypes';

export { defaultDirection } from './direction';
export type { ElkLike, LayoutErrorCode, LayoutOptions, LayoutOutcome } from './layoutTypes';

let sharedElk: Promise<ElkLike> | undefined;

/** Loaded on first use, so importing this module costs nothing until a layout runs. */
function defaultElk(): Promise<ElkLike> {
  sharedElk ??= import('./nodeElk').then(({ createElk }) => createElk());
  return sharedElk;
}

function chooseDirection(diagram: Diagram, requested: LayoutDirection | undefined): LayoutDirection {
  for (const candidate of [requested, diagram.layout?.direction]) {
    if (candidate !== undefined && LAYOUT_DIRECTIONS.includes(candidate)) return candidate;
  }
  return defaultDirection(diagram.flow);
}

function describe(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  if (error instanceof RangeError || /call stack/i.test(raw)) {
    return 'The diagram is too deeply chained for the layout engine (it ran out of stack).';
  }
  return `The layout engine failed: ${raw || 'unknown error'}`;
}

export async function layoutDiagram(diagram: Diagram, options: LayoutOptions = {}): Promise<LayoutOutcome> {
  const direction = chooseDirection(diagram, options.direction);
  try {
    if (diagram.nodes.length > LIMITS.maxNodes || diagram.edges.length > LIMITS.maxEdges) {
      return layoutFailure(
        'too-large',
        `Auto layout handles at most ${LIMITS.maxNodes} nodes and ${LIMITS.maxEdges} edges.`,
      );
    }
    const built = buildElkGraph(diagram, direction, options.sizes);
    if (!built.ok) return layoutFailure('failed', built.message);
    const elk = options.elk ?? (await defaultElk());
    const result = await elk.layout(built.plan.graph);
    return applyElkLayout(diagram, direction, built.plan, result);
  } catch (error) {
    return layoutFailure('failed', describe(error));
  }
}
