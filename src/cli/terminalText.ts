/**
 * Text for a terminal. Diagram text and file names come from strangers: an escape sequence in a
 * title could hide lines, clear the screen or retitle the window, and a line break could print a
 * fake "Valid" line. Every human-readable line the CLI prints passes through here, so such
 * characters show as visible `\u001b`-style escapes instead of acting. JSON output gets the
 * same escapes for what JSON.stringify leaves raw (DEL, C1 controls such as the 8-bit CSI).
 */

/** C0 controls (line breaks and tab included), DEL, C1 controls, and the Unicode line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One terminal line: every control character, line breaks included, written as an escape. */
export function terminalLine(text: string): string {
  return text.replace(CONTROL, visible);
}

/** A message on one line whatever it holds: line breaks become spaces, other controls escapes. */
export function oneLine(text: string): string {
  return terminalLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** Lines joined for the terminal: each line is escaped on its own, so none can become two. */
export function terminalLines(lines: readonly string[]): string {
  return `${lines.map(terminalLine).join('\n')}\n`;
}

/** JSON.stringify output with DEL, C1 controls and line separators escaped too: the same value. */
export function terminalJson(json: string): string {
  // These characters can only stand inside JSON strings, where a `\u` escape means the same.
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, visible);
}
