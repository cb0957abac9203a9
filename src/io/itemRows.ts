/**
 * Which rows of the diagram each item of React Flow's viewport (a component, a connection) paints,
 * so that an export drawn in bands copies into each band only the items that reach into it.
 */
import { yieldToMain } from './yieldToMain';

/** Flow units added above and below an item: strokes, arrowheads, shadows and badges past its box. */
export const ITEM_MARGIN = 32;

export interface ItemRows {
  /** Items and their top and bottom in flow units (margin included); items not listed are kept in every band. */
  readonly rows: ReadonlyMap<Element, readonly [number, number]>;
}

/**
 * Reads every grandchild of `viewport` (see `copyItems`), a slice at a time: the first read lays
 * the freshly mounted canvas out, the rest are cheap. Connections are `<svg>`s whose own box is
 * not what they draw, so their children's boxes are used.
 */
export async function measureItemRows(viewport: HTMLElement, signal?: AbortSignal): Promise<ItemRows> {
  const rows = new Map<Element, readonly [number, number]>();
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a || 1;
  const origin = viewport.getBoundingClientRect().top;
  const items = Array.from(viewport.children).flatMap((container) => Array.from(container.children));
  let sliceStart = performance.now();
  for (const item of items) {
    const parts = item instanceof SVGSVGElement ? Array.from(item.children) : [item];
    let top = Infinity;
    let bottom = -Infinity;
    for (const part of parts) {
      const rect = part.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      top = Math.min(top, rect.top);
      bottom = Math.max(bottom, rect.bottom);
    }
    if (top <= bottom) rows.set(item, [(top - origin) / zoom - ITEM_MARGIN, (bottom - origin) / zoom + ITEM_MARGIN]);
    if (performance.now() - sliceStart > 30) {
      await yieldToMain(signal);
      sliceStart = performance.now();
    }
  }
  return { rows };
}

/** Whether `item` paints any of the flow rows `top` to `bottom`. */
export function paintsRows(items: ItemRows, item: Element, top: number, bottom: number): boolean {
  const range = items.rows.get(item);
  return !range || (range[0] < bottom && range[1] > top);
}
