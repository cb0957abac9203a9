/**
 * The catalog names icons; src/paint/iconShapes.ts holds each one's drawing. An icon is one element painted in
 * its text colour through a CSS mask of that drawing: an inline `<svg>` would add its shapes
 * (five elements on average) to every node, which a big diagram pays for in layout, hit testing
 * and exports.
 */
import type { CSSProperties } from 'react';
import type { IconName } from '../model/catalog';
import { ICON_SHAPES } from '../paint/iconShapes';
import { iconSvgMarkup } from '../paint/iconPaths';

/**
 * Each icon's drawing as a `mask-image` value (an SVG data URL, which the page's CSP allows as
 * an image), from the same shapes the PNG painter draws (src/paint/iconShapes.ts).
 */
const MASKS: Partial<Record<IconName, string>> = Object.fromEntries(
  (Object.keys(ICON_SHAPES) as IconName[]).map((name) => [name, `url("data:image/svg+xml,${encodeURIComponent(iconSvgMarkup(name))}")`]),
);
const styles = new Map<string, CSSProperties>();

/** One style object per icon and size, so re-rendering a node never rewrites its icon's style. */
function iconStyle(name: IconName, size: number): CSSProperties {
  const key = `${name} ${size}`;
  let style = styles.get(key);
  if (!style) {
    style = { width: size, height: size, maskImage: MASKS[name] };
    styles.set(key, style);
  }
  return style;
}

export function KindIcon({ name, size = 20 }: { name: IconName; size?: number }) {
  return <span className="kind-icon" aria-hidden="true" style={iconStyle(name, size)} />;
}
