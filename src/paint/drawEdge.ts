/**
 * A connection as ConnectionEdge.tsx draws it: the line (dashed when async, the path on show's
 * dashes and colour), React Flow's closed arrowheads at its end and, when bidirectional, its
 * start; the label in its pill and the requests-per-second pill below it.
 */
import { color, pathOf, roundedRect, type PaintContext } from './context';
import { fontOf } from './fonts';
import type { EdgeItem } from './scene';
import { TRAFFIC_LEVELS, trafficRuns } from './trafficRuns';
import type { Point } from '../model/diagram';

/** `.arch-edge` 1.6, `.on-path` 2.6. */
const STROKE = { plain: 1.6, path: 2.6 };
/** React Flow's arrowhead: 16 × 16 marker units (the line's width each) over a 20-unit view box. */
const MARKER_SIZE = 16;
const MARKER_VIEW = 20;

/** React Flow's 'arrowclosed' at `tip`, pointing along `direction`. */
function drawArrow(pc: PaintContext, tip: Point, direction: Point, lineWidth: number, fill: string): void {
  const { ctx } = pc;
  const k = (MARKER_SIZE * lineWidth) / MARKER_VIEW;
  ctx.save();
  ctx.translate(tip.x, tip.y);
  ctx.rotate(Math.atan2(direction.y, direction.x));
  ctx.scale(k, k);
  ctx.beginPath();
  ctx.moveTo(-5, -4);
  ctx.lineTo(0, 0);
  ctx.lineTo(-5, 4);
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.strokeStyle = fill;
  ctx.lineWidth = 1;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.setLineDash([]);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

/** `.traffic-run`: round dots 5 px across, solid to 78 % of their radius, one per spacing along each straight run. */
const DOT_RADIUS = 2.5 * 0.89;

/** The capacity overlay's traffic dots, standing still where the canvas starts them. */
function drawTraffic(pc: PaintContext, item: EdgeItem, level: number): void {
  const { ctx } = pc;
  const { spacing } = TRAFFIC_LEVELS[Math.min(TRAFFIC_LEVELS.length, Math.max(1, level)) - 1]!;
  ctx.fillStyle = color(pc, 'cap-traffic');
  ctx.beginPath();
  for (const run of trafficRuns(item.geometry.path)) {
    const cos = Math.cos((run.angle * Math.PI) / 180);
    const sin = Math.sin((run.angle * Math.PI) / 180);
    // The strip's dots sit where the previous run's left off (TrafficDots.tsx).
    for (let t = spacing / 2 - (run.offset % spacing); t <= run.length; t += spacing) {
      if (t < 0) continue;
      const x = run.x + cos * t;
      const y = run.y + sin * t;
      ctx.moveTo(x + DOT_RADIUS, y);
      ctx.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
    }
  }
  ctx.fill();
}

export function drawEdge(pc: PaintContext, item: EdgeItem): void {
  const { ctx } = pc;
  if (item.traffic && item.path !== 'off') drawTraffic(pc, item, item.traffic);
  const onPath = item.path === 'on';
  const lineWidth = onPath ? STROKE.path : STROKE.plain;
  ctx.save();
  // Beside a path on show the whole connection fades to 20 %.
  if (item.path === 'off') ctx.globalAlpha = 0.2;
  ctx.strokeStyle = onPath ? color(pc, 'af-path') : color(pc, 'af-edge');
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  ctx.setLineDash(onPath ? (pc.palette.reducedMotion ? [] : [10, 6]) : item.async ? [8, 5] : []);
  ctx.stroke(pathOf(pc, item.geometry.path));
  // The arrowheads keep the connection colour, as React Flow's markers do.
  const arrow = color(pc, 'af-edge');
  drawArrow(pc, item.geometry.end, item.geometry.endDirection, lineWidth, arrow);
  if (item.bidirectional) {
    const back = item.geometry.startDirection;
    drawArrow(pc, item.geometry.start, { x: -back.x, y: -back.y }, lineWidth, arrow);
  }
  const family = pc.palette.fontFamily;
  if (item.label) {
    const { text, x, y, width, height } = item.label;
    const pill = roundedRect(pc, x - width / 2, y - height / 2, width, height, 5);
    ctx.fillStyle = color(pc, 'af-panel');
    ctx.fill(pill);
    ctx.strokeStyle = color(pc, 'af-border');
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    ctx.stroke(pill);
    ctx.font = fontOf('edge', family);
    ctx.fillStyle = color(pc, 'af-text');
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    // React Flow's text: its baseline 0.3 em below the label point (`dy="0.3em"` from the box's middle).
    ctx.fillText(text, x - width / 2 + 6, y + 0.3 * 11);
  }
  if (item.rate) {
    const { text, x, y, width } = item.rate;
    const pill = roundedRect(pc, x - width / 2, y - 9, width, 18, 9);
    ctx.fillStyle = color(pc, 'af-panel');
    ctx.fill(pill);
    ctx.strokeStyle = color(pc, 'cap-traffic');
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    ctx.stroke(pill);
    ctx.font = fontOf('rate', family);
    ctx.fillStyle = color(pc, 'af-text');
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x, y);
  }
  ctx.restore();
}
