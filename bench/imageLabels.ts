/**
 * How many edge labels an exported image holds, read from its pixels, the same way for the app
 * and the bare page whatever each draws them with (issue 16: "the export comparison counts only
 * when both images hold the same content, labels included").
 *
 * Each side exports the diagram twice: as it is, and with every edge label removed from the
 * file. The pixels that differ between the two are the labels (text, and a label's background
 * where it hides the edge under it). Differing pixels are gathered into cells of `cell` px,
 * and cells within `reach` cells of each other join one cluster, so a label's letters make one
 * cluster while labels apart make one each. Clusters smaller than `minCells` are noise
 * (anti-aliasing). The count is "labels drawn in that image"; two labels drawn on top of each
 * other count once, on either side.
 */
import type { GrayImage } from './parsePngGray';

export interface LabelOptions {
  /** Grey levels two pixels must differ by to count as different. */
  threshold: number;
  /** Cell size in px (the export is at 2×: a label's letters are ~20 px tall). */
  cell: number;
  /** Cells this far apart (Chebyshev, in cells) join one cluster: bridges a label's letter and word gaps. */
  reach: number;
  /** Smaller clusters are not labels. */
  minCells: number;
}

export const LABEL_OPTIONS: LabelOptions = { threshold: 48, cell: 4, reach: 3, minCells: 4 };

export type LabelCount = { ok: true; labels: number; differingPixels: number } | { ok: false; reason: string };

/** Labels drawn in `withLabels` that `withoutLabels` (the same diagram, labels removed) lacks. */
export function countLabels(withLabels: GrayImage, withoutLabels: GrayImage, options: LabelOptions = LABEL_OPTIONS): LabelCount {
  const { width, height } = withLabels;
  if (withoutLabels.width !== width || withoutLabels.height !== height) {
    return { ok: false, reason: `the two exports differ in size (${width}×${height} with labels, ${withoutLabels.width}×${withoutLabels.height} without): not the same drawing` };
  }
  const { cell, reach, threshold, minCells } = options;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const marked = new Uint8Array(cols * rows);
  let differingPixels = 0;
  const a = withLabels.gray;
  const b = withoutLabels.gray;
  for (let y = 0; y < height; y++) {
    const rowAt = y * width;
    const cellRow = Math.floor(y / cell) * cols;
    for (let x = 0; x < width; x++) {
      const d = a[rowAt + x]! - b[rowAt + x]!;
      if (d > threshold || d < -threshold) {
        differingPixels++;
        marked[cellRow + Math.floor(x / cell)] = 1;
      }
    }
  }
  // Flood fill over marked cells, neighbours within `reach`; 2 = visited.
  let labels = 0;
  const stack: number[] = [];
  for (let start = 0; start < marked.length; start++) {
    if (marked[start] !== 1) continue;
    marked[start] = 2;
    stack.push(start);
    let size = 0;
    while (stack.length) {
      const at = stack.pop()!;
      size++;
      const cx = at % cols;
      const cy = (at - cx) / cols;
      for (let ny = Math.max(0, cy - reach); ny <= Math.min(rows - 1, cy + reach); ny++) {
        for (let nx = Math.max(0, cx - reach); nx <= Math.min(cols - 1, cx + reach); nx++) {
          const next = ny * cols + nx;
          if (marked[next] === 1) {
            marked[next] = 2;
            stack.push(next);
          }
        }
      }
    }
    if (size >= minCells) labels++;
  }
  return { ok: true, labels, differingPixels };
}

/** The least share of the bare page's labels the app's image must hold. */
export const SAME_CONTENT_SHARE = 0.95;

export type SameContent = { same: true } | { same: false; reason: string };

/** The app's image holds the bare page's content when it draws at least 95 % of its labels, and both draw some. */
export function compareLabelCounts(app: LabelCount, bare: LabelCount): SameContent {
  if (!app.ok) return { same: false, reason: `app: ${app.reason}` };
  if (!bare.ok) return { same: false, reason: `bare: ${bare.reason}` };
  if (app.labels === 0 || bare.labels === 0) return { same: false, reason: `no labels found in the ${app.labels === 0 ? 'app' : 'bare'} image` };
  if (app.labels < SAME_CONTENT_SHARE * bare.labels) return { same: false, reason: `the app's image holds ${app.labels} labels, the bare page's ${bare.labels} (< ${SAME_CONTENT_SHARE * 100} %)` };
  return { same: true };
}
