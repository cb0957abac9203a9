/**
 * Paints the far view (PictureLayer.tsx) into a 2D canvas: group frames with their titles,
 * connections along their routes, components as the canvas draws them (rounded box, role stripe,
 * name once readable) and notes, with the states people rely on: selection, validation marks,
 * the capacity overlay and a shown request path. Everything outside the view is skipped, and
 * what would be smaller than a few screen pixels is drawn plainly (a box of its role's colour, no
 * text), so a paint of 1,000 components stays a few milliseconds.
 */
import type { Rect } from '../model/findFreeSpot';
import type { PictureColors } from './pictureColors';
import type { PictureBox, PictureLine, PictureScene } from './pictureScene';
import { overlaps } from './pictureScene';

/** What the session adds to the document's picture. */
export interface PictureMarks {
  selected: ReadonlySet<string>;
  hovered: string | null;
  severity: ReadonlyMap<string, 'error' | 'warning'>;
  /** Capacity overlay per component (`status|ρ|spof`, selectors.ts), null when the analysis is not shown. */
  overlay: ReadonlyMap<string, string> | null;
  downGroups: ReadonlySet<string>;
  /** Step numbers per component on the shown path, null when no path is shown. */
  pathSteps: ReadonlyMap<string, string> | null;
  pathEdges: ReadonlySet<string>;
}

export interface PictureView {
  /** React Flow's transform: screen = flow × zoom + (x, y). */
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  pixelRatio: number;
}

/** Smallest text (screen pixels) worth drawing; below it a name is a smudge. */
const MIN_TEXT_PX = 5;
/** A group's title on screen, at least, however far out. */
const TITLE_PX = 10;
/** Narrower than this on screen, a component is a plain box of its role's colour (as in the minimap). */
const PLAIN_BOX_PX = 28;

/** Cuts `text` to fit `width` at the context's current font, with an ellipsis; cached per text and width. */
function createFitter() {
  const cache = new Map<string, string>();
  return (ctx: CanvasRenderingContext2D, text: string, width: number): string => {
    const key = `${ctx.font}|${Math.round(width)}|${text}`;
    let fitted = cache.get(key);
    if (fitted !== undefined) return fitted;
    fitted = text;
    if (ctx.measureText(text).width > width) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
        else hi = mid - 1;
      }
      fitted = lo === 0 ? '' : `${text.slice(0, lo)}…`;
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(key, fitted);
    return fitted;
  };
}

export type PicturePainter = (ctx: CanvasRenderingContext2D, scene: PictureScene, view: PictureView, colors: PictureColors, marks: PictureMarks) => number;

/** A painter with its own cache of fitted labels; returns how many boxes it drew. */
export function createPicturePainter(): PicturePainter {
  const fit = createFitter();
  return (ctx, scene, view, colors, marks) => {
    const { zoom, pixelRatio } = view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(zoom * pixelRatio, 0, 0, zoom * pixelRatio, view.x * pixelRatio, view.y * pixelRatio);
    const visible: Rect = { x: -view.x / zoom, y: -view.y / zoom, width: view.width / zoom, height: view.height / zoom };
    const px = 1 / zoom;
    const pathShown = marks.pathSteps !== null;
    let drawn = 0;
    for (const b of scene.boxes) {
      if (b.kind === 'group' && overlaps(b, visible)) {
        paintGroup(ctx, b, zoom, colors, marks, fit);
        drawn++;
      }
    }
    paintLines(ctx, scene.lines, visible, zoom, colors, marks);
    // Far out, most components are plain boxes: gathered by colour and filled as one path each,
    // since setting a fill colour (a CSS colour parsed each time) costs more than the box.
    const plain = new Map<string, PictureBox[]>();
    for (const b of scene.boxes) {
      if (b.kind === 'group' || !overlaps(b, visible)) continue;
      drawn++;
      const faded = pathShown && b.kind === 'component' && !marks.pathSteps!.has(b.id);
      const fill = b.kind === 'component' && !faded ? plainFill(b, zoom, colors, marks) : null;
      if (fill !== null) {
        const list = plain.get(fill);
        if (list) list.push(b);
        else plain.set(fill, [b]);
        continue;
      }
      ctx.globalAlpha = faded ? 0.3 : 1;
      if (b.kind === 'note') paintNote(ctx, b, zoom, colors, marks, fit);
      else paintComponent(ctx, b, zoom, px, colors, marks, fit);
    }
    ctx.globalAlpha = 1;
    for (const [fill, boxes] of plain) {
      ctx.beginPath();
      for (const b of boxes) ctx.rect(b.x, b.y, b.w, b.h);
      ctx.fillStyle = fill;
      ctx.fill();
    }
    for (const b of scene.boxes) {
      if (b.kind !== 'group') break;
      if (overlaps(b, visible)) paintGroupTitle(ctx, b, zoom, colors, marks, fit);
    }
    return drawn;
  };
}

