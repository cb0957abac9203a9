import type { Diagram, Flow, LayoutDirection } from './diagram';

/** The direction edges point by default: the flow rises from clients (bottom-up) or falls from data. */
export function defaultDirection(flow: Flow): LayoutDirection {
  return flow === 'bottom-up' ? 'up' : 'down';
}

/** The direction the diagram is drawn in: the user's choice, else the flow's. */
export function effectiveDirection(diagram: Pick<Diagram, 'flow' | 'layout'>): LayoutDirection {
  return diagram.layout?.direction ?? defaultDirection(diagram.flow);
}
