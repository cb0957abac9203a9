/**
 * A review as Markdown: what "Export review" saves and what `archflow review` prints. Every point
 * with its mark, its explanation and the components it concerns.
 */
import type { Review } from './reviewTypes';

const percent = (score: number) => `${Math.round(score * 100)}%`;
/** Markdown that a label could break (a `*` or `_` in a component name) is escaped. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');

export interface MarkdownOptions {
  /** Names of components by id, for the "concerns" line. */
  labels?: ReadonlyMap<string, string>;
  /** e.g. "45 min session, 3 hints, finished 2026-12-02 12:40 UTC". */
  subtitle?: string;
  /** A relative file name for the diagram picture, when one is exported alongside. */
  image?: string;
}

export function formatReviewMarkdown(review: Review, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# Review: ${escape(review.problemTitle)}`, '');
  if (options.subtitle) out.push(`_${escape(options.subtitle)}_`, '');
  out.push(`**Overall: ${review.overall} / 100**${review.hintsUsed > 0 ? ` · ${review.hintsUsed} hint${review.hintsUsed === 1 ? '' : 's'} used` : ''}`, '');
  out.push('| Part | Score | Weight |', '|---|---:|---:|');
  for (const part of review.parts) out.push(`| ${part.title} | ${percent(part.score)} | ${part.weight} |`);
  out.push('');
  if (options.image) out.push(`![The design](${options.image})`, '');
  for (const part of review.parts) {
    out.push(`## ${part.title} — ${percent(part.score)}`, '');
    if (part.points.length === 0) out.push('- Nothing to check.');
    for (const p of part.points) {
      const names = p.targets
        .filter((t) => t.table === 'nodes')
        .map((t) => options.labels?.get(t.id) ?? t.id);
      out.push(`- ${p.ok ? '✅' : '❌'} ${escape(p.text)}${p.detail ? ` — ${escape(p.detail)}` : ''}${names.length > 0 && !p.text.includes(names[0]!) ? ` _(${escape(names.join(', '))})_` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}