type Fit = ReturnType<typeof createFitter>;

/**
 * The one colour a component is drawn in when it is only a few pixels wide and nothing marks it
 * (selected, hovered, down: those are painted one by one); null when it is drawn in full.
 */
function plainFill(b: PictureBox, zoom: number, colors: PictureColors, marks: PictureMarks): string | null {
  if (b.w * zoom >= PLAIN_BOX_PX || marks.selected.has(b.id) || marks.hovered === b.id) return null;
  const severity = marks.severity.get(b.id);
  if (severity === 'error') return colors.error;
  const overlay = marks.overlay?.get(b.id);
  if (overlay) {
    const cap = capacityLook(overlay.split('|')[0]!, colors);
    if (cap?.faded) return null;
    if (cap) return cap.line;
  }
  return colors.named.get(b.role) ?? colors.accent;
}

function paintGroup(ctx: CanvasRenderingContext2D, b: PictureBox, zoom: number, colors: PictureColors, marks: PictureMarks, fit: Fit) {
  const px = 1 / zoom;
  const down = marks.downGroups.has(b.id);
  ctx.globalAlpha = marks.pathSteps !== null ? 0.5 : 1;
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, 14);
  ctx.fillStyle = colors.groupBg;
  ctx.fill();
  const selected = marks.selected.has(b.id);
  ctx.strokeStyle = selected ? colors.accent : down ? colors.muted : colors.groupBorder;
  ctx.lineWidth = selected ? 2 * px : Math.max(1.5, px);
  // Dashed while a dash is still wider than a screen pixel, as the DOM frame (GroupNode.tsx).
  if (5 * 1.5 * zoom >= 1) ctx.setLineDash([4.5, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
  // Its title at its own size, once readable; further out paintGroupTitle labels it over its content.
  if (12 * zoom >= MIN_TEXT_PX) {
    ctx.font = `600 12px ${colors.font}`;
    ctx.fillStyle = colors.muted;
    ctx.textBaseline = 'middle';
    ctx.fillText(fit(ctx, (down ? 'DOWN · ' : '') + b.label.toUpperCase(), b.w - 24), b.x + 12, b.y + 17);
  }
  ctx.globalAlpha = 1;
}

/**
 * A group's title far out, over its components like a region's name on a map: TITLE_PX on
 * screen on a plate of the canvas's colour, and only when enough of it fits to be read.
 */
function paintGroupTitle(ctx: CanvasRenderingContext2D, b: PictureBox, zoom: number, colors: PictureColors, marks: PictureMarks, fit: Fit) {
  if (12 * zoom >= MIN_TEXT_PX) return;
  const size = TITLE_PX / zoom;
  const title = (marks.downGroups.has(b.id) ? 'DOWN · ' : '') + b.label.toUpperCase();
  ctx.font = `600 ${size}px ${colors.font}`;
  const text = fit(ctx, title, b.w - size);
  if (text.length < Math.min(title.length, 7)) return;
  const width = ctx.measureText(text).width;
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = colors.canvas;
  ctx.fillRect(b.x + size * 0.3, b.y + size * 0.3, width + size * 0.4, size * 1.3);
  ctx.globalAlpha = 1;
  ctx.fillStyle = colors.muted;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, b.x + size * 0.5, b.y + size * 0.95);
}

