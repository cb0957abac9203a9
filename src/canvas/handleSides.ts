import { Position } from '@xyflow/react';
import type { LayoutDirection } from '../model/diagram';

/** Handles follow the drawing direction: edges enter on the side they come from. */
export function handleSides(direction: LayoutDirection): { target: Position; source: Position } {
  switch (direction) {
    case 'up':
      return { target: Position.Bottom, source: Position.Top };
    case 'down':
      return { target: Position.Top, source: Position.Bottom };
    case 'right':
      return { target: Position.Left, source: Position.Right };
    case 'left':
      return { target: Position.Right, source: Position.Left };
  }
}
