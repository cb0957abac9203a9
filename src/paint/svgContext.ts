/**
 * The part of Canvas 2D that the painter uses (src/paint), recorded as SVG elements instead of
 * pixels, so the SVG export is drawn by the same code as the PNG: paths stay `<path d>` (paths
 * come from SvgPath), text stays `<text>` (selectable and searchable), a clip becomes a
 * `<clipPath>` around what is drawn under it, and a shadow a blurred copy (one `<filter>` per
 * blur). Text is measured by a real canvas context (an OffscreenCanvas's in the worker), which
 * also turns each colour into one every SVG viewer reads.
 */
import type { Shadow } from './context';
import { SvgPath } from './svgPath';

type Matrix = [number, number, number, number, number, number];

interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineDash: number[];
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  matrix: Matrix;
  /** The clip paths in force, outermost first. */
  clips: string[];
}

/** What measures text and reads colours: a canvas context. */
export type SvgMeasure = Pick<OffscreenCanvasRenderingContext2D, 'font' | 'textBaseline' | 'fillStyle' | 'measureText'>;

const n = (value: number): string => String(Math.round(value * 1000) / 1000);

/** For attribute values. */
const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
/** For text content, where quotes stand as they are. */
const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

const multiply = (m: Matrix, [a, b, c, d, e, f]: Matrix): Matrix => [
  m[0] * a + m[2] * b,
  m[1] * a + m[3] * b,
  m[0] * c + m[2] * d,
  m[1] * c + m[3] * d,
  m[0] * e + m[2] * f + m[4],
  m[1] * e + m[3] * f + m[5],
];

const ANCHORS: Partial<Record<CanvasTextAlign, string>> = { center: 'middle', right: 'end', end: 'end' };
const BASELINES: Partial<Record<CanvasTextBaseline, string>> = { middle: 'central', top: 'text-before-edge', hanging: 'hanging', bottom: 'text-after-edge', ideographic: 'ideographic' };

