/**
 * A value that, while `throttling`, changes at most once per `intervalMs` (the latest one at each
 * deadline), and otherwise follows at once. The Capacity panel's lists follow the multiplier at a
 * few updates a second while it moves, leaving the frames to the canvas.
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, intervalMs: number, throttling: boolean): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    if (!throttling) return;
    // A fixed deadline from the last update: a newer value replaces the timer, not the deadline.
    const wait = Math.max(0, lastShown.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastShown.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, throttling, intervalMs]);
  return throttling ? shown : value;
}
