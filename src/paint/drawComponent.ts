/**
 * A component as `.arch-node` draws it: shadow, ring with the role's stripe, icon tile, name and
 * technology, design badge, and the capacity overlay's colours and badges (styles/06-canvas.css,
 * 10-design.css, 11-capacity.css). Faded beside a path on show, ringed on it.
 */
import { mixColor } from './color';
import { BOX } from './componentBox';
import { baselineIn, color, fillWithShadows, pathOf, roundedRect, type PaintContext } from './context';
import { fontOf } from './fonts';
import { iconPathData } from './iconPaths';
import { ICON_STROKE_WIDTH, ICON_VIEW_BOX } from './iconShapes';
import type { PaletteColor } from './palette';
import type { ComponentItem } from './scene';

const ROLE_COLORS: Readonly<Record<ComponentItem['role'], [PaletteColor, PaletteColor]>> = {
  client: ['af-client', 'af-client-soft'],
  server: ['af-server', 'af-server-soft'],
  datastore: ['af-datastore', 'af-datastore-soft'],
  support: ['af-support', 'af-support-soft'],
};

/** `--af-shadow`: the light theme's two layers, the dark theme's one. */
export function nodeShadows(pc: PaintContext) {
  return pc.palette.dark
    ? [{ y: 1, blur: 2, color: 'rgba(0, 0, 0, 0.4)' }]
    : [
        { y: 1, blur: 2, color: 'rgba(16, 24, 40, 0.06)' },
        { y: 1, blur: 3, color: 'rgba(16, 24, 40, 0.1)' },
      ];
}

interface BoxLook {
  ring: string;
  stripe: string;
  fill: string;
  dashed: boolean;
  shadow: boolean;
  /** `outline: 1px` around an overloaded component. */
  outline: string | null;
  /** A 3 px halo (on the path on show). */
  halo: string | null;
  iconAlpha: number;
  iconGrey: boolean;
  labelColor: string;
  labelWeight: 600 | 500;
}

function lookOf(pc: PaintContext, item: ComponentItem): BoxLook {
  const [roleColor] = ROLE_COLORS[item.role];
  const look: BoxLook = {
    ring: color(pc, 'af-border'),
    stripe: color(pc, roleColor),
    fill: color(pc, 'af-node-bg'),
    dashed: false,
    shadow: true,
    outline: null,
    halo: null,
    iconAlpha: 1,
    iconGrey: false,
    labelColor: color(pc, 'af-text'),
    labelWeight: 600,
  };
  switch (item.capacity?.status) {
    case 'ok':
      look.ring = look.stripe = color(pc, 'cap-ok');
      break;
    case 'hot':
      look.ring = look.stripe = color(pc, 'cap-hot-line');
      look.fill = mixColor(color(pc, 'cap-hot-soft'), 0.7, color(pc, 'af-node-bg'));
      break;
    case 'overloaded':
      look.ring = look.stripe = look.outline = color(pc, 'cap-over-line');
      look.fill = mixColor(color(pc, 'cap-over-soft'), 0.8, color(pc, 'af-node-bg'));
      break;
    case 'down':
      look.ring = look.stripe = color(pc, 'af-muted');
      look.dashed = true;
      look.shadow = false;
      look.iconAlpha = 0.35;
      look.iconGrey = true;
      look.labelColor = color(pc, 'af-muted');
      break;
    case 'cutoff':
      look.ring = color(pc, 'cap-over-line');
      look.dashed = true;
      break;
  }
  if (item.path === 'on') {
    // `.arch-node.on-path` sets every side's border colour, the stripe's too.
    look.ring = look.stripe = color(pc, 'af-path');
    look.halo = mixColor(color(pc, 'af-path'), 0.3, 'transparent');
  } else if (item.path === 'off') {
    look.ring = mixColor(color(pc, 'af-border'), 0.5, 'transparent');
    look.stripe = mixColor(color(pc, roleColor), 0.25, color(pc, 'af-node-bg'));
    look.shadow = false;
    look.iconAlpha = 0.3;
    look.labelColor = color(pc, 'af-muted');
    look.labelWeight = 500;
  }
  return look;
}

