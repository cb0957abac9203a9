import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planExportSize } from '../../src/io/exportPlan';
import { effectiveDirection } from '../../src/model/layoutDirection';
import type { Diagram } from '../../src/model/diagram';
import { LIGHT_PALETTE } from '../../src/paint/palette';
import { paintScene } from '../../src/paint/paintScene';
import { buildScene, type PaintInput } from '../../src/paint/scene';
import { arbitraryDiagram } from '../model/arbitraries';
import { TEN_PX } from './tenPx';

/** A Canvas 2D context that accepts every call and records what text it was asked to draw. */
function recordingContext() {
  const texts: string[] = [];
  const target: Record<string, unknown> = {
    texts,
    measureText: (text: string) => ({ width: text.length * 7, fontBoundingBoxAscent: 10, fontBoundingBoxDescent: 3 }),
    fillText: (text: string) => texts.push(text),
  };
  return new Proxy(target, {
    get: (t, key: string) => (key in t ? t[key] : () => {}),
    set: (t, key: string, value) => {
      t[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D & { texts: string[] };
}

beforeAll(() => {
  // Node has no Path2D: a stand-in that takes path data and rounded rectangles.
  (globalThis as Record<string, unknown>).Path2D ??= class {
    roundRect() {}
    rect() {}
    addPath() {}
  };
});

function inputOf(diagram: Diagram, extra: Partial<PaintInput> = {}): PaintInput {
  return {
    nodes: diagram.nodes,
    edges: diagram.edges,
    notes: diagram.notes ?? [],
    direction: effectiveDirection(diagram),
    measured: new Map(),
    overlay: null,
    pathSteps: diagram.paths?.[0]?.steps ?? null,
    designBadges: new Map(),
    ...extra,
  };
}

describe('painting any valid document', () => {
  it('places every node inside the image, and never throws while painting it', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), fc.constantFrom(1, 2, 3), fc.integer({ min: 0, max: 400 }), (diagram, scale, padding) => {
        const overlay = {
          nodes: new Map(diagram.nodes.map((n, i) => [n.id, ['ok|0.5|', 'hot|0.9|spof', 'overloaded|1.5|', 'down||', 'cutoff||'][i % 5]!])),
          edgeRate: new Map(diagram.edges.map((e) => [e.id, '1,200/s'])),
          edgeTraffic: new Map(diagram.edges.map((e, i) => [e.id, i % 6])),
          downGroups: new Set(diagram.nodes.filter((n) => n.kind === 'group').map((n) => n.id)),
        };
        const scene = buildScene(inputOf(diagram, { overlay }), TEN_PX, LIGHT_PALETTE);
        const plan = planExportSize(scene.bounds, scale, padding);
        const dx = padding + (plan.width - 2 * padding - scene.bounds.width) / 2 - scene.bounds.x;
        const dy = padding + (plan.height - 2 * padding - scene.bounds.height) / 2 - scene.bounds.y;
        for (const item of scene.items) {
          if (item.type === 'edge') continue;
          const width = item.type === 'component' ? item.layout.width : item.width;
          const height = item.type === 'component' ? item.layout.height : item.height;
          expect(item.x + dx).toBeGreaterThanOrEqual(-1e-6);
          expect(item.y + dy).toBeGreaterThanOrEqual(-1e-6);
          expect(item.x + width + dx).toBeLessThanOrEqual(plan.width + 1e-6);
          expect(item.y + height + dy).toBeLessThanOrEqual(plan.height + 1e-6);
        }
        const ctx = recordingContext();
        paintScene(ctx, scene, LIGHT_PALETTE, { scale: plan.scale, dx, dy, background: '#fff', width: 10, height: 10 });
        // Every component's name is drawn (whole, or wrapped into lines that make it up).
        const drawn = ctx.texts.join('');
        for (const node of diagram.nodes) if (node.kind !== 'group' && node.label.trim()) expect(drawn.replace(/\s/g, '')).toContain(node.label.replace(/\s/g, '').slice(0, 1));
      }),
      { numRuns: 150 },
    );
  });

  it('draws each connection label and rate in its pill, centred on the line', () => {
    const diagram: Diagram = {
      title: 't',
      nodes: [
        { id: 'a', kind: 'web-client', label: 'Web', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'api-server', label: 'API', position: { x: 300, y: 0 } },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', label: 'orders', protocol: 'HTTPS' }],
    } as Diagram;
    const scene = buildScene(inputOf(diagram, { overlay: { nodes: new Map(), edgeRate: new Map([['e', '40/s']]), edgeTraffic: new Map(), downGroups: new Set() } }), TEN_PX, LIGHT_PALETTE);
    const edge = scene.items.find((i) => i.type === 'edge');
    expect(edge?.type === 'edge' && edge.label).toMatchObject({ text: 'orders · HTTPS', width: 140 + 12, height: 13 + 6 });
    // The rate pill sits 20 px under the label, sized from its text's length.
    expect(edge?.type === 'edge' && edge.rate).toMatchObject({ text: '40/s', y: (edge as { label: { y: number } }).label.y + 20, width: 4 * 6.6 + 12 });
  });
});
