/**
 * A callback that runs `apply` at most once per animation frame, with the last value given in
 * that frame. A range input fires several input events per frame while its thumb is dragged; the
 * capacity analysis and the canvas's restyle need to happen once per frame drawn, not per event.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useOncePerFrame<T>(apply: (value: T) => void): (value: T) => void {
  const latest = useRef(apply);
  const pending = useRef<{ value: T } | null>(null);
  const frame = useRef(0);
  useEffect(() => {
    latest.current = apply;
  }, [apply]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback((value: T) => {
    pending.current = { value };
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const next = pending.current;
      pending.current = null;
      if (next) latest.current(next.value);
    });
  }, []);
}
