/** The results table: one markdown table per section, the same text on the console and in BENCHMARKS.md. */
import { ratioOf, verdict, type Figure } from './stats';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  date: string;
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
      if (value >= 100) return `${Math.round(value).toLocaleString('en-US')} ms`;
      return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
    case 'fps':
      return `${value.toFixed(1)} fps`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'chars':
    case 'count':
    case 'px':
    case 'px²':
      return `${Math.round(value).toLocaleString('en-US')}${unit === 'count' ? '' : ` ${unit}`}`;
    case 'yes/no':
      return value >= 1 ? 'yes' : 'no';
    default:
      return `${value} ${unit}`;
  }
}

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
}

export function renderTables(figures: readonly Figure[]): string {
  const sections = [...new Set(figures.map((f) => f.section))];
  const out: string[] = [];
  for (const section of sections) {
    const header = ['Measure', 'Archflow', 'Bare', 'Ratio', 'Target', 'Result'];
    const lines = figures
      .filter((f) => f.section === section)
      .map((f) => {
        const ratio = ratioOf(f);
        return [
          f.name,
          formatValue(f.value, f.unit),
          f.bare ? formatValue(f.bare.value, f.unit) : '—',
          ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
          f.target?.text ?? '',
          verdict(f),
        ];
      });
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    out.push(`### ${section}`, '', row(header, widths), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map((l) => row(l, widths)));
    const notes = figures.filter((f) => f.section === section && f.note);
    if (notes.length) {
      out.push('');
      for (const f of notes) out.push(`- ${f.name}: ${f.note}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function renderMachine(m: Machine): string {
  return `Ran ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}, Chromium ${m.chromium}.`;
}

export function summary(figures: readonly Figure[]): string {
  const judged = figures.filter((f) => f.target);
  const failed = judged.filter((f) => verdict(f) === 'FAIL');
  return `${judged.length - failed.length} of ${judged.length} targets met${failed.length ? `; FAIL: ${failed.map((f) => `${f.section} / ${f.name}`).join('; ')}` : ''}.`;
}
