/**
 * What an image export asks and answers, PNG or SVG alike. Both are painted from the records in
 * a worker (paintPng.ts, paint/*): the page mounts no node and copies no DOM. The diagram JSON
 * goes inside the image, so opening the export restores the diagram.
 */
export type { Bounds } from './exportPlan';

export type ExportScale = 1 | 2 | 3;

export type ExportImageResult =
  | { ok: true; blob: Blob; scale: number; notice?: string }
  | { ok: false; message: string; cancelled?: true };

export { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, planExportSize, type ExportPlan } from './exportPlan';
