/**
 * A store for tests, driven the way a person drives the editor (as tldraw's TestEditor):
 *
 *   const editor = createTestStore({ initial: chain() });
 *   const [lb] = editor.add('load-balancer');
 *   editor.connect('web', lb);
 *   editor.drag('api', { x: 40, y: 0 });
 *   expect(editor.reopened()).toEqual(editor.diagram());
 *
 * Ids come out readable and predictable (`load-balancer-1`): the random part of new ids is a
 * counter here (EditorServices.idSuffix).
 */
import type { Diagram, Point } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import type { DocumentDiff } from '../../src/model/recordsDiff';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { createEditorStore, type EditorStoreOptions } from '../../src/store/editorStore';
import type { DiffInfo, EditorState } from '../../src/store/editorState';

export function counterIds(): () => string {
  let n = 0;
  return () => String(++n);
}

export interface TestStore {
  store: ReturnType<typeof createEditorStore>;
  /** The state now. */
  readonly s: EditorState;
  /** Every diff applied since the store was created, with who made it. */
  diffs: { diff: DocumentDiff; info: DiffInfo }[];
  add(...kinds: string[]): string[];
  connect(source: string, target: string): string | undefined;
  select(...ids: string[]): void;
  /** A drag as React Flow reports it: a few moves, then the drop. */
  drag(id: string, to: Point): void;
  diagram(): Diagram;
  /** The document saved and opened again; throws with the parser's message when it cannot be. */
  reopened(): Diagram;
}

export function createTestStore(options: EditorStoreOptions = {}): TestStore {
  let clock = 0;
  const store = createEditorStore({
    ...options,
    services: { now: () => (clock += 10), idSuffix: counterIds(), ...options.services },
  });
  const diffs: TestStore['diffs'] = [];
  store.getState().subscribeToDiffs((diff, info) => diffs.push({ diff, info }));
  return {
    store,
    get s() {
      return store.getState();
    },
    diffs,
    add(...kinds) {
      return kinds.map((kind) => {
        const id = store.getState().addComponent(kind, { center: { x: 0, y: 0 } });
        if (id === null) throw new Error(`no such kind: ${kind}`);
        return id;
      });
    },
    connect(source, target) {
      const before = new Set(store.getState().doc.edges.order);
      store.getState().connect({ source, target, sourceHandle: null, targetHandle: null });
      return store.getState().doc.edges.order.find((id) => !before.has(id));
    },
    select(...ids) {
      const s = store.getState();
      store.getState().select(
        ids.filter((id) => s.doc.nodes.byId.has(id)),
        ids.filter((id) => s.doc.edges.byId.has(id)),
      );
    },
    drag(id, to) {
      const from = store.getState().doc.nodes.byId.get(id)?.position ?? { x: 0, y: 0 };
      for (let i = 1; i <= 3; i++) {
        const position = { x: from.x + ((to.x - from.x) * i) / 3, y: from.y + ((to.y - from.y) * i) / 3 };
        store.getState().onNodesChange([{ type: 'position', id, position, dragging: true }]);
      }
      store.getState().onNodesChange([{ type: 'position', id, dragging: false }]);
    },
    diagram() {
      return store.getState().getDiagram();
    },
    reopened() {
      const parsed = parseDiagramFile(serializeDiagramFile(store.getState().getDiagram()));
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value;
    },
  };
}
