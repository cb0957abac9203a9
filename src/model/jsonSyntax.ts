/**
 * Saying where JSON text breaks. JSON.parse does the parsing; engines word its errors differently
 * and V8 often gives no position, so when it refuses, a small validator of our own finds the
 * line and column and says what was expected there. It also bounds nesting before JSON.parse.
 */

/** `line 3, column 16` for a 0-based index into `text`. */
export function lineColumn(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/**
 * Where the nesting first goes past `maxDepth`, or undefined. One linear pass over the text
 * before JSON.parse, which would otherwise recurse as deep as the input asks. Brackets inside
 * strings do not count: a string is crossed with `indexOf` to its closing quote (one not escaped
 * by an odd run of backslashes), not a character at a time, which made this pass a fifth of
 * reading a big file (issue 11).
 */
export function findJsonDepthOver(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Spaces first: a third of a file Archflow writes is indentation.
    if (c === 0x20) continue;
    if (c === 0x22) {
      const end = closingQuote(text, i);
      if (end === -1) return undefined;
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `open`, or -1 when none does. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1) {
    // The usual quote, with no backslash before it, is settled by one look back.
    if (text.charCodeAt(at - 1) !== 0x5c) return at;
    let backslashes = 1;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

/**
 * Engines word JSON.parse errors differently and V8 often omits the position, so the place is
 * found by a small validator of our own (only run on text JSON.parse already refused, and only
 * after findJsonDepthOver bounded the nesting, so its recursion is shallow).
 */
export function jsonErrorMessage(text: string, err: unknown): string {
  const found = findJsonSyntaxError(text);
  if (!found) {
    const raw = err instanceof Error ? err.message : String(err);
    return `The file is not valid JSON: ${raw.slice(0, 200)}`;
  }
  if (found.at >= text.length) {
    return `The file ends before the JSON is complete (${lineColumn(text, text.length)}): it looks cut short. ${found.reason}.`;
  }
  return `The file is not valid JSON at ${lineColumn(text, found.at)}: ${found.reason}.`;
}

class SyntaxStop {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function findJsonSyntaxError(text: string): SyntaxStop | undefined {
  let i = 0;
  const stop = (reason: string): never => {
    throw new SyntaxStop(i, reason);
  };
  const skipSpace = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
    }
  };
  const char = (c: string): string => (c.length === 1 && c >= ' ' ? `"${c}"` : JSON.stringify(c));
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) stop('a \\u escape needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === undefined) i++;
        else stop(`"\\${e}" is not a valid escape in a string`);
        continue;
      }
      if (c < 0x20) stop('a control character must be escaped inside a string');
      i++;
    }
    stop('The text ends inside a string');
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === undefined) return stop('The text ends where a value was expected');
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (i >= text.length) stop('The text ends inside an object');
        if (text[i] !== '"') stop('expected a property name in double quotes');
        string();
        skipSpace();
        if (i >= text.length) stop('The text ends inside an object');
        if (text[i] !== ':') stop('expected ":" after the property name');
        i++;
        value();
        skipSpace();
        if (i >= text.length) stop('The text ends inside an object');
        if (text[i] === '}') {
          i++;
          return;
        }
        if (text[i] !== ',') stop('expected "," or "}" after a property value');
        i++;
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (i >= text.length) stop('The text ends inside a list');
        if (text[i] === ']') {
          i++;
          return;
        }
        if (text[i] !== ',') stop('expected "," or "]" after a list item');
        i++;
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return stop('this is not a valid number');
      i += m[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    stop(`unexpected ${char(c)} where a value was expected`);
  };
  try {
    value();
    skipSpace();
    if (i < text.length) stop(`unexpected ${char(text[i] ?? '')} after the end of the JSON`);
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxStop) return e;
    return undefined;
  }
}
