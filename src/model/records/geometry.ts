/** Points and sizes, as every record that has a place or an extent stores them. */
import type { z } from './fields';
import { coordinate, record } from './fields';

export const PointRecord = record({ x: coordinate(), y: coordinate() });
export type Point = z.output<typeof PointRecord>;

/** A dimension: a coordinate that must also be greater than 0. */
function dimension() {
  return coordinate().refine((value) => value > 0, {
    error: (issue) => `must be greater than 0, found ${String(issue.input)}`,
  });
}

export const SizeRecord = record({ width: dimension(), height: dimension() });
export type Size = z.output<typeof SizeRecord>;


