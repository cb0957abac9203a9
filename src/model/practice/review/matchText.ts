/** Loose text matching for the review: case, punctuation and spacing never decide a match. */

/** Lower case words separated by single spaces. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `keyword` starts a word of `text` ("expir" matches "expires", "short url" matches "a short URL"). */
export function mentions(text: string, keyword: string): boolean {
  const words = ` ${normalizeWords(text)} `;
  const key = normalizeWords(keyword);
  return key !== '' && words.includes(` ${key}`);
}

/** A name compared as one lower-case token, a trailing plural "s" dropped: "Short_URLs" → "shorturl". */
export function normalizeName(name: string): string {
  const token = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/**
 * An endpoint path with what does not change its meaning taken out: the query string, a version
 * prefix (/v1, /api/v2), parameter names ({code}, :id, <id> all become {}), a trailing slash and case.
 */
export function normalizePath(path: string): string {
  // Trimmed after the query goes, so "x ?q" and "x" normalise alike (and a second pass changes nothing).
  const bare = (path.split('?')[0] ?? '').trim().toLowerCase();
  const segments = bare
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (/^(\{[^}]*\}|:[^/]+|<[^>]*>)$/.test(s) ? '{}' : s));
  while (segments.length > 0 && /^(api|v\d+(\.\d+)?)$/.test(segments[0]!)) segments.shift();
  return bare.startsWith('/') || segments.length > 1 ? `/${segments.join('/')}` : segments.join('/');
}
