import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram } from '../../../src/model/diagram';
import { sketchOf } from '../../../src/model/practice/referenceSketch';
import { arbitraryDiagram } from '../arbitraries';

describe('the reference sketch', () => {
  it('draws boxes where the components are and lines from box edge to box edge', () => {
    const diagram: Diagram = {
      ...emptyDiagram('Two'),
      nodes: [
        { id: 'web', kind: 'web-client', label: 'Browser', position: { x: 0, y: 0 }, size: { width: 100, height: 50 } },
        { id: 'group', kind: 'group', label: 'Backend', position: { x: 0, y: 200 }, size: { width: 300, height: 150 } },
        { id: 'api', kind: 'api-server', label: '', parent: 'group', position: { x: 0, y: 50 }, size: { width: 100, height: 50 } },
      ],
      edges: [{ id: 'e1', source: 'web', target: 'api' }],
    };
    const { boxes, lines, bounds } = sketchOf(diagram, 10);
    // The grouped component sits at its group's position plus its own; an empty label shows the kind.
    expect(boxes.find((b) => b.id === 'api')).toMatchObject({ x: 0, y: 250, width: 100, height: 50, label: 'api-server', role: 'server' });
    expect(boxes.find((b) => b.id === 'group')?.role).toBe('group');
    // Straight down from the browser's bottom edge to the API's top edge.
    expect(lines).toEqual([{ id: 'e1', x1: 50, y1: 50, x2: 50, y2: 250 }]);
    expect(bounds).toEqual({ x: -10, y: -10, width: 320, height: 370 });
  });

  it('starts and ends every line on its boxes’ borders, and bounds hold every box', () => {
    fc.assert(
      fc.property(arbitraryDiagram(), (diagram) => {
        const { boxes, lines, bounds } = sketchOf(diagram);
        const byId = new Map(boxes.map((b) => [b.id, b]));
        const onBorder = (x: number, y: number, id: string) => {
          const b = byId.get(id)!;
          const inside = x >= b.x - 1e-6 && x <= b.x + b.width + 1e-6 && y >= b.y - 1e-6 && y <= b.y + b.height + 1e-6;
          const edge = [x - b.x, b.x + b.width - x, y - b.y, b.y + b.height - y].some((d) => Math.abs(d) < 1e-6);
          const centre = Math.abs(x - (b.x + b.width / 2)) < 1e-6 && Math.abs(y - (b.y + b.height / 2)) < 1e-6;
          return inside && (edge || centre);
        };
        const edges = new Map(diagram.edges.map((e) => [e.id, e]));
        for (const l of lines) {
          const e = edges.get(l.id)!;
          if (!onBorder(l.x1, l.y1, e.source) || !onBorder(l.x2, l.y2, e.target)) return false;
        }
        return boxes.every((b) => b.x >= bounds.x && b.y >= bounds.y && b.x + b.width <= bounds.x + bounds.width && b.y + b.height <= bounds.y + bounds.height);
      }),
    );
  });
});