function paintLines(ctx: CanvasRenderingContext2D, lines: readonly PictureLine[], visible: Rect, zoom: number, colors: PictureColors, marks: PictureMarks) {
  const px = 1 / zoom;
  // Never thinner than about half a screen pixel, or a far view loses its connections entirely;
  // fainter the further out, or a thousand of them bury the components.
  const width = Math.max(1.5, 0.6 * px);
  const faint = Math.min(0.75, Math.max(0.22, zoom * 2.5));
  const arrows = 9 * zoom >= 4;
  const pathShown = marks.pathSteps !== null;
  // One path per look (sync, async, on the path): a stroke per connection would cost ten times as much.
  const looks = [
    { dash: [] as number[], color: colors.edge, alpha: pathShown ? 0.15 : faint, width, lines: [] as PictureLine[] },
    { dash: [6, 4], color: colors.edge, alpha: pathShown ? 0.15 : faint, width, lines: [] as PictureLine[] },
    { dash: [] as number[], color: colors.accent, alpha: 1, width: Math.max(3, 2 * px), lines: [] as PictureLine[] },
  ];
  const right = visible.x + visible.width;
  const bottom = visible.y + visible.height;
  for (const l of lines) {
    if (l.minX > right || l.minY > bottom || l.maxX < visible.x || l.maxY < visible.y) continue;
    looks[marks.pathEdges.has(l.id) ? 2 : l.async ? 1 : 0]!.lines.push(l);
  }
  for (const look of looks) {
    if (look.lines.length === 0) continue;
    ctx.beginPath();
    for (const l of look.lines) {
      const pts = l.points;
      ctx.moveTo(pts[0]!.x, pts[0]!.y);
      for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i]!.x, pts[i]!.y);
    }
    ctx.globalAlpha = look.alpha;
    ctx.strokeStyle = look.color;
    ctx.lineWidth = look.width;
    ctx.setLineDash(look.dash.length > 0 && 6 * zoom >= 2 ? look.dash : []);
    ctx.stroke();
    ctx.setLineDash([]);
    if (arrows) {
      ctx.beginPath();
      for (const l of look.lines) {
        const pts = l.points;
        arrowHead(ctx, pts[pts.length - 2]!, pts[pts.length - 1]!, 9);
        if (l.both) arrowHead(ctx, pts[1]!, pts[0]!, 9);
      }
      ctx.fillStyle = look.color;
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
}

function arrowHead(ctx: CanvasRenderingContext2D, from: { x: number; y: number }, to: { x: number; y: number }, size: number) {
  const zx = to.x;
  const zy = to.y;
  const len = Math.hypot(zx - from.x, zy - from.y) || 1;
  const ux = (zx - from.x) / len;
  const uy = (zy - from.y) / len;
  ctx.moveTo(zx, zy);
  ctx.lineTo(zx - ux * size - uy * size * 0.5, zy - uy * size + ux * size * 0.5);
  ctx.lineTo(zx - ux * size + uy * size * 0.5, zy - uy * size - ux * size * 0.5);
  ctx.closePath();
}

/** Fill and outline of a component under the capacity overlay, as styles/11-capacity.css colours the DOM node. */
function capacityLook(status: string, colors: PictureColors): { fill?: string; line: string; dashed: boolean; faded: boolean; thick: boolean } | null {
  switch (status) {
    case 'ok':
      return { line: colors.cap.ok, dashed: false, faded: false, thick: false };
    case 'hot':
      return { fill: colors.cap.hotSoft, line: colors.cap.hotLine, dashed: false, faded: false, thick: false };
    case 'overloaded':
      return { fill: colors.cap.overSoft, line: colors.cap.overLine, dashed: false, faded: false, thick: true };
    case 'down':
      return { line: colors.muted, dashed: true, faded: true, thick: false };
    case 'cutoff':
      return { line: colors.cap.overLine, dashed: true, faded: false, thick: false };
    default:
      return null;
  }
}

