import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, labelTextOn, PEER_COLORS, relativeLuminance } from '../../../src/model/sync/peerColors';

const hexColor = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(
  (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`,
);

describe('peer label colours', () => {
  it('computes WCAG contrast as the reference values give it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #777777 on white is the well-known just-failing grey (4.48:1).
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance('red')).toBeNull();
  });

  it('gives every peer colour a label text of at least 4.5:1', () => {
    for (const color of PEER_COLORS) {
      expect(contrastRatio(color, labelTextOn(color)), color).toBeGreaterThanOrEqual(4.5);
    }
    // The yellow and the green are too light for white text: they get dark text.
    expect(labelTextOn('#ffc53d')).toBe('#000000');
    expect(labelTextOn('#8e4ec6')).toBe('#ffffff');
  });

  it('meets 4.5:1 on any opaque colour', () => {
    fc.assert(fc.property(hexColor, (color) => contrastRatio(color, labelTextOn(color)) >= 4.5));
  });
});
