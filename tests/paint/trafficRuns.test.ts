import { getSmoothStepPath, Position } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trafficRuns } from '../../src/paint/trafficRuns';

describe('trafficRuns', () => {
  it('splits a rounded right-angled route into its straight runs, skipping the corners', () => {
    // Right 100, a corner of radius 8, down 50: the runs stop and start 8 px short of the corner.
    const runs = trafficRuns('M 0 0 L 92 0 Q 100 0 100 8 L 100 50');
    expect(runs).toHaveLength(2);
    expect(runs[0]).toEqual({ x: 0, y: 0, length: 92, angle: 0, offset: 0 });
    expect(runs[1]!.x).toBe(100);
    expect(runs[1]!.y).toBe(8);
    expect(runs[1]!.length).toBe(42);
    expect(runs[1]!.angle).toBe(90);
    // The corner counts about a quarter circle's length (chord 11.31 × 1.11) toward the offset.
    expect(runs[1]!.offset).toBeCloseTo(92 + Math.hypot(8, 8) * 1.11, 9);
  });

  it('reads React Flow’s smooth step paths, whatever their direction', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (tx, ty) => {
        const [path] = getSmoothStepPath({ sourceX: 0, sourceY: 0, sourcePosition: Position.Bottom, targetX: tx, targetY: ty, targetPosition: Position.Top, borderRadius: 8 });
        const runs = trafficRuns(path);
        // Every run is horizontal or vertical, and together they cover the route but its corners.
        for (const run of runs) expect(Math.abs(run.angle) % 90).toBeCloseTo(0, 9);
        const covered = runs.reduce((sum, run) => sum + run.length, 0);
        expect(covered).toBeLessThanOrEqual(Math.abs(tx) + Math.abs(ty) + 80);
        if (Math.abs(tx) + Math.abs(ty) > 100) expect(runs.length).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('draws no dots for a path it does not understand', () => {
    expect(trafficRuns('M 0 0 C 10 10 20 20 30 30')).toEqual([]);
    expect(trafficRuns('m 0 0 l 10 0')).toEqual([]);
    expect(trafficRuns('')).toEqual([]);
  });
});
