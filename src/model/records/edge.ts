/**
 * An edge between two nodes. Like NodeRecord, EdgeRecord is the one definition of its type,
 * parse, defaults and saved fields.
 */
import { LIMITS } from '../limits';
import { PointRecord } from './geometry';
import type { z } from './fields';
import { flag, id, list, optionalText, record, withoutUndefined } from './fields';

/** The shape, in the order a file writes the fields. */
export const EDGE_SHAPE = {
  id: id(),
  source: id(),
  target: id(),
  label: optionalText(LIMITS.maxLabelLength),
  protocol: optionalText(LIMITS.maxLabelLength),
  bidirectional: flag(),
  /**
   * Bend points from the last auto layout, in absolute canvas coordinates. Dropped as soon as
   * either end moves, so the edge falls back to its normal path.
   */
  route: list(PointRecord, { max: LIMITS.maxRoutePoints, what: 'route points' })
    .transform((points) => (points.length > 0 ? points : undefined))
    .optional(),
};

/** Fields of an edge that hold a node's id. */
export const EDGE_REFERENCES = ['source', 'target'] as const satisfies readonly (keyof typeof EDGE_SHAPE)[];

export const EdgeRecord = record(EDGE_SHAPE).overwrite(withoutUndefined);

export type DiagramEdge = z.output<typeof EdgeRecord>;
