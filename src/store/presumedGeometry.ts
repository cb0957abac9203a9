/**
 * What React Flow may assume about a node it has not drawn yet: its size and where its two
 * handles are.
 *
 * Why: React Flow mounts every node it has no handle bounds for, wherever the view is (its
 * `getNodesInside` forces an "initial render" to measure it), even with
 * `onlyRenderVisibleElements`. Opening a 20,000-node diagram therefore mounted, measured and
 * unmounted all 20,000 nodes: two tasks of 12 s and 22 s. Given a size and handles (React Flow's
 * way for server-side rendering), it mounts only the nodes in view, and measures each one when
 * it mounts; the store then keeps the real size and these presumptions are dropped.
 *
 * The numbers mirror styles/06-canvas.css (`.arch-node` and its handles) at one device pixel per
 * CSS pixel; tests/e2e/bigDiagramOpen.e2e.ts checks them against the drawn nodes. A node whose
 * drawing differs (a label on two lines) is measured as different and corrected when it mounts.
 */
import type { Node } from '@xyflow/react';
import { defaultSize, GROUP_KIND } from '../model/catalog';
import type { LayoutDirection, Size } from '../model/diagram';

type NodeHandle = NonNullable<Node['handles']>[number];
type Side = NodeHandle['position'];

/** `.arch-handle`: 9 × 9 px, centred on its anchor. */
const HANDLE = 9;
/** `--ring-inset` and `--stripe-width` of `.arch-node`. */
const RING_INSET = 1;
const STRIPE = 4;

/** Which side each handle is on (canvas/handleSides.ts, written out: the store loads no React Flow code). */
const SIDES: Record<LayoutDirection, { target: Side; source: Side }> = {
  up: { target: 'bottom' as Side, source: 'top' as Side },
  down: { target: 'top' as Side, source: 'bottom' as Side },
  right: { target: 'left' as Side, source: 'right' as Side },
  left: { target: 'right' as Side, source: 'left' as Side },
};

/** The centre of a handle on `side` of a component of `size` (see `.arch-node > .react-flow__handle-*`). */
function anchor(side: Side, { width, height }: Size): { x: number; y: number } {
  switch (side as string) {
    case 'top':
      return { x: width / 2 + (STRIPE - RING_INSET) / 2, y: RING_INSET };
    case 'bottom':
      return { x: width / 2 + (STRIPE - RING_INSET) / 2, y: height - RING_INSET };
    case 'left':
      return { x: STRIPE, y: height / 2 };
    default:
      return { x: width - RING_INSET, y: height / 2 };
  }
}

function handle(type: 'source' | 'target', side: Side, size: Size): NodeHandle {
  const { x, y } = anchor(side, size);
  return { type, position: side, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE };
}

export interface Presumed {
  measured: Size;
  handles: NodeHandle[];
}

const NO_HANDLES: NodeHandle[] = [];
/** Shared per direction and size, so presuming costs no allocation per node. */
const cache = new Map<string, Presumed>();

/** The size and handles to presume for a node of `kind` (a group has its own size and no handles). */
export function presumedGeometry(kind: string, direction: LayoutDirection, groupSize?: Size): Presumed {
  if (kind === GROUP_KIND) {
    const size = groupSize ?? defaultSize(GROUP_KIND);
    return { measured: { width: size.width, height: size.height }, handles: NO_HANDLES };
  }
  const size = defaultSize(kind);
  const key = `${direction} ${size.width} ${size.height}`;
  let found = cache.get(key);
  if (!found) {
    const sides = SIDES[direction];
    found = { measured: size, handles: [handle('target', sides.target, size), handle('source', sides.source, size)] };
    cache.set(key, found);
  }
  return found;
}
