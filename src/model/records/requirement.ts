/**
 * A functional requirement: what the product must do ("Users shorten a long URL"), with a
 * priority. File order is the order the Design region lists them in.
 */
import { LIMITS } from '../limits';
import type { z } from './fields';
import { id, oneOf, record, text, withoutUndefined } from './fields';

export const PRIORITIES = ['must', 'should', 'could'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The shape, in the order a file writes the fields. */
export const REQUIREMENT_SHAPE = {
  id: id(),
  text: text(LIMITS.maxLabelLength),
  priority: oneOf(PRIORITIES, 'a priority'),
};

export const RequirementRecord = record(REQUIREMENT_SHAPE).overwrite(withoutUndefined);
export type DiagramRequirement = z.output<typeof RequirementRecord>;
