/**
 * Pasted text that is meant as a diagram, read: JSON through the file parser, a share link
 * through the link parser. Loaded on demand by the paste handler (pastedTextKind.ts says why).
 * Nothing here throws.
 */
import type { Diagram, ParseResult } from '../model/diagram';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { pastedTextKind } from './pastedTextKind';
import { parseShareLink } from './shareLink';

export type PastedText =
  /** Ordinary text, not meant as a diagram: the app lets the paste through. */
  | { kind: 'not-a-diagram' }
  | { kind: 'json' | 'share-link'; result: ParseResult<Diagram> };

export function parseDiagramText(text: string): PastedText {
  const kind = pastedTextKind(text);
  if (kind === 'json') return { kind, result: parseDiagramFile(text) };
  if (kind === 'share-link') return { kind, result: parseShareLink(text.replace(/^\uFEFF/, '').trim()) };
  return { kind };
}
