/**
 * "The diagram is drawn in view", read from the page, for the "What a user feels" open row
 * (bench/feelsProbes.ts). One small function so that it is easy to adapt when the canvas
 * changes how it draws: today the view is React Flow nodes in the DOM; at far zoom it may be a
 * single `<canvas>` picture (`data-testid="diagram-picture"`, src/canvas/PictureLayer.tsx) that
 * says which document revision and how many nodes it painted (`data-drawn-revision`,
 * `data-drawn-nodes`). Either counts; the picture only when it painted the store's revision.
 *
 * It runs in the page (passed through `Function.prototype.toString`), so it uses only what a page
 * has and nothing from this module's scope.
 */

export interface ViewState {
  drawn: boolean;
  /** Changes whenever what is drawn changes: the view counts as drawn once this holds still. */
  signature: string;
  /** Why it is not drawn (yet), for the failure message. */
  reason: string;
}

export function viewDrawnState(expectedNodes: number): ViewState {
  const store = (window as unknown as { __archflow?: { getState(): { nodes: unknown[]; revision: number } } }).__archflow;
  if (!store) return { drawn: false, signature: '', reason: 'the page has no __archflow store hook (the bench builds with --mode test)' };
  const state = store.getState();
  const held = state.nodes.length;
  if (held !== expectedNodes) return { drawn: false, signature: `store ${held}`, reason: `the store holds ${held} of ${expectedNodes} nodes` };
  const flow = document.querySelector('.react-flow');
  if (!flow) return { drawn: false, signature: 'no canvas', reason: 'no .react-flow element' };
  const box = flow.getBoundingClientRect();
  const nodes = flow.querySelectorAll<HTMLElement>('.react-flow__node');
  let hidden = 0;
  let inView = 0;
  for (const node of nodes) {
    if (node.style.visibility === 'hidden') hidden++;
    const r = node.getBoundingClientRect();
    if (r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom) inView++;
  }
  const edges = flow.querySelectorAll('.react-flow__edge').length;
  const picture = flow.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]');
  const paintedRevision = picture?.dataset.drawnRevision ?? '';
  const painted = `${picture?.dataset.drawnNodes ?? ''}@${paintedRevision}`;
  const transform = flow.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  const signature = `${nodes.length}|${inView}|${hidden}|${edges}|${painted}|${transform}`;
  // Nodes mounted in view and measured (React Flow hides a node until it has its size) …
  if (inView > 0 && hidden === 0) return { drawn: true, signature, reason: '' };
  // … or the far-zoom picture painted.
  if (picture && paintedRevision === String(state.revision) && Number(picture.dataset.drawnNodes) === held) return { drawn: true, signature, reason: '' };
  return { drawn: false, signature, reason: `${nodes.length} nodes mounted, ${inView} in view, ${hidden} waiting to be measured; ${picture ? `picture painted ${painted} (nodes@revision), store at revision ${state.revision}` : 'no canvas picture'}` };
}
