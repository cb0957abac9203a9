/**
 * The colours other people are drawn in, and the text colour for a label on one of them. A
 * label (a cursor's name, an avatar's initials) takes whichever of white and black contrasts
 * more with its ground: for any opaque ground one of the two reaches at least 4.58:1, so every
 * label meets WCAG's 4.5:1 for small text, whatever colour a peer announces.
 */

/** Colours peers are drawn in: distinct on light and dark canvases. */
export const PEER_COLORS = ['#e5484d', '#f76b15', '#ffc53d', '#30a46c', '#12a594', '#0090ff', '#8e4ec6', '#d6409f'] as const;

const LIGHT_TEXT = '#ffffff';
// Pure black: a lighter dark (#111) leaves mid-luminance grounds at 4.3:1.
const DARK_TEXT = '#000000';

/** WCAG 2 relative luminance of a `#rrggbb` colour (0 black … 1 white); null for anything else. */
export function relativeLuminance(color: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 … 21); 1 when either is not one. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return 1;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The text colour for a label on `background`: white or black, whichever contrasts more. */
export function labelTextOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}
