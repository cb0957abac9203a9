/**
 * An icon's elements as SVG path data (for `Path2D`, which takes path data but no rect or
 * circle) and as SVG markup (for the canvas's CSS masks). Both read iconShapes.ts.
 */
import type { IconName } from '../model/catalog';
import { ICON_SHAPES, ICON_STROKE_WIDTH, ICON_VIEW_BOX, type IconElement } from './iconShapes';

const num = (attrs: Readonly<Record<string, string>>, key: string, fallback = 0) => {
  const value = Number(attrs[key]);
  return Number.isFinite(value) ? value : fallback;
};

/** An ellipse as two arcs. */
function ellipseData(cx: number, cy: number, rx: number, ry: number): string {
  return `M ${cx - rx} ${cy} A ${rx} ${ry} 0 1 0 ${cx + rx} ${cy} A ${rx} ${ry} 0 1 0 ${cx - rx} ${cy} Z`;
}

/** One element as path data, drawn as the SVG element would be. */
export function elementPathData([tag, a]: IconElement): string {
  switch (tag) {
    case 'path':
      return a.d ?? '';
    case 'line':
      return `M ${num(a, 'x1')} ${num(a, 'y1')} L ${num(a, 'x2')} ${num(a, 'y2')}`;
    case 'circle':
      return ellipseData(num(a, 'cx'), num(a, 'cy'), num(a, 'r'), num(a, 'r'));
    case 'ellipse':
      return ellipseData(num(a, 'cx'), num(a, 'cy'), num(a, 'rx'), num(a, 'ry'));
    case 'rect': {
      const x = num(a, 'x');
      const y = num(a, 'y');
      const w = num(a, 'width');
      const h = num(a, 'height');
      const rx = Math.min(num(a, 'rx', num(a, 'ry')), w / 2);
      const ry = Math.min(num(a, 'ry', rx), h / 2);
      if (rx === 0 || ry === 0) return `M ${x} ${y} H ${x + w} V ${y + h} H ${x} Z`;
      return (
        `M ${x + rx} ${y} H ${x + w - rx} A ${rx} ${ry} 0 0 1 ${x + w} ${y + ry} V ${y + h - ry} ` +
        `A ${rx} ${ry} 0 0 1 ${x + w - rx} ${y + h} H ${x + rx} A ${rx} ${ry} 0 0 1 ${x} ${y + h - ry} ` +
        `V ${y + ry} A ${rx} ${ry} 0 0 1 ${x + rx} ${y} Z`
      );
    }
  }
}

/**
 * The icon's path data, in its 24-unit space: one string per element (joined, a path's leading
 * relative `m` would move from where the previous element ended).
 */
export function iconPathData(name: IconName): string[] {
  return (ICON_SHAPES[name] ?? []).map(elementPathData);
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The icon as a standalone SVG document, stroked black (a mask reads its alpha). */
export function iconSvgMarkup(name: IconName): string {
  const body = (ICON_SHAPES[name] ?? [])
    .map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ICON_VIEW_BOX}" height="${ICON_VIEW_BOX}" viewBox="0 0 ${ICON_VIEW_BOX} ${ICON_VIEW_BOX}" ` +
    `fill="none" stroke="black" stroke-width="${ICON_STROKE_WIDTH}" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
  );
}
