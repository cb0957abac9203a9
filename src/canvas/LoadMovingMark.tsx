/**
 * While the load multiplier moves, marks React Flow's container `data-load-moving`: the traffic
 * dots, each component's ρ and each edge's rate pill wait (styles/11-capacity.css), and come
 * back when it rests. An attribute set here rather than a class in the canvas's render: the
 * canvas re-rendering on every start and stop re-rendered React Flow's 500 node and 700 edge
 * wrappers, a long frame at the first step (BENCHMARKS.md, 2026-12-03). React leaves an
 * attribute it does not manage alone.
 */
import { useStore } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { useEditor } from '../bindings/editorContext';

export function LoadMovingMark() {
  const moving = useEditor((s) => s.multiplierMoving);
  const container = useStore((s) => s.domNode);
  useLayoutEffect(() => {
    if (!container) return;
    container.toggleAttribute('data-load-moving', moving);
  }, [container, moving]);
  return null;
}
