/**
 * Where each part of a component goes, as `.arch-node` lays it out (styles/06-canvas.css): a
 * 168 px box at least 60 px high, a 1.5 px ring with a 4 px stripe on the left, the icon in a
 * 32 px tile, then the name (wrapped) over the technology (one line, "…"), all centred
 * vertically; a design badge ("3 endpoints") on a row of its own below. And where its two
 * handles are, which is where React Flow ends its connections.
 */
import type { LayoutDirection, Size } from '../model/diagram';
import { fontOf, type TextMeasurer } from './fonts';
import { ellipsize, wrapText } from './textLayout';

export const BOX = {
  minHeight: 60,
  ring: 1.5,
  stripe: 4,
  radius: 10,
  padTop: 9,
  padRight: 12,
  padLeft: 10,
  gap: 10,
  iconTile: 32,
  iconSize: 20,
  iconRadius: 8,
  labelLineHeight: 13 * 1.25,
  badgeRowGap: 6,
  badgePadX: 8,
  badgePadY: 1,
} as const;

/** Handles are 9 × 9 px, centred on their anchor (`.arch-handle`). */
const HANDLE_HALF = 4.5;

export interface ComponentText {
  label: string;
  sub?: string;
  /** The design badge's text ("3 endpoints · 1 entity"). */
  badge?: string;
}

export interface ComponentLayout {
  width: number;
  height: number;
  /** The icon's tile, relative to the box. */
  tile: { x: number; y: number; size: number };
  label: { lines: string[]; x: number; top: number; lineHeight: number };
  sub?: { text: string; x: number; top: number; height: number };
  badge?: { text: string; x: number; y: number; width: number; height: number };
}

const lineHeightOf = (measure: TextMeasurer, font: string) => {
  const { ascent, descent } = measure.extent(font);
  return ascent + descent;
};

/**
 * The layout of a component `width` wide; `height` when the canvas measured it, else the height
 * its content needs (as the DOM would measure it).
 */
export function layoutComponent(text: ComponentText, width: number, height: number | undefined, measure: TextMeasurer, family: string): ComponentLayout {
  const contentLeft = BOX.stripe + BOX.padLeft;
  const contentRight = width - BOX.ring - BOX.padRight;
  const textX = contentLeft + BOX.iconTile + BOX.gap;
  const textWidth = Math.max(0, contentRight - textX);
  const labelFont = fontOf('label', family);
  const subFont = fontOf('sub', family);
  const lines = wrapText(text.label, textWidth, (t) => measure.width(labelFont, t));
  const subHeight = text.sub ? lineHeightOf(measure, subFont) : 0;
  const textHeight = lines.length * BOX.labelLineHeight + subHeight;
  const rowHeight = Math.max(BOX.iconTile, textHeight);
  let badge: ComponentLayout['badge'];
  let badgeBlock = 0;
  if (text.badge) {
    const font = fontOf('design', family);
    const h = lineHeightOf(measure, font) + 2 * BOX.badgePadY + 2;
    badge = { text: text.badge, x: contentLeft, y: 0, width: measure.width(font, text.badge) + 2 * BOX.badgePadX + 2, height: h };
    badgeBlock = BOX.badgeRowGap + h;
  }
  const needed = 2 * (BOX.ring + BOX.padTop) + rowHeight + badgeBlock;
  const boxHeight = height ?? Math.max(BOX.minHeight, needed);
  // Flex lines are centred as one block when the box is taller than its content.
  const top = Math.max(BOX.ring + BOX.padTop, (boxHeight - rowHeight - badgeBlock) / 2);
  const rowMiddle = top + rowHeight / 2;
  if (badge) badge.y = top + rowHeight + BOX.badgeRowGap;
  const textTop = rowMiddle - textHeight / 2;
  const layout: ComponentLayout = {
    width,
    height: boxHeight,
    tile: { x: contentLeft, y: rowMiddle - BOX.iconTile / 2, size: BOX.iconTile },
    label: { lines, x: textX, top: textTop, lineHeight: BOX.labelLineHeight },
  };
  if (text.sub) {
    layout.sub = { text: ellipsize(text.sub, textWidth, (t) => measure.width(subFont, t)), x: textX, top: textTop + lines.length * BOX.labelLineHeight, height: subHeight };
  }
  if (badge) layout.badge = badge;
  return layout;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Which side each handle is on (canvas/handleSides.ts): edges enter on the side they come from. */
export const HANDLE_SIDES: Readonly<Record<LayoutDirection, { target: Side; source: Side }>> = {
  up: { target: 'bottom', source: 'top' },
  down: { target: 'top', source: 'bottom' },
  right: { target: 'left', source: 'right' },
  left: { target: 'right', source: 'left' },
};

/**
 * Where a connection meets a component, relative to its box: the outer edge of the handle on
 * `side` (React Flow's `getHandlePosition`), whose centre sits on the ring (`ringInset` in from
 * the border) or, on the left, on the stripe's inner edge.
 */
export function handlePoint(side: Side, { width, height }: Size, ringInset: number): { x: number; y: number } {
  switch (side) {
    case 'top':
      return { x: width / 2 + (BOX.stripe - ringInset) / 2, y: ringInset - HANDLE_HALF };
    case 'bottom':
      return { x: width / 2 + (BOX.stripe - ringInset) / 2, y: height - ringInset + HANDLE_HALF };
    case 'left':
      return { x: BOX.stripe - HANDLE_HALF, y: height / 2 };
    case 'right':
      return { x: width - ringInset + HANDLE_HALF, y: height / 2 };
  }
}
