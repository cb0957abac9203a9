/**
 * What the painter needs from the page's style, read once per export from the live page's CSS
 * variables and computed styles (src/io/readPalette.ts) and sent to the worker: the theme's
 * colours, the font family, and the few lengths that depend on the screen.
 */

/** The CSS variables the painter reads, without their `--`. */
export const PALETTE_VARIABLES = [
  'af-canvas',
  'af-panel',
  'af-border',
  'af-text',
  'af-muted',
  'af-edge',
  'af-node-bg',
  'af-client',
  'af-client-soft',
  'af-server',
  'af-server-soft',
  'af-datastore',
  'af-datastore-soft',
  'af-support',
  'af-support-soft',
  'af-group-bg',
  'af-group-border',
  'af-path',
  'af-note-yellow',
  'af-note-blue',
  'af-note-green',
  'af-note-pink',
  'af-note-purple',
  'af-note-grey',
  'af-note-text',
  'cap-ok',
  'cap-hot',
  'cap-hot-line',
  'cap-hot-soft',
  'cap-over',
  'cap-over-line',
  'cap-over-soft',
  'cap-spof',
  'cap-traffic',
] as const;

export type PaletteColor = (typeof PALETTE_VARIABLES)[number];

export interface Palette {
  colors: Readonly<Record<PaletteColor, string>>;
  /** The page's font family list, resolved (`--af-font`). */
  fontFamily: string;
  dark: boolean;
  /** Where Chromium draws a component's 1.5 px ring: 1 px in on a 1× screen, 1.5 px on 2× (`--ring-inset`). */
  ringInset: number;
  /** The group outline's width (`.arch-group-frame rect`): 1 px on a 1× screen, 1.5 px on 2×. */
  frameWidth: number;
  /** The path on show is drawn without its dashes (`prefers-reduced-motion`). */
  reducedMotion: boolean;
}

/** The light theme's values (styles/01-theme.css and friends): tests, and the page when it cannot be read. */
export const LIGHT_PALETTE: Palette = {
  colors: {
    'af-canvas': '#fbfbfd',
    'af-panel': '#ffffff',
    'af-border': '#e2e5ea',
    'af-text': '#1c2230',
    'af-muted': '#5f6b7d',
    'af-edge': '#5b6577',
    'af-node-bg': '#ffffff',
    'af-client': '#0e7490',
    'af-client-soft': '#e3f5f9',
    'af-server': '#4f46e5',
    'af-server-soft': '#eceeff',
    'af-datastore': '#b45309',
    'af-datastore-soft': '#fdf1e1',
    'af-support': '#64748b',
    'af-support-soft': '#eef1f5',
    'af-group-bg': 'rgba(100, 116, 139, 0.05)',
    'af-group-border': '#b7c0cd',
    'af-path': '#0369a1',
    'af-note-yellow': '#fff4b8',
    'af-note-blue': '#dbeafe',
    'af-note-green': '#d9f5e0',
    'af-note-pink': '#fde0ec',
    'af-note-purple': '#ebe3ff',
    'af-note-grey': '#eceff3',
    'af-note-text': '#2a2410',
    'cap-ok': '#0072b2',
    'cap-hot': '#a35f00',
    'cap-hot-line': '#e69f00',
    'cap-hot-soft': '#fff2d6',
    'cap-over': '#b8400a',
    'cap-over-line': '#d55e00',
    'cap-over-soft': '#fde6da',
    'cap-spof': '#6b2fa3',
    'cap-traffic': '#0072b2',
  },
  fontFamily: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  dark: false,
  ringInset: 1,
  frameWidth: 1,
  reducedMotion: false,
};
