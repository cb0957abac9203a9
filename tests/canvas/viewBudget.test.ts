import { describe, expect, it } from 'vitest';
import { MIN_ZOOM, VIEW_BUDGET, drawsPicture, mountZoomFor } from '../../src/canvas/viewBudget';

/** `n` nodes of 180 × 64 on a grid with the spacing auto layout gives (208 × 120). */
function grid(n: number, columns = Math.ceil(Math.sqrt(n))) {
  return Array.from({ length: n }, (_, i) => ({ position: { x: (i % columns) * 208, y: Math.floor(i / columns) * 120 }, measured: { width: 180, height: 64 } }));
}

const CANVAS = { width: 1100, height: 800 };

/** How many grid nodes a view of CANVAS holds at `zoom` (every node whose box overlaps the view). */
function inView(n: number, zoom: number): number {
  const w = CANVAS.width / zoom;
  const h = CANVAS.height / zoom;
  return Math.min(n, Math.ceil(w / 208 + 1) * Math.ceil(h / 120 + 1));
}

describe('view budget', () => {
  it('lets diagrams the canvas can draw whole be zoomed out freely', () => {
    expect(mountZoomFor(grid(10), CANVAS)).toBe(MIN_ZOOM);
    expect(mountZoomFor(grid(400), CANVAS)).toBe(MIN_ZOOM);
  });

  it('keeps a view of a big diagram to about the budget, whatever its size', () => {
    for (const n of [1_000, 5_000, 20_000]) {
      const zoom = mountZoomFor(grid(n), CANVAS);
      expect(zoom).toBeGreaterThan(MIN_ZOOM);
      const visible = inView(n, zoom);
      expect(visible, `${n} nodes at zoom ${zoom}`).toBeLessThanOrEqual(VIEW_BUDGET * 1.3);
      expect(visible).toBeGreaterThanOrEqual(VIEW_BUDGET * 0.7);
    }
  });

  it('counts children inside their group, and a pile of nodes at one spot as big', () => {
    const group = { position: { x: 0, y: 0 }, measured: { width: 4_000, height: 4_000 } };
    const children = grid(2_000).map((c) => ({ ...c, parentId: 'g' }));
    expect(mountZoomFor([group, ...children], CANVAS)).toBeGreaterThan(MIN_ZOOM);
    const pile = Array.from({ length: 2_000 }, () => ({ position: { x: 5, y: 5 } }));
    expect(mountZoomFor(pile, CANVAS)).toBeGreaterThan(MIN_ZOOM);
    expect(mountZoomFor(grid(2_000), { width: 0, height: 0 })).toBe(MIN_ZOOM);
  });

  it('draws a big diagram as a picture only below the zoom at which its nodes mount, and never while exporting', () => {
    const mountZoom = mountZoomFor(grid(1_000), CANVAS);
    expect(drawsPicture(mountZoom / 2, mountZoom)).toBe(true);
    expect(drawsPicture(MIN_ZOOM, mountZoom)).toBe(true);
    expect(drawsPicture(mountZoom, mountZoom)).toBe(false);
    // Small diagrams mount at every zoom.
    expect(drawsPicture(MIN_ZOOM, mountZoomFor(grid(100), CANVAS))).toBe(false);
  });
});
