/**
 * The theme as the painter needs it (src/paint/palette.ts), read once per export from the live
 * page: the canvas's CSS variables (so the theme in use, light or dark, and any later change to
 * the stylesheets), the resolved font family, and the lengths that follow the screen's density.
 */
import { LIGHT_PALETTE, PALETTE_VARIABLES, type Palette, type PaletteColor } from '../paint/palette';

export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const colors = { ...LIGHT_PALETTE.colors };
  for (const name of PALETTE_VARIABLES) {
    const value = style.getPropertyValue(`--${name}`).trim();
    if (value) colors[name as PaletteColor] = value;
  }
  const dense = matchMedia('(min-resolution: 2dppx)').matches;
  return {
    colors,
    fontFamily: style.fontFamily || LIGHT_PALETTE.fontFamily,
    dark: element.closest('[data-theme="dark"]') !== null || document.documentElement.dataset.theme === 'dark',
    ringInset: dense ? 1.5 : 1,
    frameWidth: dense ? 1.5 : 1,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  };
}