function drawBox(pc: PaintContext, item: ComponentItem, look: BoxLook): void {
  const { ctx } = pc;
  const { width: w, height: h } = item.layout;
  const outer = roundedRect(pc, 0, 0, w, h, BOX.radius);
  if (look.halo) {
    ctx.fillStyle = look.halo;
    ctx.fill(roundedRect(pc, -3, -3, w + 6, h + 6, BOX.radius + 3));
  }
  if (look.outline) {
    ctx.fillStyle = look.outline;
    ctx.fill(roundedRect(pc, -1, -1, w + 2, h + 2, BOX.radius + 1));
  }
  const inner = roundedRect(pc, BOX.stripe, BOX.ring, w - BOX.stripe - BOX.ring, h - 2 * BOX.ring, [
    { x: BOX.radius - BOX.stripe, y: BOX.radius - BOX.ring },
    BOX.radius - BOX.ring,
    BOX.radius - BOX.ring,
    { x: BOX.radius - BOX.stripe, y: BOX.radius - BOX.ring },
  ]);
  if (look.dashed) {
    // A dashed border: the box's fill, its ring stroked in dashes, the stripe solid but dashed too in CSS (drawn solid here).
    fillWithShadows(pc, outer, look.fill, look.shadow ? nodeShadows(pc) : []);
    ctx.save();
    ctx.strokeStyle = look.ring;
    ctx.lineWidth = BOX.ring;
    ctx.setLineDash([3 * BOX.ring, 3 * BOX.ring]);
    ctx.stroke(roundedRect(pc, BOX.ring / 2, BOX.ring / 2, w - BOX.ring, h - BOX.ring, BOX.radius - BOX.ring / 2));
    ctx.restore();
    ctx.save();
    ctx.clip(outer);
    ctx.fillStyle = look.stripe;
    ctx.fillRect(0, 0, BOX.stripe, h);
    ctx.restore();
    return;
  }
  fillWithShadows(pc, outer, look.ring, look.shadow ? nodeShadows(pc) : []);
  ctx.save();
  ctx.clip(outer);
  ctx.fillStyle = look.stripe;
  ctx.fillRect(0, 0, BOX.stripe, h);
  ctx.restore();
  ctx.fillStyle = look.fill;
  ctx.fill(inner);
}

function drawIcon(pc: PaintContext, item: ComponentItem, look: BoxLook): void {
  const { ctx } = pc;
  const [roleColor, roleSoft] = ROLE_COLORS[item.role];
  const { x, y, size } = item.layout.tile;
  ctx.save();
  ctx.globalAlpha = look.iconAlpha;
  ctx.fillStyle = look.iconGrey ? greyOf(color(pc, roleSoft)) : color(pc, roleSoft);
  ctx.fill(roundedRect(pc, x, y, size, size, BOX.iconRadius));
  if (item.icon) {
    const inset = (size - BOX.iconSize) / 2;
    const k = BOX.iconSize / ICON_VIEW_BOX;
    ctx.translate(x + inset, y + inset);
    ctx.scale(k, k);
    ctx.strokeStyle = look.iconGrey ? greyOf(color(pc, roleColor)) : color(pc, roleColor);
    ctx.lineWidth = ICON_STROKE_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.stroke(pathOf(pc, iconPathData(item.icon)));
  }
  ctx.restore();
}

/** `filter: grayscale(1)`: the colour's luminance (Rec. 709 weights, as CSS's filter uses). */
function greyOf(colorText: string): string {
  const mixed = mixColor(colorText, 1, 'transparent');
  const [r = 0, g = 0, b = 0, a = 1] = (mixed.match(/[\d.]+/g) ?? []).map(Number);
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return `rgba(${Math.round(l)}, ${Math.round(l)}, ${Math.round(l)}, ${a})`;
}

