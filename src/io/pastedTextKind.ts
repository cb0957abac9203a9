/**
 * What pasted text is meant as, decided from its start alone and without the parsers: the paste
 * handler must answer at once whether it takes the paste, while the share-link codec (with its
 * deflate) loads only when a link is actually pasted or opened.
 */
export type PastedTextKind = 'json' | 'share-link' | 'not-a-diagram';

/**
 * `json` for an object (even a broken one, so its error is shown), `share-link` for an Archflow
 * share link or its bare hash; anything else is ordinary text the app lets through.
 */
export function pastedTextKind(text: string): PastedTextKind {
  if (typeof text !== 'string') return 'not-a-diagram';
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return 'json';
  // A URL (or a bare hash) whose hash has a `d=` parameter. Only the start is examined.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/[^\s#]*)?#(?:[^\s&#]*&)*d=/i.test(trimmed.slice(0, 4096))) return 'share-link';
  return 'not-a-diagram';
}
