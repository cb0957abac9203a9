/**
 * Runs `work` once the browser is idle after the page's first paint (not at all outside a
 * browser: tests and the CLI have no page to keep light).
 */
export function whenIdle(work: () => void): void {
  if (typeof window === 'undefined') return;
  const later = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 2000));
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