function drawText(pc: PaintContext, item: ComponentItem, look: BoxLook): void {
  const { ctx } = pc;
  const family = pc.palette.fontFamily;
  const { label, sub } = item.layout;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = fontOf('label', family).replace('600', String(look.labelWeight));
  ctx.fillStyle = look.labelColor;
  label.lines.forEach((line, i) => {
    const top = label.top + i * label.lineHeight;
    ctx.fillText(line, label.x, baselineIn(ctx, top, label.lineHeight));
  });
  if (sub) {
    ctx.font = fontOf('sub', family);
    ctx.fillStyle = color(pc, 'af-muted');
    ctx.fillText(sub.text, sub.x, baselineIn(ctx, sub.top, sub.height));
  }
  const badge = item.layout.badge;
  if (badge) {
    const [roleColor, roleSoft] = ROLE_COLORS[item.role];
    const pill = roundedRect(pc, badge.x + 0.5, badge.y + 0.5, badge.width - 1, badge.height - 1, badge.height / 2);
    ctx.fillStyle = color(pc, roleSoft);
    ctx.fill(pill);
    ctx.strokeStyle = mixColor(color(pc, roleColor), 0.4, color(pc, 'af-border'));
    ctx.lineWidth = 1;
    ctx.stroke(pill);
    ctx.font = fontOf('design', family);
    ctx.fillStyle = color(pc, roleColor);
    ctx.fillText(badge.text, badge.x + 1 + BOX.badgePadX, baselineIn(ctx, badge.y + 2, badge.height - 4));
  }
}

const STATUS_TEXT: Readonly<Record<string, string>> = { ok: 'OK', hot: 'Hot', overloaded: 'Overloaded', down: 'Down', cutoff: 'Cut off' };
const BADGE_BACKGROUND: Readonly<Record<string, PaletteColor>> = { ok: 'cap-ok', hot: 'cap-hot', overloaded: 'cap-over', cutoff: 'cap-over', down: 'af-muted' };

/** A capacity badge (`.cap-badge`): a pill 18 px high, ringed in the canvas colour; returns its width. */
export function drawCapacityBadge(pc: PaintContext, x: number, y: number, parts: readonly { text: string; weight: 'badge' | 'rho' }[], background: string): number {
  const { ctx } = pc;
  const family = pc.palette.fontFamily;
  const widths = parts.map((p) => {
    ctx.font = fontOf(p.weight, family);
    return ctx.measureText(p.text).width;
  });
  const width = widths.reduce((a, b) => a + b, 0) + 12;
  ctx.fillStyle = color(pc, 'af-canvas');
  ctx.fill(roundedRect(pc, x - 1.5, y - 1.5, width + 3, 21, 10.5));
  ctx.fillStyle = background;
  ctx.fill(roundedRect(pc, x, y, width, 18, 9));
  ctx.fillStyle = pc.palette.dark ? '#111318' : '#ffffff';
  let at = x + 6;
  parts.forEach((p, i) => {
    ctx.font = fontOf(p.weight, family);
    ctx.fillText(p.text, at, baselineIn(ctx, y, 18));
    at += widths[i]!;
  });
  return width;
}

function drawCapacityBadges(pc: PaintContext, item: ComponentItem): void {
  const marks = item.capacity;
  // Beside a path on show the badges are hidden (10-design.css).
  if (!marks || item.path === 'off') return;
  const parts: { text: string; weight: 'badge' | 'rho' }[] = [{ text: STATUS_TEXT[marks.status] ?? marks.status, weight: 'badge' }];
  if (marks.rho) parts.push({ text: ` ρ ${marks.rho}`, weight: 'rho' });
  const width = drawCapacityBadge(pc, 10, -10, parts, color(pc, BADGE_BACKGROUND[marks.status] ?? 'cap-ok'));
  if (marks.spof) drawCapacityBadge(pc, 10 + width + 4, -10, [{ text: 'SPOF', weight: 'badge' }], color(pc, 'cap-spof'));
}

export function drawComponent(pc: PaintContext, item: ComponentItem): void {
  const { ctx } = pc;
  const look = lookOf(pc, item);
  ctx.save();
  ctx.translate(item.x, item.y);
  drawBox(pc, item, look);
  drawIcon(pc, item, look);
  drawText(pc, item, look);
  drawCapacityBadges(pc, item);
  ctx.restore();
}
