/**
 * The few colour sums the canvas's CSS does with `color-mix(in srgb, …)` and opacity, done on
 * the theme's colours (hex or `rgb()`/`rgba()`, as the palette holds them).
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 to 1. */
  a: number;
}

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/** A hex or rgb()/rgba() colour; transparent for anything else. */
export function parseColor(text: string): Rgba {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return TRANSPARENT;
  const hex = /^#([0-9a-f]{3,8})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return { r: byte(0), g: byte(2), b: byte(4), a: full.length === 8 ? byte(6) / 255 : 1 };
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(value)?.[1];
  if (fn) {
    const parts = fn.split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length >= 3 && parts.every(Number.isFinite)) return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 };
  }
  return TRANSPARENT;
}

export function formatColor({ r, g, b, a }: Rgba): string {
  const round = (n: number) => Math.round(Math.min(255, Math.max(0, n)));
  return `rgba(${round(r)}, ${round(g)}, ${round(b)}, ${Math.round(Math.min(1, Math.max(0, a)) * 1000) / 1000})`;
}

/**
 * `color-mix(in srgb, a share%, b)`: premultiplied by alpha, as CSS mixes. `b` may be
 * 'transparent'.
 */
export function mixColor(a: string, share: number, b: string): string {
  const x = parseColor(a);
  const y = parseColor(b);
  const p = Math.min(1, Math.max(0, share));
  const alpha = x.a * p + y.a * (1 - p);
  if (alpha === 0) return formatColor(TRANSPARENT);
  const channel = (k: 'r' | 'g' | 'b') => (x[k] * x.a * p + y[k] * y.a * (1 - p)) / alpha;
  return formatColor({ r: channel('r'), g: channel('g'), b: channel('b'), a: alpha });
}

/** The colour with its alpha multiplied by `opacity`. */
export function fadeColor(color: string, opacity: number): string {
  const c = parseColor(color);
  return formatColor({ ...c, a: c.a * opacity });
}
