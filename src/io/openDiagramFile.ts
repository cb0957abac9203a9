/**
 * Opening what a person hands the app: a picked or dropped file (diagram JSON, or a PNG or SVG
 * exported by Archflow with the diagram inside). The content decides, not the file name. Nothing
 * here throws. Pasted text is read by parseDiagramText.ts.
 */
import type { Diagram, ParseResult } from '../model/diagram';
import { overLimit } from '../model/fileSize';
import { LIMITS } from '../model/limits';
import { refusal } from '../model/plainData';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { isPng } from './pngSignature';

export type FileLike = Blob & { name?: string };

export async function openDiagramFile(file: FileLike): Promise<ParseResult<Diagram>> {
  try {
    if (file.size > LIMITS.maxFileBytes) {
      return refusal(
        'too-large', '',
        `This file ${overLimit(file.size, LIMITS.maxFileBytes)}.`,
      );
    }
    if (file.size === 0) return refusal('empty', '', 'This file is empty.');
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    // The PNG and SVG readers load only for such a file: most first paints open none.
    if (isPng(head)) {
      const { extractDiagramFromPng } = await import('./pngMetadata');
      const json = extractDiagramFromPng(new Uint8Array(await file.arrayBuffer()));
      return json.ok ? parseDiagramFile(json.value) : json;
    }
    const text = await file.text();
    if (looksLikeSvg(text)) {
      const { extractDiagramFromSvg } = await import('./svgMetadata');
      const json = extractDiagramFromSvg(text);
      return json.ok ? parseDiagramFile(json.value) : json;
    }
    const parsed = parseDiagramFile(text);
    if (!parsed.ok && parsed.error.code === 'not-json' && /\.png$/i.test(file.name ?? '')) {
      return refusal('not-archflow', '', 'This file is named .png but is not a PNG image.');
    }
    return parsed;
  } catch {
    return refusal('invalid', '', 'This file could not be read. Try again, or pick another file.');
  }
}

function looksLikeSvg(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) return false;
  return /<svg[\s>]/i.test(start.slice(0, 4096));
}

