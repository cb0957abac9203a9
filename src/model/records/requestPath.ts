/**
 * A request path: how one use case travels through the diagram, as the components a request
 * visits in order, from an entry of the flow to an exit, with the requirement and the endpoint
 * it serves.
 */
import { LIMITS } from '../limits';
import type { z } from './fields';
import { id, list, record, text, withoutUndefined } from './fields';

/** The shape, in the order a file writes the fields. */
export const PATH_SHAPE = {
  id: id(),
  name: text(LIMITS.maxLabelLength),
  /** The requirement it serves. */
  requirement: id().optional(),
  /** The endpoint the request calls first. */
  endpoint: id().optional(),
  /** Node ids in the order a request visits them. */
  steps: list(id(), { max: LIMITS.maxListItems, what: 'steps' }).refine((steps) => steps.length > 0, {
    error: 'must name at least one component',
  }),
};

/** Fields that hold a list of node ids. */
export const PATH_NODE_LIST_REFERENCES = ['steps'] as const;

export const PathRecord = record(PATH_SHAPE).overwrite(withoutUndefined);
export type DiagramPath = z.output<typeof PathRecord>;