function paintComponent(ctx: CanvasRenderingContext2D, b: PictureBox, zoom: number, px: number, colors: PictureColors, marks: PictureMarks, fit: Fit) {
  const role = colors.named.get(b.role) ?? colors.accent;
  const selected = marks.selected.has(b.id);
  const severity = marks.severity.get(b.id);
  const overlay = marks.overlay?.get(b.id);
  const cap = overlay ? capacityLook(overlay.split('|')[0]!, colors) : null;
  if (cap?.faded) ctx.globalAlpha *= 0.45;
  if (b.w * zoom < PLAIN_BOX_PX) {
    // A few pixels: the role's colour says more than an outline could.
    ctx.fillStyle = severity === 'error' ? colors.error : (cap?.line ?? role);
    ctx.fillRect(b.x, b.y, b.w, b.h);
    if (selected || marks.hovered === b.id) {
      ctx.strokeStyle = colors.accent;
      ctx.lineWidth = 2.5 * px;
      ctx.strokeRect(b.x - 2 * px, b.y - 2 * px, b.w + 4 * px, b.h + 4 * px);
    }
    return;
  }
  if (selected) {
    ctx.beginPath();
    ctx.roundRect(b.x - 3 * px, b.y - 3 * px, b.w + 6 * px, b.h + 6 * px, 12);
    ctx.fillStyle = colors.accent;
    const alpha = ctx.globalAlpha;
    ctx.globalAlpha = alpha * 0.3;
    ctx.fill();
    ctx.globalAlpha = alpha;
  }
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, 10);
  ctx.fillStyle = severity === 'error' ? colors.errorSoft : (cap?.fill ?? colors.nodeBg);
  ctx.fill();
  const hovered = marks.hovered === b.id;
  ctx.strokeStyle = selected || hovered ? colors.accent : severity === 'error' ? colors.error : severity === 'warning' ? colors.warning : (cap?.line ?? colors.border);
  ctx.lineWidth = Math.max(selected ? 2 : cap?.thick ? 2.5 : 1.5, 0.75 * px);
  if (cap?.dashed) ctx.setLineDash([5, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
  // The role stripe along the left side, inside the rounded corner.
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, 4, b.h, [10, 0, 0, 10]);
  ctx.fillStyle = severity === 'error' ? colors.error : severity === 'warning' ? colors.warning : (cap?.line ?? role);
  ctx.fill();
  if (13 * zoom >= MIN_TEXT_PX) {
    // The icon's tile, then the name and the second line as the DOM node sets them.
    ctx.beginPath();
    ctx.roundRect(b.x + 14, b.y + b.h / 2 - 16, 32, 32, 8);
    ctx.fillStyle = colors.named.get(`${b.role}-soft`) ?? colors.nodeBg;
    ctx.fill();
    ctx.beginPath();
    ctx.arc(b.x + 30, b.y + b.h / 2, 7, 0, Math.PI * 2);
    ctx.fillStyle = role;
    ctx.fill();
    const textX = b.x + 56;
    const room = b.w - 56 - 10;
    ctx.textBaseline = 'middle';
    ctx.font = `600 13px ${colors.font}`;
    ctx.fillStyle = colors.text;
    const hasSub = b.sub !== '' && 11 * zoom >= MIN_TEXT_PX;
    ctx.fillText(fit(ctx, b.label, room), textX, b.y + b.h / 2 - (hasSub ? 8 : 0));
    if (hasSub) {
      ctx.font = `11px ${colors.font}`;
      ctx.fillStyle = colors.muted;
      ctx.fillText(fit(ctx, b.sub, room), textX, b.y + b.h / 2 + 9);
    }
  }
  const steps = marks.pathSteps?.get(b.id);
  if (steps) badge(ctx, b.x, b.y, steps, colors.accent, '#ffffff', colors, zoom);
  if (severity) badge(ctx, b.x + b.w, b.y, severity === 'error' ? '!' : '?', severity === 'error' ? colors.error : colors.warning, '#ffffff', colors, zoom);
  if (overlay && cap && overlay.split('|')[0] !== 'ok' && 11 * zoom >= MIN_TEXT_PX) {
    const [status = '', rho = ''] = overlay.split('|');
    const text = `${status === 'overloaded' ? 'Overloaded' : status === 'hot' ? 'Hot' : status === 'down' ? 'Down' : 'Cut off'}${rho ? ` ρ ${rho}` : ''}`;
    ctx.font = `600 11px ${colors.font}`;
    ctx.fillStyle = cap.line;
    ctx.textBaseline = 'bottom';
    ctx.fillText(text, b.x + 4, b.y - 3);
  }
}

/** A round mark on a corner: a path step's number, or a validation "!" / "?". */
function badge(ctx: CanvasRenderingContext2D, x: number, y: number, text: string, fill: string, ink: string, colors: PictureColors, zoom: number) {
  const r = Math.max(9, 3 / zoom);
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  if (11 * zoom >= MIN_TEXT_PX) {
    ctx.font = `700 11px ${colors.font}`;
    ctx.fillStyle = ink;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x, y + 0.5);
    ctx.textAlign = 'start';
  }
}

function paintNote(ctx: CanvasRenderingContext2D, b: PictureBox, zoom: number, colors: PictureColors, marks: PictureMarks, fit: Fit) {
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, [3, 3, 14, 3]);
  ctx.fillStyle = colors.named.get(`note-${b.role}`) ?? colors.named.get('note-yellow')!;
  ctx.fill();
  if (marks.selected.has(b.id) || marks.hovered === b.id) {
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = Math.max(2, 1 / zoom);
    ctx.stroke();
  }
  if (13 * zoom >= MIN_TEXT_PX && b.label) {
    ctx.font = `13px ${colors.font}`;
    ctx.fillStyle = colors.noteText;
    ctx.textBaseline = 'top';
    const lines = b.label.split('\n').slice(0, Math.max(1, Math.floor((b.h - 20) / 18)));
    lines.forEach((line, i) => ctx.fillText(fit(ctx, line, b.w - 24), b.x + 12, b.y + 10 + i * 18));
  }
}
