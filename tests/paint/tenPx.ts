import type { TextMeasurer } from '../../src/paint/fonts';

/** Every character 10 px wide; fonts 10 px up, 3 px down: widths a test can add up by hand. */
export const TEN_PX: TextMeasurer = { width: (_font, text) => Array.from(text).length * 10, extent: () => ({ ascent: 10, descent: 3 }) };
