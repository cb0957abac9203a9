import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesInRect, buildPictureScene, diagramBounds, edgesOnPath, hitTest, stepsByNode, type SceneInputs } from '../../src/canvas/pictureScene';
import type { Diagram } from '../../src/model/diagram';
import { recordsFromDiagram } from '../../src/model/recordsDiff';

/** A team group holding an API, a client outside it, a database, and a note pinned to the client. */
const diagram: Diagram = {
  title: 'Shop',
  flow: 'bottom-up',
  nodes: [
    { id: 'team', kind: 'group', label: 'Orders team', position: { x: 1000, y: 0 }, size: { width: 600, height: 400 } },
    { id: 'api', kind: 'api-server', label: 'Orders API', parent: 'team', position: { x: 40, y: 60 } },
    { id: 'web', kind: 'web-client', label: 'Shop', position: { x: 0, y: 600 } },
    { id: 'db', kind: 'sql-database', label: 'Orders DB', tech: 'Postgres', position: { x: 1040, y: -400 } },
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'api' },
    { id: 'e2', source: 'api', target: 'db', mode: 'async', route: [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }] },
  ],
  notes: [{ id: 'n1', text: 'Checkout', position: { x: 0, y: -150 }, pin: 'web' }],
};

function inputs(d: Diagram = diagram, measured = new Map()): SceneInputs {
  const doc = recordsFromDiagram(d);
  return { nodes: doc.nodes, edges: doc.edges, notes: doc.notes, measured, direction: 'up' };
}

describe('the far view picture', () => {
  it('places children inside their group and pinned notes by their component, groups painted first', () => {
    const scene = buildPictureScene(inputs());
    expect(scene.boxes.map((b) => b.id)).toEqual(['team', 'api', 'web', 'db', 'note:n1']);
    const api = scene.byId.get('api')!;
    expect([api.x, api.y]).toEqual([1040, 60]);
    expect(scene.byId.get('note:n1')).toMatchObject({ x: 0, y: 450, kind: 'note', label: 'Checkout' });
    expect(scene.byId.get('db')).toMatchObject({ label: 'Orders DB', sub: 'Postgres', role: 'datastore' });
    expect(scene.nodeCount).toBe(4);
  });

  it('draws a connection along its layout route, else from the source side to the target side', () => {
    const scene = buildPictureScene(inputs());
    const [e1, e2] = scene.lines;
    // Bottom-up: leaves a component at its top, enters the next at its bottom.
    const web = scene.byId.get('web')!;
    const api = scene.byId.get('api')!;
    expect(e1!.points).toEqual([
      { x: web.x + web.w / 2, y: web.y },
      { x: api.x + api.w / 2, y: api.y + api.h },
    ]);
    expect(e2!.points).toHaveLength(3);
    expect(e2).toMatchObject({ async: true, minX: 1, maxY: 6 });
  });

  it('sizes a node as React Flow measured it, when it did', () => {
    const scene = buildPictureScene(inputs(diagram, new Map([['web', { width: 300, height: 90 }]])));
    expect(scene.byId.get('web')).toMatchObject({ w: 300, h: 90 });
  });

  it('hits what lies on top: a component over its group, the group around it, nothing on empty canvas', () => {
    const scene = buildPictureScene(inputs());
    const api = scene.byId.get('api')!;
    expect(hitTest(scene, { x: api.x + 5, y: api.y + 5 })?.id).toBe('api');
    expect(hitTest(scene, { x: 1590, y: 390 })?.id).toBe('team');
    expect(hitTest(scene, { x: 700, y: 300 })).toBeNull();
    // A box a few pixels across far out is still hit a little beside it.
    expect(hitTest(scene, { x: api.x - 10, y: api.y + 5 })?.id).toBe('team');
    expect(hitTest(scene, { x: -10, y: 610 }, 20)?.id).toBe('web');
    expect(hitTest(scene, { x: -10, y: 610 })).toBeNull();
  });

  it('box-selects components and groups wholly inside, never notes', () => {
    const scene = buildPictureScene(inputs());
    expect(boxesInRect(scene, { x: -50, y: -500, width: 2000, height: 2000 }).map((b) => b.id)).toEqual(['team', 'api', 'web', 'db']);
    expect(boxesInRect(scene, { x: 990, y: -10, width: 300, height: 300 }).map((b) => b.id)).toEqual(['api']);
  });

  it('fits the whole diagram, or the nodes asked for', () => {
    const all = diagramBounds(inputs())!;
    expect(all.x).toBe(0);
    expect(all.y).toBe(-400);
    expect(all.x + all.width).toBe(1600);
    expect(diagramBounds(inputs(), new Set(['api']))).toMatchObject({ x: 1040, y: 60 });
    expect(diagramBounds(inputs({ ...diagram, nodes: [], edges: [], notes: [] }))).toBeNull();
  });

  it('numbers path steps per component and finds the connections between consecutive steps', () => {
    expect([...stepsByNode(['web', 'api', 'db', 'api'])]).toEqual([
      ['web', '1'],
      ['api', '2, 4'],
      ['db', '3'],
    ]);
    const edges = [
      { id: 'e1', source: 'web', target: 'api' },
      { id: 'e2', source: 'db', target: 'api' },
      { id: 'e3', source: 'web', target: 'db' },
    ];
    expect([...edgesOnPath(['web', 'api', 'db'], edges)]).toEqual(['e1', 'e2']);
  });

  it('hits the box a point lies in, for any grid of boxes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, pick, fx, fy) => {
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'api-server', label: `C${i}`, position: { x: (i % 5) * 300, y: Math.floor(i / 5) * 200 } }));
        const scene = buildPictureScene(inputs({ title: 'g', flow: 'top-down', nodes, edges: [] }));
        const box = scene.boxes[pick % n]!;
        const hit = hitTest(scene, { x: box.x + fx * box.w, y: box.y + fy * box.h });
        expect(hit?.id).toBe(box.id);
      }),
    );
  });
});