export class SvgContext {
  private state: State = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineDash: [],
    lineCap: 'butt',
    lineJoin: 'miter',
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    matrix: [1, 0, 0, 1, 0, 0],
    clips: [],
  };
  private stack: State[] = [];
  private current = new SvgPath();
  /** The body, and the definitions (clip paths, filters) it refers to. */
  private body: string[] = [];
  private defs: string[] = [];
  /** Clip groups now open in the body, outermost first. */
  private open: string[] = [];
  private nextId = 0;
  private blurs = new Map<number, string>();
  private colors = new Map<string, string>();

  // Set by the painter, read by nothing here: shadows reach the SVG through drawShadow.
  shadowColor = 'transparent';
  shadowBlur = 0;
  shadowOffsetX = 0;
  shadowOffsetY = 0;

  constructor(
    private readonly measure: SvgMeasure,
    readonly width: number,
    readonly height: number,
    /** Set once on the image and left off each text in it (a font stack is long; texts are many). */
    private readonly family = '',
  ) {}

  get fillStyle(): string { return this.state.fillStyle; }
  set fillStyle(value: string) { this.state.fillStyle = this.colorOf(value, this.state.fillStyle); }
  get strokeStyle(): string { return this.state.strokeStyle; }
  set strokeStyle(value: string) { this.state.strokeStyle = this.colorOf(value, this.state.strokeStyle); }
  get lineWidth(): number { return this.state.lineWidth; }
  set lineWidth(value: number) { if (value > 0 && Number.isFinite(value)) this.state.lineWidth = value; }
  get lineCap(): CanvasLineCap { return this.state.lineCap; }
  set lineCap(value: CanvasLineCap) { this.state.lineCap = value; }
  get lineJoin(): CanvasLineJoin { return this.state.lineJoin; }
  set lineJoin(value: CanvasLineJoin) { this.state.lineJoin = value; }
  get globalAlpha(): number { return this.state.globalAlpha; }
  set globalAlpha(value: number) { if (value >= 0 && value <= 1) this.state.globalAlpha = value; }
  get font(): string { return this.state.font; }
  set font(value: string) { this.state.font = value; }
  get textAlign(): CanvasTextAlign { return this.state.textAlign; }
  set textAlign(value: CanvasTextAlign) { this.state.textAlign = value; }
  get textBaseline(): CanvasTextBaseline { return this.state.textBaseline; }
  set textBaseline(value: CanvasTextBaseline) { this.state.textBaseline = value; }

  setLineDash(dash: number[]): void {
    this.state.lineDash = dash.length % 2 === 1 ? [...dash, ...dash] : [...dash];
  }

  save(): void {
    this.stack.push({ ...this.state, clips: [...this.state.clips] });
  }

  restore(): void {
    const state = this.stack.pop();
    if (state) this.state = state;
  }

  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.matrix = [a, b, c, d, e, f];
  }

  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.matrix = multiply(this.state.matrix, [a, b, c, d, e, f]);
  }

  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }

  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }

  rotate(angle: number): void {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }

  beginPath(): void {
    this.current = new SvgPath();
  }

  moveTo(x: number, y: number): void { this.current.moveTo(x, y); }
  lineTo(x: number, y: number): void { this.current.lineTo(x, y); }
  closePath(): void { this.current.closePath(); }
  rect(x: number, y: number, w: number, h: number): void { this.current.rect(x, y, w, h); }
  arc(x: number, y: number, r: number, start: number, end: number, counterclockwise?: boolean): void {
    this.current.arc(x, y, r, start, end, counterclockwise);
  }

  /** The image starts empty: nothing to clear. */
  clearRect(): void {}

  fillRect(x: number, y: number, w: number, h: number): void {
    const path = new SvgPath();
    path.rect(x, y, w, h);
    this.fill(path as unknown as Path2D);
  }

  fill(path?: Path2D): void {
    const { d } = (path as unknown as SvgPath | undefined) ?? this.current;
    if (!d || this.state.fillStyle === 'transparent') return;
    this.emit(`<path d="${d}"${this.paint('fill', this.state.fillStyle)}/>`);
  }

  stroke(path?: Path2D): void {
    const { d } = (path as unknown as SvgPath | undefined) ?? this.current;
    const { strokeStyle, lineWidth, lineDash, lineCap, lineJoin } = this.state;
    if (!d || strokeStyle === 'transparent') return;
    let attributes = ` fill="none"${this.paint('stroke', strokeStyle)} stroke-width="${n(lineWidth)}"`;
    if (lineDash.length > 0) attributes += ` stroke-dasharray="${lineDash.map(n).join(' ')}"`;
    if (lineCap !== 'butt') attributes += ` stroke-linecap="${lineCap}"`;
    if (lineJoin !== 'miter') attributes += ` stroke-linejoin="${lineJoin}"`;
    this.emit(`<path d="${d}"${attributes}/>`);
  }

  clip(path?: Path2D): void {
    const { d } = (path as unknown as SvgPath | undefined) ?? this.current;
    const id = `c${this.nextId++}`;
    this.defs.push(`<clipPath id="${id}"><path d="${d}"${this.transformOf()}/></clipPath>`);
    this.state.clips = [...this.state.clips, id];
  }

  /** A shadow as CSS casts it: the shape in the shadow's colour, moved down and blurred (Gaussian, σ half the blur). */
  drawShadow(path: Path2D, shadow: Shadow): void {
    const { d } = path as unknown as SvgPath;
    let filter = this.blurs.get(shadow.blur);
    if (!filter) {
      filter = `s${this.blurs.size}`;
      this.blurs.set(shadow.blur, filter);
      this.defs.push(
        `<filter id="${filter}" x="-50%" y="-100%" width="200%" height="300%"><feGaussianBlur stdDeviation="${n(shadow.blur / 2)}"/></filter>`,
      );
    }
    this.save();
    this.translate(0, shadow.y);
    this.emit(`<path d="${d}"${this.paint('fill', this.colorOf(shadow.color, 'transparent'))} filter="url(#${filter})"/>`);
    this.restore();
  }

  measureText(text: string): TextMetrics {
    this.measure.font = this.state.font;
    this.measure.textBaseline = this.state.textBaseline;
    return this.measure.measureText(text);
  }

  fillText(text: string, x: number, y: number): void {
    if (!text) return;
    const { font, textAlign, textBaseline, fillStyle } = this.state;
    let attributes = `${fontAttributes(font, this.family)}${this.paint('fill', fillStyle)}`;
    const anchor = ANCHORS[textAlign];
    if (anchor) attributes += ` text-anchor="${anchor}"`;
    const baseline = BASELINES[textBaseline];
    if (baseline) attributes += ` dominant-baseline="${baseline}"`;
    this.emit(`<text x="${n(x)}" y="${n(y)}"${attributes}>${escapeText(text)}</text>`);
  }

  /** The whole image as an SVG document. */
  serialize(background: string): string {
    this.openClips([]);
    const size = `width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}"`;
    const defs = this.defs.length > 0 ? `<defs>${this.defs.join('')}</defs>` : '';
    const style = background === 'transparent' ? '' : ` style="background:${escapeXml(background)}"`;
    const family = this.family ? ` font-family="${escapeXml(this.family)}"` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" ${size} xml:space="preserve"${family}${style}>${defs}${this.body.join('')}</svg>`;
  }

  /** A colour as the canvas reads it (an unreadable one leaves the old), in a form SVG viewers read. */
  private colorOf(value: string, previous: string): string {
    const key = `${previous}\n${value}`;
    let known = this.colors.get(key);
    if (known === undefined) {
      this.measure.fillStyle = previous === 'transparent' ? 'rgba(0, 0, 0, 0)' : previous;
      this.measure.fillStyle = value;
      const read = this.measure.fillStyle;
      known = typeof read === 'string' ? (read === 'rgba(0, 0, 0, 0)' ? 'transparent' : read) : previous;
      this.colors.set(key, known);
    }
    return known;
  }

  /** `fill`/`stroke` with its opacity apart (for viewers without rgba()), the alpha and the transform. */
  private paint(property: 'fill' | 'stroke', colour: string): string {
    let alpha = this.state.globalAlpha;
    let value = colour;
    const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(colour);
    if (rgba) {
      value = `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`;
      alpha *= Number(rgba[4]);
    }
    const opacity = alpha < 1 ? ` ${property}-opacity="${n(alpha)}"` : '';
    return ` ${property}="${value}"${opacity}${this.transformOf()}`;
  }

  private transformOf(): string {
    const [a, b, c, d, e, f] = this.state.matrix;
    if (a === 1 && b === 0 && c === 0 && d === 1) return e === 0 && f === 0 ? '' : ` transform="translate(${n(e)} ${n(f)})"`;
    return ` transform="matrix(${[a, b, c, d, e, f].map(n).join(' ')})"`;
  }

  /** Every element sits inside the clip groups of the state it was drawn in. */
  private emit(element: string): void {
    this.openClips(this.state.clips);
    this.body.push(element);
  }

  private openClips(clips: string[]): void {
    let same = 0;
    while (same < this.open.length && same < clips.length && this.open[same] === clips[same]) same++;
    for (let i = this.open.length; i > same; i--) this.body.push('</g>');
    for (const id of clips.slice(same)) this.body.push(`<g clip-path="url(#${id})">`);
    this.open = [...clips];
  }
}

/** A Canvas font string ("italic 600 13px Family, fallback") as SVG font attributes. */
function fontAttributes(font: string, inherited: string): string {
  const match = /^\s*((?:(?:italic|oblique|normal|bold|\d{3})\s+)*)([\d.]+)px\s+(.+)$/.exec(font);
  if (!match) return ` style="font:${escapeXml(font)}"`;
  const words = match[1]!.trim().split(/\s+/);
  const weight = words.find((w) => /^\d{3}$|^bold$/.test(w));
  const italic = words.some((w) => w === 'italic' || w === 'oblique');
  const family = match[3] === inherited ? '' : ` font-family="${escapeXml(match[3]!)}"`;
  return `${family} font-size="${match[2]}"${weight ? ` font-weight="${weight}"` : ''}${italic ? ' font-style="italic"' : ''}`;
}
