/**
 * What keeps a big diagram from freezing the page on open (issue 17, item 4), as the store sees
 * it: React Flow is told a size and handles for nodes it has not drawn, so it mounts only those
 * in view; and a big diagram's check runs after the change is drawn, not inside it.
 */
import { describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../bench/architecture';
import { chain } from '../fixtures/diagramBuilder';
import { createTestStore } from './testStore';
import { VALIDATE_LATER_FROM } from '../../src/store/validation';

const node = (editor: ReturnType<typeof createTestStore>, id: string) => editor.s.nodes.find((n) => n.id === id)!;

describe('nodes React Flow has not drawn', () => {
  it('carry a presumed size and handles until measured, then the measured size alone', () => {
    const editor = createTestStore({ initial: chain() });
    // Bottom-up: edges leave a component at its top and enter at its bottom.
    const api = node(editor, 'api');
    expect(api.measured).toEqual({ width: 168, height: 60 });
    expect(api.handles).toEqual([
      { type: 'target', position: 'bottom', x: 81, y: 54.5, width: 9, height: 9 },
      { type: 'source', position: 'top', x: 81, y: -3.5, width: 9, height: 9 },
    ]);
    editor.s.onNodesChange([{ type: 'dimensions', id: 'api', dimensions: { width: 168, height: 76 } }]);
    expect(node(editor, 'api').measured).toEqual({ width: 168, height: 76 });
    // React Flow keeps the handles it measured on the drawn node.
    expect(node(editor, 'api').handles).toBeUndefined();
    // Nodes not measured keep their objects.
    expect(node(editor, 'web')).toBe(editor.s.nodes.find((n) => n.id === 'web'));
  });

  it('move their presumed handles with the drawing direction', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.setLayoutDirection('right');
    expect(node(editor, 'db').handles!.map((h) => [h.type, h.position, h.x, h.y])).toEqual([
      ['target', 'left', -0.5, 25.5],
      ['source', 'right', 162.5, 25.5],
    ]);
  });

  it('a group presumes its own size and has no handles', () => {
    const editor = createTestStore({
      initial: {
        title: 'T',
        flow: 'bottom-up',
        nodes: [{ id: 'vpc', kind: 'group', label: 'VPC', position: { x: 0, y: 0 }, size: { width: 500, height: 300 } }],
        edges: [],
      },
    });
    expect(node(editor, 'vpc').measured).toEqual({ width: 500, height: 300 });
    expect(node(editor, 'vpc').handles).toEqual([]);
  });
});

describe('checking a big diagram', () => {
  function withLater() {
    const queued: (() => void)[] = [];
    const editor = createTestStore({ services: { later: (run) => void queued.push(run) } });
    return { editor, queued };
  }

  it('runs once, after the opening is drawn, and says so meanwhile', () => {
    const { editor, queued } = withLater();
    const big = architectureDiagram(4_000);
    expect(big.nodes.length + big.edges.length).toBeGreaterThanOrEqual(VALIDATE_LATER_FROM);
    editor.s.loadDiagram(big);
    expect(editor.s.validation.pending).toBe(true);
    expect(editor.s.validation.report.findings).toEqual([]);
    // An edit before the check ran queues no second one.
    editor.s.select([big.nodes.at(-1)!.id], []);
    editor.s.deleteSelection();
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(editor.s.validation.pending).toBeUndefined();
    expect(editor.s.validation.input.nodes).toHaveLength(big.nodes.length - 1);
  });

  it('a small diagram is checked at once, and a queued check of a big one it replaced does nothing', () => {
    const { editor, queued } = withLater();
    editor.s.loadDiagram(architectureDiagram(4_000));
    editor.s.loadDiagram(chain());
    expect(editor.s.validation.pending).toBeUndefined();
    expect(editor.s.validation.report.valid).toBe(true);
    const small = editor.s.validation;
    queued.shift()!();
    expect(editor.s.validation).toBe(small);
  });
});
