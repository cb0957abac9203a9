/**
 * The fonts the canvas's CSS gives each text the painter draws (styles/06-canvas.css,
 * 10-design.css, 11-capacity.css), as Canvas 2D font strings in the page's family.
 */

export type FontRole = 'label' | 'sub' | 'edge' | 'rate' | 'badge' | 'rho' | 'groupTitle' | 'groupTech' | 'note' | 'noteItalic' | 'design';

const FONTS: Readonly<Record<FontRole, string>> = {
  label: '600 13px',
  sub: '400 11px',
  edge: '500 11px',
  rate: '600 11px',
  badge: '700 10.5px',
  rho: '500 10.5px',
  groupTitle: '600 12px',
  groupTech: '400 12px',
  note: '400 13px',
  noteItalic: 'italic 400 13px',
  design: '700 10.5px',
};

export function fontOf(role: FontRole, family: string): string {
  return `${FONTS[role]} ${family}`;
}

/** Measures text in a font: its advance width, and the font's ascent and descent (its box, as SVG's getBBox and CSS's `line-height: normal` use). */
export interface TextMeasurer {
  width(font: string, text: string): number;
  extent(font: string): { ascent: number; descent: number };
}
