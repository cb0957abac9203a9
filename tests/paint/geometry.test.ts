import { describe, expect, it } from 'vitest';
import { mixColor, parseColor } from '../../src/paint/color';
import { handlePoint, layoutComponent } from '../../src/paint/componentBox';
import { routedEdge, steppedEdge } from '../../src/paint/edgePath';
import { iconPathData, iconSvgMarkup } from '../../src/paint/iconPaths';
import { ellipsize, wrapText } from '../../src/paint/textLayout';
import { TEN_PX } from './tenPx';

const tenPx = (text: string) => Array.from(text).length * 10;

describe('text set as the canvas sets it', () => {
  it('wraps at spaces, and inside a word only when the word alone is too wide', () => {
    expect(wrapText('Payments API', 100, tenPx)).toEqual(['Payments', 'API']);
    expect(wrapText('Order service', 200, tenPx)).toEqual(['Order service']);
    expect(wrapText('abcdefghijkl', 50, tenPx)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('keeps hard line breaks and an empty line', () => {
    expect(wrapText('one\n\ntwo', 100, tenPx)).toEqual(['one', '', 'two']);
  });

  it('cuts one line with an ellipsis that fits', () => {
    expect(ellipsize('PostgreSQL 16', 200, tenPx)).toBe('PostgreSQL 16');
    // 50 px: the ellipsis takes 10, four characters the rest.
    expect(ellipsize('abcdefghij', 50, tenPx)).toBe('abcd…');
  });
});

describe('a component box', () => {
  it('is 60 px high with one line of name and one of technology, everything centred', () => {
    const layout = layoutComponent({ label: 'Web', sub: 'React' }, 168, undefined, TEN_PX, 'x');
    expect(layout.height).toBe(60);
    // Stripe 4 + padding 10; the text column after the 32 px tile and a 10 px gap.
    expect(layout.tile).toEqual({ x: 14, y: 14, size: 32 });
    expect(layout.label.x).toBe(56);
    // Name (16.25) and technology (13) centred on the row's middle, 30.
    expect(layout.label.top).toBeCloseTo(30 - 29.25 / 2);
    expect(layout.sub?.top).toBeCloseTo(30 - 29.25 / 2 + 16.25);
  });

  it('grows with a name on three lines, and keeps a measured size', () => {
    // The text column is 168 - 1.5 - 12 - 56 = 98.5 px: nine characters a line.
    const layout = layoutComponent({ label: 'aaaa bbbb cccc dddd eeee', sub: 'x' }, 168, undefined, TEN_PX, 'x');
    expect(layout.label.lines).toEqual(['aaaa bbbb', 'cccc dddd', 'eeee']);
    expect(layout.height).toBeCloseTo(2 * 10.5 + 3 * 16.25 + 13);
    expect(layoutComponent({ label: 'a' }, 168, 77, TEN_PX, 'x').height).toBe(77);
  });

  it('puts a design badge on a row of its own under the name', () => {
    const layout = layoutComponent({ label: 'API', badge: '2 endpoints' }, 168, undefined, TEN_PX, 'x');
    // Pill: 13 px of text, 1 px padding and 1 px border above and below; 8 px padding and 1 px border each side.
    expect(layout.badge).toMatchObject({ x: 14, width: 110 + 18, height: 17 });
    expect(layout.height).toBeCloseTo(21 + 32 + 6 + 17);
    expect(layout.badge!.y).toBeCloseTo(10.5 + 32 + 6);
  });

  it('ends connections on the outer edge of its handles, as React Flow does', () => {
    const size = { width: 168, height: 60 };
    expect(handlePoint('right', size, 1)).toEqual({ x: 171.5, y: 30 });
    expect(handlePoint('left', size, 1)).toEqual({ x: -0.5, y: 30 });
    expect(handlePoint('top', size, 1)).toEqual({ x: 85.5, y: -3.5 });
    expect(handlePoint('bottom', size, 1.5)).toEqual({ x: 85.25, y: 63 });
  });
});

describe('a connection line', () => {
  it('follows a route with rounded corners, its label halfway along', () => {
    const edge = routedEdge([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
    ]);
    expect(edge.path).toBe('M 0 0 L 92 0 Q 100 0 100 8 L 100 50');
    expect(edge.mid).toEqual({ x: 75, y: 0 });
    expect(edge.startDirection).toEqual({ x: 1, y: 0 });
    expect(edge.endDirection).toEqual({ x: 0, y: 1 });
  });

  it('steps between two handles as React Flow does, its label in the middle of the step', () => {
    const edge = steppedEdge({ x: 0, y: 0 }, 'right', { x: 200, y: 100 }, 'left');
    // Out 20 px, across at x = 100, into the target: corners rounded by 8.
    expect(edge.path).toBe('M0 0L 92,0Q 100,0 100,8L 100,92Q 100,100 108,100L200 100');
    expect(edge.mid).toEqual({ x: 100, y: 50 });
    expect(edge.endDirection).toEqual({ x: 1, y: 0 });
    expect(edge.box).toEqual({ left: 0, top: 0, right: 200, bottom: 100 });
  });
});

describe('colours and icons', () => {
  it('mixes as color-mix(in srgb) does, transparent included', () => {
    expect(mixColor('#ffffff', 0.5, '#000000')).toBe('rgba(128, 128, 128, 1)');
    expect(mixColor('#0369a1', 0.3, 'transparent')).toBe('rgba(3, 105, 161, 0.3)');
    expect(parseColor('rgba(100, 116, 139, 0.05)')).toEqual({ r: 100, g: 116, b: 139, a: 0.05 });
  });

  it('draws an icon from the same shapes the canvas masks with', () => {
    expect(iconPathData('server')[0]).toBe('M 4 2 H 20 A 2 2 0 0 1 22 4 V 8 A 2 2 0 0 1 20 10 H 4 A 2 2 0 0 1 2 8 V 4 A 2 2 0 0 1 4 2 Z');
    expect(iconSvgMarkup('server')).toContain('<rect width="20" height="8" x="2" y="2" rx="2" ry="2"/>');
  });
});
