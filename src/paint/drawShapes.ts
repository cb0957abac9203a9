/**
 * Groups and sticky notes as GroupNode.tsx and NoteNode.tsx draw them: a group's tinted box,
 * dashed outline and title row (icon, name in capitals, technology, "Down" badge; greyed and
 * striped when marked down); a note's coloured card with its wrapped text.
 */
import { mixColor } from './color';
import { baselineIn, color, fillWithShadows, pathOf, roundedRect, type PaintContext } from './context';
import { drawCapacityBadge } from './drawComponent';
import { fontOf } from './fonts';
import { elementPathData, iconPathData } from './iconPaths';
import { ICON_STROKE_WIDTH, ICON_VIEW_BOX, PIN_SHAPE } from './iconShapes';
import type { PaletteColor } from './palette';
import type { GroupItem, NoteItem } from './scene';

const GROUP_RADIUS = 14;
/** `.arch-group-title`: 8 px 12 px padding, 6 px gaps, a 15 px icon, 12 px text spaced 0.04 em. */
const TITLE = { padX: 12, padY: 8, gap: 6, icon: 15, size: 12 };

export function drawGroup(pc: PaintContext, item: GroupItem): void {
  const { ctx } = pc;
  const { width: w, height: h } = item;
  const family = pc.palette.fontFamily;
  ctx.save();
  ctx.translate(item.x, item.y);
  const box = roundedRect(pc, 0, 0, w, h, GROUP_RADIUS);
  ctx.fillStyle = color(pc, 'af-group-bg');
  ctx.fill(box);
  if (item.down) {
    // repeating-linear-gradient(135deg, transparent 0 10px, muted 10 % 10px 12px)
    ctx.save();
    ctx.clip(box);
    ctx.strokeStyle = mixColor(color(pc, 'af-muted'), 0.1, 'transparent');
    ctx.lineWidth = 2;
    for (let d = 0; d < w + h; d += 12 * Math.SQRT2) {
      ctx.beginPath();
      ctx.moveTo(d + 11, 0);
      ctx.lineTo(d + 11 - h, h);
      ctx.stroke();
    }
    ctx.restore();
  }
  const frame = pc.palette.frameWidth;
  ctx.save();
  if (item.faded) ctx.globalAlpha = 0.3;
  ctx.strokeStyle = item.down ? color(pc, 'af-muted') : color(pc, 'af-group-border');
  ctx.lineWidth = frame;
  ctx.setLineDash([3 * frame, 2 * frame]);
  ctx.stroke(roundedRect(pc, frame / 2, frame / 2, w - frame, h - frame, GROUP_RADIUS - frame / 2));
  ctx.restore();

  // The title row, on one line from the top-left corner (inside the 1.5 px border).
  const rowTop = 1.5 + TITLE.padY;
  ctx.font = fontOf('groupTitle', family);
  const m = ctx.measureText('Hg');
  const rowHeight = Math.max(TITLE.icon, m.fontBoundingBoxAscent + m.fontBoundingBoxDescent);
  let x = 1.5 + TITLE.padX;
  const muted = color(pc, 'af-muted');
  ctx.save();
  ctx.translate(x, rowTop + (rowHeight - TITLE.icon) / 2);
  ctx.scale(TITLE.icon / ICON_VIEW_BOX, TITLE.icon / ICON_VIEW_BOX);
  ctx.strokeStyle = muted;
  ctx.lineWidth = ICON_STROKE_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(pathOf(pc, iconPathData('group')));
  ctx.restore();
  x += TITLE.icon + TITLE.gap;
  const maxRight = w - 1.5 - TITLE.padX;
  ctx.save();
  ctx.clip(box);
  ctx.fillStyle = muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const baseline = baselineIn(ctx, rowTop, rowHeight);
  const title = item.label.toLocaleUpperCase();
  ctx.letterSpacing = `${0.04 * TITLE.size}px`;
  ctx.fillText(title, x, baseline);
  const titleWidth = ctx.measureText(title).width;
  if (item.down) {
    ctx.fillStyle = mixColor(muted, 0.6, 'transparent');
    ctx.fillRect(x, baseline - 0.3 * TITLE.size - 0.5, titleWidth, 1);
    ctx.fillStyle = muted;
  }
  x += titleWidth + TITLE.gap;
  if (item.tech && x < maxRight) {
    ctx.font = fontOf('groupTech', family);
    ctx.fillText(item.tech, x, baseline);
    x += ctx.measureText(item.tech).width + TITLE.gap;
  }
  ctx.letterSpacing = '0px';
  ctx.restore();
  if (item.down) drawCapacityBadge(pc, x, rowTop + (rowHeight - 18) / 2, [{ text: 'Down', weight: 'badge' }], muted);
  ctx.restore();
}

const NOTE_COLORS: Readonly<Record<NoteItem['color'], PaletteColor>> = {
  yellow: 'af-note-yellow',
  blue: 'af-note-blue',
  green: 'af-note-green',
  pink: 'af-note-pink',
  purple: 'af-note-purple',
  grey: 'af-note-grey',
};
/** `.note`: 13 px text on 1.4 lines, 10 px 12 px padding. */
const NOTE = { padX: 12, padY: 10, lineHeight: 13 * 1.4 };

export function drawNote(pc: PaintContext, item: NoteItem): void {
  const { ctx } = pc;
  const family = pc.palette.fontFamily;
  ctx.save();
  ctx.translate(item.x, item.y);
  const card = roundedRect(pc, 0, 0, item.width, item.height, [3, 3, 14, 3]);
  fillWithShadows(pc, card, color(pc, NOTE_COLORS[item.color]), [
    { y: 1, blur: 1, color: 'rgba(0, 0, 0, 0.08)' },
    { y: 4, blur: 8, color: 'rgba(0, 0, 0, 0.14)' },
  ]);
  ctx.clip(card);
  if (item.pinned) {
    // `.note-pin-mark`: 12 px, 4 px from the top and 5 px from the right, at 55 %.
    ctx.save();
    ctx.globalAlpha = 0.55;
    ctx.translate(item.width - 5 - 12, 4);
    ctx.scale(12 / ICON_VIEW_BOX, 12 / ICON_VIEW_BOX);
    ctx.strokeStyle = color(pc, 'af-note-text');
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.stroke(pathOf(pc, PIN_SHAPE.map(elementPathData)));
    ctx.restore();
  }
  ctx.beginPath();
  ctx.rect(NOTE.padX, NOTE.padY, item.width - 2 * NOTE.padX, item.height - 2 * NOTE.padY);
  ctx.clip();
  ctx.fillStyle = color(pc, 'af-note-text');
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  if (item.lines.length === 0) {
    ctx.font = fontOf('noteItalic', family);
    ctx.globalAlpha = 0.55;
    ctx.fillText('Double-click to write', NOTE.padX, baselineIn(ctx, NOTE.padY, NOTE.lineHeight));
  } else {
    ctx.font = fontOf('note', family);
    item.lines.forEach((line, i) => {
      const top = NOTE.padY + i * NOTE.lineHeight;
      if (top < item.height) ctx.fillText(line, NOTE.padX, baselineIn(ctx, top, NOTE.lineHeight));
    });
  }
  ctx.restore();
}
