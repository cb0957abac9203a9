/**
 * Text set as the canvas's CSS sets it, given a way to measure a string's width: lines wrapped
 * at spaces and, where one word is wider than the line, anywhere (`overflow-wrap: anywhere`),
 * hard line breaks kept (`white-space: pre-wrap`), and one line cut with "…"
 * (`text-overflow: ellipsis`).
 */

/** The width of `text` in the font being set. */
export type MeasureWidth = (text: string) => number;

/** The longest start of `text` (whole characters) no wider than `maxWidth`; at least one character. */
function fittingPrefix(text: string, maxWidth: number, measure: MeasureWidth): string {
  const chars = Array.from(text);
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('')) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('');
}

/** One paragraph (no line breaks) wrapped into lines no wider than `maxWidth` (a lone character may be). */
function wrapParagraph(paragraph: string, maxWidth: number, measure: MeasureWidth): string[] {
  const lines: string[] = [];
  let line = '';
  // Words with the spaces after them, so a wrapped line keeps no trailing space but a line's inner spaces stay.
  for (const word of paragraph.match(/\S+\s*|\s+/g) ?? []) {
    const candidate = line + word;
    if (measure(candidate.trimEnd()) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    let rest = word;
    while (measure(rest.trimEnd()) > maxWidth && rest.trim() !== '') {
      const head = fittingPrefix(rest, maxWidth, measure);
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** `text` wrapped into lines no wider than `maxWidth`, keeping its own line breaks. */
export function wrapText(text: string, maxWidth: number, measure: MeasureWidth): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((paragraph) => wrapParagraph(paragraph, Math.max(0, maxWidth), measure));
}

const ELLIPSIS = '…';

/** `text` on one line, cut with "…" when wider than `maxWidth`. */
export function ellipsize(text: string, maxWidth: number, measure: MeasureWidth): string {
  const line = text.replace(/\s+/g, ' ');
  if (measure(line) <= maxWidth) return line;
  const room = maxWidth - measure(ELLIPSIS);
  if (room <= 0) return ELLIPSIS;
  const chars = Array.from(line);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('')) <= room) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('') + ELLIPSIS;
}
