/**
 * A view loaded after the first paint, so that the first paint's JavaScript does not carry panels
 * most sessions open later or never (BENCHMARKS.md, "Bundle"). Its code is fetched when the page
 * is first idle (so that it is there when the server or the network is gone later: an open app
 * keeps working offline), or at its first use if that comes sooner. Until it arrives nothing is
 * drawn in its place; a failed fetch draws nothing and is tried again, it never breaks the page.
 */
import { createElement, useEffect, useState, type ComponentType } from 'react';
import { whenIdle } from './whenIdle';

const RETRY_MS = 3000;

export function lazyView<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchView = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  whenIdle(() => void fetchView().catch(() => {}));

  function LazyView(props: P) {
    const [view, setView] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (view) return;
      let live = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = () =>
        fetchView().then(
          (v) => live && setView(() => v),
          () => {
            if (live) timer = setTimeout(attempt, RETRY_MS);
          },
        );
      void attempt();
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }, [view]);
    return view ? createElement(view, props) : null;
  }
  LazyView.displayName = `Lazy(${name})`;
  return LazyView;
}
