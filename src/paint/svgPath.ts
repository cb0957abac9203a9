/**
 * A Path2D that keeps its SVG path data instead of drawing: the SVG painter (svgContext.ts) puts
 * it in a `<path d>`. Only what the painter calls is here: path data, moveTo/lineTo/closePath,
 * arc, rect, roundRect and addPath (without a transform).
 */

type Radius = number | DOMPointInit;

const n = (value: number): string => String(Math.round(value * 1000) / 1000);

export class SvgPath {
  d: string;

  constructor(data?: string) {
    this.d = data ?? '';
  }

  /** Whether a subpath is open, so arc() joins it with a line as the canvas does. */
  private started = false;

  private push(part: string): void {
    this.d = this.d ? `${this.d} ${part}` : part;
  }

  addPath(other: Path2D): void {
    const { d } = other as unknown as SvgPath;
    // A path's first `m` is absolute; appended, it would be relative to where the last one ended.
    if (d) this.push(/^\s*m/.test(d) ? `M0 0${d}` : d);
  }

  moveTo(x: number, y: number): void {
    this.push(`M${n(x)} ${n(y)}`);
    this.started = true;
  }

  lineTo(x: number, y: number): void {
    this.push(`${this.started ? 'L' : 'M'}${n(x)} ${n(y)}`);
    this.started = true;
  }

  closePath(): void {
    this.push('Z');
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.push(`M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`);
    this.started = true;
  }

  arc(x: number, y: number, r: number, start: number, end: number, counterclockwise = false): void {
    const at = (a: number) => `${n(x + r * Math.cos(a))} ${n(y + r * Math.sin(a))}`;
    this.push(`${this.started ? 'L' : 'M'}${at(start)}`);
    this.started = true;
    let sweep = counterclockwise ? start - end : end - start;
    if (sweep >= 2 * Math.PI) {
      // A whole circle: two half arcs (one arc command cannot end where it starts).
      const mid = start + (counterclockwise ? -Math.PI : Math.PI);
      const flag = counterclockwise ? 0 : 1;
      this.push(`A${n(r)} ${n(r)} 0 0 ${flag} ${at(mid)}A${n(r)} ${n(r)} 0 0 ${flag} ${at(start)}`);
      return;
    }
    sweep = ((sweep % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    this.push(`A${n(r)} ${n(r)} 0 ${sweep > Math.PI ? 1 : 0} ${counterclockwise ? 0 : 1} ${at(end)}`);
  }

  /** As the canvas's roundRect: one to four radii (top-left, top-right, bottom-right, bottom-left), scaled down together when they do not fit. */
  roundRect(x: number, y: number, w: number, h: number, radii: Radius | Radius[] = 0): void {
    const list = Array.isArray(radii) ? radii : [radii];
    const xy = (r: Radius | undefined) => (typeof r === 'number' ? { x: r, y: r } : { x: r?.x ?? 0, y: r?.y ?? 0 });
    const [a, b = a, c = a, d = b] = list.map(xy);
    const [tl, tr, br, bl] = list.length === 3 ? [a!, b!, c!, b!] : list.length === 2 ? [a!, b!, a!, b!] : [a!, b!, c!, d!];
    const fit = Math.min(1, w / (tl.x + tr.x) || 1, w / (bl.x + br.x) || 1, h / (tl.y + bl.y) || 1, h / (tr.y + br.y) || 1);
    const [p, q, s, t] = [tl, tr, br, bl].map((r) => ({ x: r.x * fit, y: r.y * fit }));
    const corner = (r: { x: number; y: number }, ex: number, ey: number) => (r.x > 0 && r.y > 0 ? `A${n(r.x)} ${n(r.y)} 0 0 1 ${n(ex)} ${n(ey)}` : `L${n(ex)} ${n(ey)}`);
    this.push(
      `M${n(x + p!.x)} ${n(y)}H${n(x + w - q!.x)}${corner(q!, x + w, y + q!.y)}V${n(y + h - s!.y)}${corner(s!, x + w - s!.x, y + h)}` +
        `H${n(x + t!.x)}${corner(t!, x, y + h - t!.y)}V${n(y + p!.y)}${corner(p!, x + p!.x, y)}Z`,
    );
    this.started = true;
  }
}
