/**
 * The far view's colours (paintPicture.ts): the theme's CSS variables, read once per theme change
 * as OverviewMap.tsx reads the role colours, so painting never asks the page's styles.
 */
export interface PictureColors {
  canvas: string;
  nodeBg: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  edge: string;
  groupBg: string;
  groupBorder: string;
  error: string;
  errorSoft: string;
  warning: string;
  noteText: string;
  font: string;
  /** Role and note colours by name (client, server-soft, note-yellow, …). */
  named: ReadonlyMap<string, string>;
  cap: { ok: string; hotLine: string; hotSoft: string; overLine: string; overSoft: string };
}

const ROLES = ['client', 'server', 'datastore', 'support'];
const NOTES = ['yellow', 'blue', 'green', 'pink', 'purple', 'grey'];

/** The theme's colours, read from the page's CSS variables (once per theme change). */
export function readPictureColors(el: Element): PictureColors {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const named = new Map<string, string>();
  for (const r of ROLES) {
    named.set(r, v(`--af-${r}`, '#4f46e5'));
    named.set(`${r}-soft`, v(`--af-${r}-soft`, '#eef0ff'));
  }
  for (const c of NOTES) named.set(`note-${c}`, v(`--af-note-${c}`, '#fff4b8'));
  return {
    canvas: v('--af-canvas', '#fbfbfd'),
    nodeBg: v('--af-node-bg', '#ffffff'),
    border: v('--af-border', '#e2e5ea'),
    text: v('--af-text', '#1c2230'),
    muted: v('--af-muted', '#5f6b7d'),
    accent: v('--af-accent', '#4f46e5'),
    edge: v('--af-edge', '#5b6577'),
    groupBg: v('--af-group-bg', 'rgba(100,116,139,0.05)'),
    groupBorder: v('--af-group-border', '#b7c0cd'),
    error: v('--af-error', '#dc2626'),
    errorSoft: v('--af-error-soft', '#fee2e2'),
    warning: v('--af-warning', '#c27803'),
    noteText: v('--af-note-text', '#2a2410'),
    font: v('--af-font', 'system-ui, sans-serif'),
    named,
    cap: {
      ok: v('--cap-ok', '#0072b2'),
      hotLine: v('--cap-hot-line', '#e69f00'),
      hotSoft: v('--cap-hot-soft', '#fff2d6'),
      overLine: v('--cap-over-line', '#d55e00'),
      overSoft: v('--cap-over-soft', '#fde6da'),
    },
  };
}
