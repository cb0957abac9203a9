/**
 * SVG export of the whole diagram (not just the part on screen): the canvas's
 * `.react-flow__viewport` is copied with its transform replaced so the diagram's bounds plus
 * padding fill the image (see snapshotElement.ts for how, and why not html-to-image). The
 * diagram JSON goes inside the image, so opening the export restores the diagram. PNG export is
 * painted from the records instead (paintPng.ts), which mounts no node.
 */
import { snapshotElementAsSvg } from './snapshotElement';
import { yieldToMain } from './yieldToMain';
import { embedDiagramInSvg } from './svgMetadata';

export type { Bounds } from './exportPlan';
import type { Bounds } from './exportPlan';

export type ExportScale = 1 | 2 | 3;

export interface ExportImageOptions {
  format: 'png' | 'svg';
  scale: ExportScale;
  /** A CSS colour, or 'transparent'. */
  background: string;
  /** Space around the diagram, in flow units (CSS pixels at scale 1). */
  padding: number;
  /** Embedded in the image (the serialized diagram file). */
  diagramJson: string;
  /** The step under way, in words, and how far the drawing is (0 to 1) once it has started. */
  onProgress?: (phase: string, done?: number) => void;
  /** Stops the export between two of its steps. */
  signal?: AbortSignal;
}

export type ExportImageResult =
  | { ok: true; blob: Blob; scale: number; notice?: string }
  | { ok: false; message: string; cancelled?: true };

export { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, planExportSize, type ExportPlan } from './exportPlan';
import { finiteAtLeast, planExportSize } from './exportPlan';

/** Parts of the canvas that are controls, not diagram: left out of the image. */
const SKIPPED = [
  '.react-flow__handle',
  '.react-flow__edge-interaction',
  '.react-flow__edgeupdater',
  '.react-flow__resize-control',
  '.react-flow__node-toolbar',
  '.react-flow__nodesselection',
  '.react-flow__selection',
  '.react-flow__minimap',
  '.react-flow__controls',
  '.react-flow__panel',
  '.react-flow__attribution',
];

/** Views mark anything else that must not be exported with this attribute. */
export const EXPORT_SKIP_ATTRIBUTE = 'data-export-skip';

const SKIP_SELECTOR = [...SKIPPED, `[${EXPORT_SKIP_ATTRIBUTE}]`].join(',');

/** What edges and their labels draw, which may reach past the nodes (routes around, labels). */
const DRAWN_BEYOND_NODES = '.react-flow__edge-path, .react-flow__edge-textwrapper';

/**
 * `nodeBounds` grown to take in everything drawn in the viewport, in flow coordinates: an edge
 * routed around the outside or a label wider than its nodes is not cut off at the image's edge.
 * Measured in SVG user space (React Flow draws edges in flow coordinates), so the result is the
 * same at any zoom.
 */
export function drawnBounds(viewportElement: HTMLElement, nodeBounds: Bounds): Bounds {
  let left = nodeBounds.x;
  let top = nodeBounds.y;
  let right = nodeBounds.x + nodeBounds.width;
  let bottom = nodeBounds.y + nodeBounds.height;
  for (const element of Array.from(viewportElement.querySelectorAll<SVGGraphicsElement>(DRAWN_BEYOND_NODES))) {
    if (typeof element.getBBox !== 'function') continue;
    const box = element.getBBox();
    if (box.width === 0 && box.height === 0) continue;
    const matrix = element.getCTM() ?? new DOMMatrix();
    for (const [x, y] of [
      [box.x, box.y],
      [box.x + box.width, box.y + box.height],
    ] as const) {
      const p = new DOMPoint(x, y).matrixTransform(matrix);
      left = Math.min(left, p.x);
      top = Math.min(top, p.y);
      right = Math.max(right, p.x);
      bottom = Math.max(bottom, p.y);
    }
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export async function exportDiagramImage(
  viewportElement: HTMLElement,
  nodeBounds: Bounds,
  options: ExportImageOptions,
): Promise<ExportImageResult> {
  const { signal } = options;
  try {
    options.onProgress?.('Copying the canvas');
    await yieldToMain();
    signal?.throwIfAborted();
    const bounds = drawnBounds(viewportElement, nodeBounds);
    const plan = planExportSize(bounds, 1, options.padding);
    const pad = finiteAtLeast(options.padding, 0);
    // Centred: the plan rounds the size up to whole pixels.
    const dx = pad + (plan.width - 2 * pad - bounds.width) / 2 - bounds.x;
    const dy = pad + (plan.height - 2 * pad - bounds.height) / 2 - bounds.y;
    const svg = snapshotElementAsSvg(viewportElement, {
      width: plan.width,
      height: plan.height,
      transform: `translate(${dx}px, ${dy}px) scale(1)`,
      background: options.background,
      skip: SKIP_SELECTOR,
    });
    options.onProgress?.('Putting the diagram inside the image');
    const blob = new Blob([embedDiagramInSvg(svg, options.diagramJson)], { type: 'image/svg+xml' });
    return { ok: true, blob, scale: 1 };
  } catch (error) {
    if (signal?.aborted) return { ok: false, message: 'The export was cancelled.', cancelled: true };
    // A bug rather than the diagram: say what failed, and do not guess a cause.
    const reason = error instanceof Error && error.message ? `: ${error.message}` : '';
    return { ok: false, message: `The image could not be exported because of an error in Archflow${reason}.` };
  }
}
