/**
 * A view loaded the first time it is drawn (React.lazy), so that the first paint's JavaScript does
 * not carry panels most sessions never open (BENCHMARKS.md, "Bundle"). Until it arrives, nothing is
 * drawn in its place: the views that use it are never part of the first paint.
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';

export function lazyView<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): ComponentType<P> {
  const Lazy = lazy<ComponentType<P>>(() => load().then((module) => ({ default: module[name] })));
  function LazyView(props: P) {
    return <Suspense fallback={null}>{createElement(Lazy, props)}</Suspense>;
  }
  LazyView.displayName = `Lazy(${name})`;
  return LazyView;
}
