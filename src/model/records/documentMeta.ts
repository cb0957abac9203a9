/**
 * What a diagram says about itself: its title, its flow and its preferred layout direction. One
 * definition of their type, parse, defaults and saved order, like the node and edge records.
 */
import { LIMITS } from '../limits';
import type { z } from './fields';
import { oneOf, record, text, withoutUndefined } from './fields';

export const FLOWS = ['bottom-up', 'top-down'] as const;
export type Flow = (typeof FLOWS)[number];

/** Direction the edges point after auto layout. Absent means: follow the flow. */
export const LAYOUT_DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
export type LayoutDirection = (typeof LAYOUT_DIRECTIONS)[number];

export const LayoutRecord = record({ direction: oneOf(LAYOUT_DIRECTIONS, 'a layout direction').optional() }).transform(
  // A layout that says nothing is the same as none: saving leaves it out.
  (layout): { direction?: LayoutDirection } | undefined =>
    layout.direction === undefined ? undefined : { direction: layout.direction },
);
export type DiagramLayout = NonNullable<z.output<typeof LayoutRecord>>;

/** The shape, in the order a file writes the fields. */
export const DOCUMENT_META_SHAPE = {
  title: text(LIMITS.maxLabelLength),
  flow: oneOf(FLOWS, 'a flow'),
  layout: LayoutRecord.optional(),
};

export const DocumentMetaRecord = record(DOCUMENT_META_SHAPE).overwrite(withoutUndefined);
export type DocumentMeta = z.output<typeof DocumentMetaRecord>;
