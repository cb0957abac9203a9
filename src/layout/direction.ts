/**
 * Which way a layout runs: the flow picks the default, and every band check measures positions
 * along the same axis.
 */
import type { LayoutDirection, Point, Size } from '../model/diagram';

export { defaultDirection } from '../model/layoutDirection';

export function elkDirection(direction: LayoutDirection): 'UP' | 'DOWN' | 'LEFT' | 'RIGHT' {
  switch (direction) {
    case 'up':
      return 'UP';
    case 'down':
      return 'DOWN';
    case 'left':
      return 'LEFT';
    case 'right':
      return 'RIGHT';
  }
}

/**
 * The box's extent along the direction of the flow, as [start, end] with start < end: a box
 * whose end is below another box's start comes strictly earlier in the flow.
 */
export function flowExtent(direction: LayoutDirection, position: Point, size: Size): [number, number] {
  switch (direction) {
    case 'down':
      return [position.y, position.y + size.height];
    case 'up':
      return [-(position.y + size.height), -position.y];
    case 'right':
      return [position.x, position.x + size.width];
    case 'left':
      return [-(position.x + size.width), -position.x];
  }
}

/** A point placed `distance` along the flow from the origin, on the axis only. */
export function alongFlow(direction: LayoutDirection, distance: number): Point {
  switch (direction) {
    case 'down':
      return { x: 0, y: distance };
    case 'up':
      return { x: 0, y: -distance };
    case 'right':
      return { x: distance, y: 0 };
    case 'left':
      return { x: -distance, y: 0 };
  }
}
