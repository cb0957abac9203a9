/**
 * Text typed by people or read from files, made safe to keep, save and export: no control
 * characters (they make exported SVG invalid XML and can rewrite a terminal), no lone surrogates
 * (half an emoji breaks URI encoding and image export), and never longer than the limit, cut
 * between graphemes so a cut never splits an emoji or a letter from its accent.
 */

/** C0 controls except tab and line feed, DEL, C1 controls, and the XML non-characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
/** Tab and line breaks, which a single-line field shows as spaces. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanTextOptions {
  /** Notes keep tabs and line feeds; labels, titles and ids turn them into spaces. */
  multiline?: boolean;
}

/**
 * Text with nothing to clean in any mode: no control characters, line breaks, tabs, surrogates
 * (so no emoji either: those take the full test) or non-characters. One pass of one regex, for the
 * labels and ids almost every field holds.
 */
const PLAIN = /^[\u0020-\u007E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFFFD]*$/;

/** True when `text` is already what `cleanText` would make of it (cheap; no allocation). */
export function isCleanText(text: string, maxLength: number, options: CleanTextOptions = {}): boolean {
  if (text.length > maxLength) return false;
  if (PLAIN.test(text)) return true;
  CONTROL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  LINE_BREAKS.lastIndex = 0;
  if (CONTROL.test(text) || LONE_SURROGATE.test(text)) return false;
  return options.multiline ? !text.includes('\r') : !LINE_BREAKS.test(text);
}

/**
 * The text with control characters removed (line breaks become spaces unless `multiline`, where
 * CR LF and CR become LF), lone surrogates replaced by U+FFFD, and cut to at most `maxLength`
 * UTF-16 units at a grapheme boundary.
 */
export function cleanText(text: string, maxLength: number, options: CleanTextOptions = {}): string {
  if (isCleanText(text, maxLength, options)) return text;
  let out = text.replace(LONE_SURROGATE, '\uFFFD');
  out = options.multiline ? out.replace(/\r\n?/g, '\n') : out.replace(LINE_BREAKS, ' ');
  out = out.replace(CONTROL, '');
  return cutAtGrapheme(out, maxLength);
}

/** The longest prefix of `text` of at most `maxLength` UTF-16 units that ends between graphemes. */
export function cutAtGrapheme(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 0) return '';
  // Segment only the neighbourhood of the cut: a grapheme cluster is short, and segmenting a
  // 20 MB string to cut it would be slow. Starting on a low surrogate would split a pair.
  let from = Math.max(0, maxLength - 64);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let end = from;
  for (const { index, segment } of segmenter.segment(text.slice(from, maxLength + 64))) {
    const stop = from + index + segment.length;
    if (stop > maxLength) break;
    end = stop;
  }
  return text.slice(0, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
