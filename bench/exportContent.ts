/**
 * Issue 16: the PNG export comparison counts only when both images hold the same content, labels
 * included. Each side (app, bare page) exports the diagram at 2× twice, each in a fresh context:
 * as generated, and with every edge label and protocol removed from the file. The labels each
 * image holds are read from the pixels (bench/imageLabels.ts), so the check does not depend on
 * how either page draws them, and the row passes only when the app's image holds at least 95 %
 * of the labels the bare page's holds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { architectureDiagram } from './architecture';
import { exportPng, newPage, openDiagram, openPage, settle, type Kind } from './browserPages';
import { compareLabelCounts, countLabels, type LabelCount, type SameContent } from './imageLabels';
import { parsePngGray } from './parsePngGray';

export interface ExportImage {
  width: number;
  height: number;
  bytes: number;
  ms: number;
}

export interface SideContent {
  labelled: ExportImage;
  unlabelled: ExportImage;
  labels: LabelCount;
}

export interface ExportContent {
  n: number;
  /** Edges with a label or a protocol in the file. */
  labelledEdges: number;
  app: SideContent;
  bare: SideContent;
  same: SameContent;
}

async function exportTo(browser: Browser, kind: Kind, url: string, file: Buffer, n: number, saveTo: string): Promise<ExportImage> {
  const { context, page } = await newPage(browser);
  try {
    await openPage(kind, page, url);
    await openDiagram(page, file, n);
    await settle(kind, page);
    const png = await exportPng(kind, page, saveTo);
    return { width: png.width, height: png.height, bytes: png.bytes, ms: png.ms };
  } finally {
    await context.close();
  }
}

function labelsIn(withPath: string, withoutPath: string): LabelCount {
  const withLabels = parsePngGray(readFileSync(withPath));
  if (!withLabels.ok) return { ok: false, reason: `labelled export: ${withLabels.reason}` };
  const withoutLabels = parsePngGray(readFileSync(withoutPath));
  if (!withoutLabels.ok) return { ok: false, reason: `unlabelled export: ${withoutLabels.reason}` };
  return countLabels(withLabels.image, withoutLabels.image);
}

/** `keepIn`: a folder to leave the four images in (to look at them); by default they are deleted. */
export async function measureExportContent(browser: Browser, urls: Record<Kind, string>, n: number, log: (text: string) => void, keepIn?: string): Promise<ExportContent> {
  const diagram = architectureDiagram(n);
  const labelled = Buffer.from(serializeDiagramFile(diagram));
  const unlabelled = Buffer.from(serializeDiagramFile({ ...diagram, edges: diagram.edges.map(({ label: _label, protocol: _protocol, ...edge }) => edge) }));
  const scratch = keepIn ?? mkdtempSync(join(tmpdir(), 'archflow-export-content-'));
  try {
    const side = async (kind: Kind): Promise<SideContent> => {
      const withPath = join(scratch, `${kind}-labelled.png`);
      const withoutPath = join(scratch, `${kind}-unlabelled.png`);
      const withImage = await exportTo(browser, kind, urls[kind], labelled, n, withPath);
      const withoutImage = await exportTo(browser, kind, urls[kind], unlabelled, n, withoutPath);
      const labels = labelsIn(withPath, withoutPath);
      log(`export content ${n} ${kind}: ${withImage.width}×${withImage.height} px, ${withImage.bytes} B; ${labels.ok ? `${labels.labels} labels found in the image` : `NOT COUNTED: ${labels.reason}`}`);
      return { labelled: withImage, unlabelled: withoutImage, labels };
    };
    const app = await side('app');
    const bare = await side('bare');
    return { n, labelledEdges: diagram.edges.filter((e) => e.label || e.protocol).length, app, bare, same: compareLabelCounts(app.labels, bare.labels) };
  } finally {
    if (!keepIn) rmSync(scratch, { recursive: true, force: true });
  }
}
