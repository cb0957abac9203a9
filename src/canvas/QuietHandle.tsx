/**
 * A component's connection point while nobody is about to use it: the same element React Flow's
 * `Handle` draws (classes and data attributes, so React Flow measures it, finds it under a
 * connection being dropped, and the styles apply), without `Handle`'s store subscription.
 *
 * Why: every mounted `Handle` runs a selector on every change of React Flow's store, two per
 * component; with a whole big diagram in view that was a good part of each frame while an auto
 * layout was revealed (BENCHMARKS.md, 2026-12-03). A node swaps in the real `Handle` (which can
 * start a connection) while the pointer is over it or it is selected.
 */
import { useNodeId, useStoreApi, type Position } from '@xyflow/react';
import { memo } from 'react';

function QuietHandleView({ type, position, className }: { type: 'source' | 'target'; position: Position; className?: string }) {
  const nodeId = useNodeId();
  // Read once: the canvas's id never changes, so no subscription.
  const rfId = useStoreApi().getState().rfId;
  return (
    <div
      data-nodeid={nodeId}
      data-handlepos={position}
      data-id={`${rfId}-${nodeId}-null-${type}`}
      className={`react-flow__handle react-flow__handle-${position} nodrag nopan ${className ?? ''} ${type} connectable connectablestart connectableend connectionindicator`}
    />
  );
}

export const QuietHandle = memo(QuietHandleView);

/**
 * True on a device that cannot hover (a touch screen): there the first touch is already the drag,
 * too late to swap in the real `Handle`, so components keep real handles all the time.
 */
export const POINTER_CANNOT_HOVER = typeof matchMedia === 'function' && matchMedia('(hover: none)').matches;
