/**
 * Text that XML 1.0 can hold. Labels may still carry characters XML forbids even as character
 * references (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) and lone surrogates,
 * which make `encodeURIComponent` throw "URI malformed": the input side cleans text (see
 * src/model/text.ts), but an export must work whatever text an older save or a future path
 * brings, so both image formats pass through here.
 */

/** Characters XML 1.0 forbids outright, and surrogates that are not half of a pair. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `text` has a character XML cannot hold (cheap: no allocation). */
export function hasNonXmlCharacter(text: string): boolean {
  NOT_XML.lastIndex = 0;
  return NOT_XML.test(text);
}

/**
 * Serialized markup made well-formed: forbidden controls are dropped (the page does not draw
 * them either) and lone surrogates and non-characters become U+FFFD, which the page draws as
 * the same replacement mark. Markup never needs these characters, so only text changes.
 */
export function xmlSafeMarkup(markup: string): string {
  if (!hasNonXmlCharacter(markup)) return markup;
  return markup.replace(NOT_XML, (ch) => (ch.length === 1 && ch.charCodeAt(0) < 0x20 ? '' : '\uFFFD'));
}

/**
 * JSON made XML-safe without changing its value: the characters above can only stand inside JSON
 * strings (raw, for a lone surrogate or U+FFFE/U+FFFF; a raw control is not JSON), where a `\u`
 * escape means the same.
 */
export function xmlSafeJson(json: string): string {
  if (!hasNonXmlCharacter(json)) return json;
  return json.replace(NOT_XML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
