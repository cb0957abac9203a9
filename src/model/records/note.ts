/**
 * A sticky note on the canvas: free text, a colour, a place and a size. Pinned to a component,
 * its position is relative to that component's, so it moves (and lays out) with it. The
 * validator ignores notes; files, links and exports keep them.
 */
import { LIMITS } from '../limits';
import { PointRecord, SizeRecord } from './geometry';
import type { z } from './fields';
import { id, oneOf, record, text, withoutUndefined } from './fields';

export const NOTE_COLORS = ['yellow', 'blue', 'green', 'pink', 'purple', 'grey'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/** The shape, in the order a file writes the fields. */
export const NOTE_SHAPE = {
  id: id(),
  text: text(LIMITS.maxNotesLength, { multiline: true }),
  color: oneOf(NOTE_COLORS, 'a note colour').optional(),
  /** Absolute, or relative to the pinned component's position when `pin` is set. */
  position: PointRecord,
  size: SizeRecord.optional(),
  /** The id of the component the note moves with. */
  pin: id().optional(),
};

/** Fields that hold a node's id. */
export const NOTE_NODE_REFERENCES = ['pin'] as const;

export const NoteRecord = record(NOTE_SHAPE).overwrite(withoutUndefined);
export type DiagramNote = z.output<typeof NoteRecord>;
