import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, planExportSize } from '../../src/io/exportImage';

const fitsCanvas = (plan: { width: number; height: number; scale: number }) =>
  Math.floor(plan.width * plan.scale) <= MAX_CANVAS_SIDE &&
  Math.floor(plan.height * plan.scale) <= MAX_CANVAS_SIDE &&
  Math.floor(plan.width * plan.scale) * Math.floor(plan.height * plan.scale) <= MAX_CANVAS_AREA;

describe('planExportSize', () => {
  it('frames the bounds with padding on every side at the asked scale', () => {
    expect(planExportSize({ x: -40, y: 10, width: 800, height: 600 }, 2, 24)).toEqual({ width: 848, height: 648, scale: 2 });
    expect(planExportSize({ x: 0, y: 0, width: 100.2, height: 50.5 }, 3, 0)).toEqual({ width: 101, height: 51, scale: 3 });
  });

  it('keeps the scale when the canvas is exactly at the limit', () => {
    expect(planExportSize({ x: 0, y: 0, width: 8192, height: 100 }, 2, 0)).toEqual({ width: 8192, height: 100, scale: 2 });
  });

  it('lowers the scale for a wide diagram and says so', () => {
    const plan = planExportSize({ x: 0, y: 0, width: 9000, height: 400 }, 3, 20);
    expect(plan.width).toBe(9040);
    expect(plan.scale).toBeLessThan(3);
    expect(plan.scale).toBeGreaterThan(1.8);
    expect(fitsCanvas(plan)).toBe(true);
    expect(plan.notice).toMatch(/3× image/);
    expect(plan.notice).toMatch(/16,384/);
    expect(plan.notice).toContain(`${plan.scale}×`);
  });

  it('goes below 1× for a diagram larger than any canvas, never cropping', () => {
    const plan = planExportSize({ x: 0, y: 0, width: 50_000, height: 2_000 }, 1, 0);
    expect(plan).toMatchObject({ width: 50_000, height: 2_000 });
    expect(plan.scale).toBeLessThan(1);
    expect(fitsCanvas(plan)).toBe(true);
    expect(plan.notice).toMatch(/smaller than on screen/);
  });

  it('respects the area limit for a diagram big in both directions', () => {
    const plan = planExportSize({ x: 0, y: 0, width: 15_000, height: 15_000 }, 2, 0);
    expect(fitsCanvas(plan)).toBe(true);
    expect(plan.scale).toBeGreaterThan(1);
  });

  it('stays within the canvas for every size and scale', () => {
    for (let width = 1; width < 200_000; width = Math.ceil(width * 1.37)) {
      for (const height of [1, 333, 5_461, 16_384, 40_000]) {
        for (const scale of [1, 2, 3]) {
          const plan = planExportSize({ x: 0, y: 0, width, height }, scale, 16);
          expect(fitsCanvas(plan), `${width}×${height} at ${scale}`).toBe(true);
          expect(plan.scale).toBeGreaterThan(0);
          expect(plan.scale).toBeLessThanOrEqual(scale);
          expect(plan.notice !== undefined).toBe(plan.scale !== scale);
        }
      }
    }
  });

  it('survives empty and nonsense bounds', () => {
    expect(planExportSize({ x: 0, y: 0, width: 0, height: 0 }, 2, 0)).toEqual({ width: 1, height: 1, scale: 2 });
    expect(planExportSize({ x: NaN, y: 0, width: NaN, height: Infinity }, 2, -5)).toEqual({ width: 1, height: 1, scale: 2 });
  });
});
