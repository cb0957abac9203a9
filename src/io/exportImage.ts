/**
 * PNG and SVG export of the whole diagram (not just the part on screen) with html-to-image,
 * following React Flow's "download image" pattern: the `.react-flow__viewport` element is
 * cloned with its transform replaced, so the diagram's bounds plus padding fill the image.
 * The diagram JSON goes inside the image, so opening the export restores the diagram.
 *
 * html-to-image stays at 1.11.11: later versions export React Flow incorrectly (React Flow's
 * own example pins it for that reason).
 */
import { toBlob, toSvg } from 'html-to-image';
import type { Options } from 'html-to-image/lib/types';
import { embedDiagramInPng } from './pngMetadata';
import { embedDiagramInSvg } from './svgMetadata';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

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
  onProgress?: (phase: string) => void;
  /**
   * @font-face CSS to embed, e.g. cached from html-to-image's getFontEmbedCSS. Without it no
   * fonts are embedded, which is right while the app uses system fonts only and saves the
   * slowest step of an export.
   */
  fontEmbedCSS?: string;
}

export type ExportImageResult =
  | { ok: true; blob: Blob; scale: number; notice?: string }
  | { ok: false; message: string };

/** Browsers give a blank canvas past these (html-to-image silently shrinks past the side limit). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 16_384 * 16_384;

export interface ExportPlan {
  /** Image size in CSS pixels: the bounds plus padding on every side. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: the asked scale, or lower when the canvas would be too big. */
  scale: number;
  notice?: string;
}

/**
 * The image size for `bounds` at `scale`, lowering the scale so the canvas stays within what
 * browsers can draw. The whole diagram is always in the image: never cropped, never blank.
 */
export function planExportSize(bounds: Bounds, scale: number, padding: number): ExportPlan {
  const pad = finiteAtLeast(padding, 0);
  const width = Math.max(1, Math.ceil(finiteAtLeast(bounds.width, 0) + 2 * pad));
  const height = Math.max(1, Math.ceil(finiteAtLeast(bounds.height, 0) + 2 * pad));
  const asked = finiteAtLeast(scale, 0) || 1;
  const fits = (s: number) =>
    Math.floor(width * s) <= MAX_CANVAS_SIDE &&
    Math.floor(height * s) <= MAX_CANVAS_SIDE &&
    Math.floor(width * s) * Math.floor(height * s) <= MAX_CANVAS_AREA;
  if (fits(asked)) return { width, height, scale: asked };

  const limit = Math.min(
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
    Math.sqrt(MAX_CANVAS_AREA / (width * height)),
  );
  // Two decimals, rounded down, then stepped down until rounding of pixel counts fits too.
  let lowered = Math.floor(limit * 100) / 100;
  while (lowered > 0.01 && !fits(lowered)) lowered = Math.round((lowered - 0.01) * 100) / 100;
  if (lowered <= 0) lowered = limit;
  const smaller = lowered < 1 ? ', smaller than on screen' : '';
  return {
    width,
    height,
    scale: lowered,
    notice:
      `This diagram is too large for a ${asked}× image (browsers cap images at ` +
      `${MAX_CANVAS_SIDE.toLocaleString('en-US')} pixels a side), so it was exported at ${lowered}×${smaller}.`,
  };
}

function finiteAtLeast(value: number, min: number): number {
  return Number.isFinite(value) ? Math.max(min, value) : min;
}

/** Parts of the canvas that are controls, not diagram: left out of the image, and faster to skip. */
const SKIPPED_CLASSES = [
  'react-flow__handle',
  'react-flow__edge-interaction',
  'react-flow__edgeupdater',
  'react-flow__resize-control',
  'react-flow__node-toolbar',
  'react-flow__nodesselection',
  'react-flow__selection',
  'react-flow__minimap',
  'react-flow__controls',
  'react-flow__panel',
  'react-flow__attribution',
];

/** Views mark anything else that must not be exported with this attribute. */
export const EXPORT_SKIP_ATTRIBUTE = 'data-export-skip';

function keepInExport(node: HTMLElement): boolean {
  // Text nodes reach the filter too; they have no class list.
  const element = node as Partial<Element>;
  if (!element.classList || !element.hasAttribute) return true;
  if (element.hasAttribute(EXPORT_SKIP_ATTRIBUTE)) return false;
  return !SKIPPED_CLASSES.some((name) => element.classList?.contains(name));
}

export async function exportDiagramImage(
  viewportElement: HTMLElement,
  bounds: Bounds,
  options: ExportImageOptions,
): Promise<ExportImageResult> {
  try {
    const plan = planExportSize(bounds, options.format === 'png' ? options.scale : 1, options.padding);
    const pad = finiteAtLeast(options.padding, 0);
    const htmlOptions: Options = {
      width: plan.width,
      height: plan.height,
      canvasWidth: plan.width,
      canvasHeight: plan.height,
      pixelRatio: plan.scale,
      style: {
        width: `${plan.width}px`,
        height: `${plan.height}px`,
        transform: `translate(${pad - bounds.x}px, ${pad - bounds.y}px) scale(1)`,
      },
      filter: keepInExport,
      cacheBust: false,
      ...(options.background === 'transparent' ? {} : { backgroundColor: options.background }),
      ...(options.fontEmbedCSS === undefined ? { skipFonts: true } : { fontEmbedCSS: options.fontEmbedCSS }),
    };

    options.onProgress?.('rendering');
    if (options.format === 'svg') {
      const dataUrl = await toSvg(viewportElement, htmlOptions);
      options.onProgress?.('embedding');
      const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
      const blob = new Blob([embedDiagramInSvg(svg, options.diagramJson)], { type: 'image/svg+xml' });
      return { ok: true, blob, scale: 1 };
    }

    const rendered = await toBlob(viewportElement, htmlOptions);
    if (!rendered || rendered.size === 0) {
      return { ok: false, message: 'The browser could not draw the image. Try a smaller scale.' };
    }
    options.onProgress?.('embedding');
    const png = embedDiagramInPng(new Uint8Array(await rendered.arrayBuffer()), options.diagramJson);
    const blob = new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    return { ok: true, blob, scale: plan.scale, ...(plan.notice ? { notice: plan.notice } : {}) };
  } catch (error) {
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    return { ok: false, message: `The image could not be exported${reason}. Try again, or try a smaller scale.` };
  }
}
