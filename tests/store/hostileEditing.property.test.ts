/**
 * Hostile input through every editing action (issue 17): control characters, lone surrogates,
 * 200-character ids and coordinates at the limit, then duplicate, paste, rename and move in any
 * order. Whatever happens, the document must still save and open again: an action that made an
 * unsaveable diagram would have autosave fail until the work was lost. And the canvas's view,
 * kept up to date record by record, must equal one derived afresh.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramNode, Point } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { effectiveDirection } from '../../src/model/layoutDirection';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { createFlowView } from '../../src/store/flowView';
import { createTestStore } from './testStore';

const HOSTILE_TEXT: readonly string[] = [
  'Orders\u000bAPI',
  'nul\u0000bell\u0007esc\u001b[2J',
  'lone \ud800 high',
  'lone \udfff low',
  `${'b'.repeat(999)}🚀`,
  `${'é'.repeat(LIMITS.maxLabelLength + 5)}`,
  'line\r\nbreak\u2028sep',
  '__proto__',
];

const text = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 12 }));

const id = fc.oneof(
  fc.constantFrom('x'.repeat(LIMITS.maxIdLength), `${'é'.repeat(LIMITS.maxIdLength - 1)}\u0007`, '12', '__proto__', 'constructor', 'a\u0000b', 'half\ud800'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
);

const extreme = fc.oneof(
  fc.constantFrom(LIMITS.maxCoordinate, -LIMITS.maxCoordinate, LIMITS.maxCoordinate - 10, -0, 0.005, 1e308, -1e308, Number.NaN, Infinity),
  fc.double({ min: -2 * LIMITS.maxCoordinate, max: 2 * LIMITS.maxCoordinate, noNaN: true }),
);
const within = fc.double({ min: -LIMITS.maxCoordinate, max: LIMITS.maxCoordinate, noNaN: true }).map((v) => (v === 0 ? 0 : v));

/** Diagrams a file could hold, with the most awkward ids, texts and places. */
const hostileDiagram: fc.Arbitrary<Diagram> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.record({
      title: text.map((t) => t.slice(0, LIMITS.maxLabelLength)),
      nodes: fc.tuple(
        ...ids.map((nid, i) =>
          fc.record({ label: text, x: within, y: within, inGroup: fc.boolean() }).map(({ label, x, y, inGroup }): DiagramNode => {
            const node: DiagramNode = { id: nid, kind: i === 0 ? 'group' : 'api-server', label: label.slice(0, LIMITS.maxLabelLength), position: { x, y } };
            if (i === 0) node.size = { width: 400, height: 300 };
            if (i > 0 && inGroup) node.parent = ids[0];
            return node;
          }),
        ),
      ),
      edges: fc.array(fc.tuple(fc.nat(ids.length - 1), fc.nat(ids.length - 1)), { maxLength: 5 }),
    }),
  )
  .map(({ title, nodes, edges }) => ({
    title,
    flow: 'bottom-up' as const,
    nodes,
    edges: edges.map(([a, b], i) => ({ id: i === 0 ? 'e'.repeat(LIMITS.maxIdLength) : `e${i}`, source: nodes[a]!.id, target: nodes[b]!.id })),
  }));

type Action =
  | { kind: 'duplicate'; pick: number }
  | { kind: 'paste'; pick: number; at: Point }
  | { kind: 'rename'; pick: number; label: string; tech: string; notes: string }
  | { kind: 'renameEdge'; pick: number; label: string; protocol: string }
  | { kind: 'title'; title: string }
  | { kind: 'move'; pick: number; to: Point }
  | { kind: 'undo' };

const point = fc.record({ x: extreme, y: extreme });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('paste' as const), pick: fc.nat(), at: point }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), label: text, tech: text, notes: text }),
  fc.record({ kind: fc.constant('renameEdge' as const), pick: fc.nat(), label: text, protocol: text }),
  fc.record({ kind: fc.constant('title' as const), title: text }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: point }),
  fc.constant({ kind: 'undo' as const }),
);

function reopens(d: Diagram): void {
  const parsed = parseDiagramFile(serializeDiagramFile(d));
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(parsed.value).toEqual(d);
}

describe('hostile input through every editing action', () => {
  it('the document always saves and opens again as it was', () => {
    fc.assert(
      fc.property(hostileDiagram, fc.array(action, { minLength: 1, maxLength: 8 }), (raw, actions) => {
        // A document enters the editor through the parser, which decides what a file may hold
        // (and drops control characters from its text).
        const opened = parseDiagramFile(serializeDiagramFile(raw));
        fc.pre(opened.ok);
        const initial = opened.value;
        const editor = createTestStore({ initial, services: { idSuffix: undefined } });
        for (const a of actions) {
          const nodes = editor.s.doc.nodes.order;
          const edges = editor.s.doc.edges.order;
          const node = nodes[('pick' in a ? a.pick : 0) % Math.max(1, nodes.length)];
          switch (a.kind) {
            case 'duplicate':
              if (node !== undefined) editor.select(node);
              editor.s.duplicateSelection();
              break;
            case 'paste': {
              const source = node !== undefined ? editor.s.doc.nodes.byId.get(node) : undefined;
              if (source) editor.s.paste({ nodes: [{ ...source, position: a.at, parent: undefined }], edges: [] });
              break;
            }
            case 'rename':
              if (node !== undefined) editor.s.updateNodeData(node, { label: a.label, tech: a.tech, notes: a.notes });
              break;
            case 'renameEdge': {
              const edge = edges[a.pick % Math.max(1, edges.length)];
              if (edge !== undefined) editor.s.updateEdgeData(edge, { label: a.label, protocol: a.protocol });
              break;
            }
            case 'title':
              editor.s.setTitle(a.title);
              break;
            case 'move':
              if (node !== undefined) editor.drag(node, a.to);
              break;
            case 'undo':
              editor.s.undo();
              break;
          }
          reopens(editor.diagram());
          // The view kept up to date record by record is the view derived afresh.
          const s = editor.s;
          const fresh = createFlowView().derive({ nodes: s.doc.nodes, edges: s.doc.edges, selection: s.selection, measured: s.measured, dragging: s.dragging, hidden: s.layoutHidden, direction: effectiveDirection(s.meta) }, null)!;
          expect(s.nodes).toEqual(fresh.nodes);
          expect(s.edges).toEqual(fresh.edges);
        }
      }),
      { numRuns: 150 },
    );
  });
});
