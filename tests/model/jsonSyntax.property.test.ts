/**
 * The nesting check before JSON.parse crosses strings by jumping to their closing quote. It must
 * find exactly the place a plain walk over every character finds, on any text, hostile or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonDepthOver } from '../../src/model/jsonSyntax';

/** The walk one character at a time: a backslash in a string skips the next character. */
function walkedDepthOver(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > maxDepth) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}

const piece = fc.constantFrom('"', '\\', '\\\\', '\\"', '[', ']', '{', '}', ',', ':', 'a', ' ', '\n', '1');

describe('findJsonDepthOver', () => {
  it('finds the same place as a walk over every character, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (pieces, max) => {
        const text = pieces.join('');
        expect(findJsonDepthOver(text, max)).toBe(walkedDepthOver(text, max));
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(findJsonDepthOver('["[[[\\"[[[", [1]]', 2)).toBeUndefined();
    expect(findJsonDepthOver('["\\\\", [[1]]]', 2)).toBe(8);
    expect(findJsonDepthOver('{"a": "unterminated [[[[', 1)).toBeUndefined();
  });
});
