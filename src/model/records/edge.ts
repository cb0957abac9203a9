/**
 * An edge between two nodes. Like NodeRecord, EdgeRecord is the one definition of its type,
 * parse, defaults and saved fields.
 */
import { LIMITS } from '../limits';
import { PointRecord } from './geometry';
import type { z } from './fields';
import { figure, flag, id, list, oneOf, optionalText, record, withoutUndefined } from './fields';

/** `async`: a hand-off (to a queue, a stream) that ends the synchronous part of a request. */
export const EDGE_MODES = ['sync', 'async'] as const;
export type EdgeMode = (typeof EDGE_MODES)[number];

/** The shape, in the order a file writes the fields. */
export const EDGE_SHAPE = {
  id: id(),
  source: id(),
  target: id(),
  label: optionalText(LIMITS.maxLabelLength),
  protocol: optionalText(LIMITS.maxLabelLength),
  bidirectional: flag(),
  /** Absent means sync. */
  mode: oneOf(EDGE_MODES, 'an edge mode').optional(),
  /** Fraction of the sender's load that takes this edge (capacity model); absent means 1. */
  share: figure({ min: 0, max: 1, what: 'a fraction from 0 to 1' }).optional(),
  /** Network time a request spends crossing the edge, in ms; absent means 0. */
  latencyMs: figure({ min: 0, max: LIMITS.maxFigure, what: 'a number of at least 0' }).optional(),
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
