/**
 * The "Review" region after "Finish": the overall score, a score per part, every point with its
 * reason and a "Show" button that selects what it concerns, the rubric on request, the reference
 * design, the Markdown export and the past attempts at this problem.
 */
import { Check, Crosshair, FileText, X } from 'lucide-react';
import { useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { PART_WEIGHTS } from '../model/practice/review/reviewTypes';

const percent = (score: number) => `${Math.round(score * 100)}%`;

const RUBRIC: readonly [string, string][] = [
  ['Requirements', 'Each must (2 points) and should (1 point) requirement of the problem that one of yours covers: linked to it, or mentioning one of its keywords.'],
  ['Estimation', 'Average and peak requests/s, writes/s and storage from your scale figures, each within 2× of the reference.'],
  ['APIs', 'The reference endpoints you have, by method and path; version prefixes, query strings and parameter names do not count.'],
  ['Data', 'The reference entities you have (half), keyed by the same field (half).'],
  ['Architecture', 'A valid flow (1), a request path for each must requirement (1), the reference\u2019s component purposes (2), no single point of failure (1).'],
  ['Scale', 'With your figures: nothing overloaded at the peak (2) and at 2× (1), the slowest path within the p99 target (1).'],
  ['Failure drills', 'A drill you ran passes when every client was served after your fix (what you changed and the time are shown); one not run fails your matching component on the final design.'],
];

export function ReviewPanel() {
  const store = useEditorStore();
  const review = useEditor((s) => s.practiceReview);
  const session = useEditor((s) => s.meta.practice);
  const attempts = useEditor((s) => s.practiceAttempts);
  const [rubric, setRubric] = useState(false);
  if (!review || !session || session.finishedAt === undefined || review.problemId !== session.problem) return null;
  const s = () => store.getState();
  const past = attempts.filter((a) => a.problem === review.problemId);
  return (
    <section className="review panel" aria-label="Review">
      <div className="review-head">
        <h2 className="panel-heading">Review · {review.problemTitle}</h2>
        <p className="review-overall">
          <strong>{review.overall}</strong>
          <span> / 100</span>
        </p>
        {review.hintsUsed > 0 && <p className="practice-meta">{review.hintsUsed} hint{review.hintsUsed === 1 ? '' : 's'} used</p>}
        <div className="row wrap">
          <button type="button" className="primary" onClick={() => void s().openReference()}>Open the reference design</button>
          <button type="button" className="secondary" onClick={() => void s().exportReview()}>
            <FileText size={14} aria-hidden="true" /> Export review
          </button>
          <button type="button" className="secondary" aria-expanded={rubric} onClick={() => setRubric(!rubric)}>Rubric</button>
        </div>
      </div>
      {rubric && (
        <dl className="review-rubric">
          {RUBRIC.map(([name, text]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      )}
      <ul className="review-scores" aria-label="Scores">
        {review.parts.map((p) => (
          <li key={p.id}>
            <a href={`#review-${p.id}`}>{p.title}</a>
            <meter min={0} max={1} value={p.score} aria-label={`${p.title} score`} />
            <span>{percent(p.score)}</span>
            <span className="review-weight" title="Weight in the overall score">×{PART_WEIGHTS[p.id]}</span>
          </li>
        ))}
      </ul>
      {review.parts.map((p) => (
        <section key={p.id} id={`review-${p.id}`} className="review-part" aria-label={`${p.title}: ${percent(p.score)}`}>
          <h3>
            {p.title} <span>{percent(p.score)}</span>
          </h3>
          <ul>
            {p.points.map((pt, i) => (
              <li key={i} className={pt.ok ? 'ok' : 'missing'}>
                {pt.ok ? <Check size={14} aria-label="Good" /> : <X size={14} aria-label="To do" />}
                <div>
                  <p>{pt.text}</p>
                  {pt.detail && <p className="review-detail">{pt.detail}</p>}
                </div>
                {pt.targets.length > 0 && (
                  <button type="button" className="icon-button" aria-label={`Show: ${pt.text}`} title="Show in the diagram" onClick={() => s().showReviewTarget(pt.targets)}>
                    <Crosshair size={14} aria-hidden="true" />
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {past.length > 0 && (
        <section className="review-part" aria-label="Past attempts">
          <h3>Past attempts</h3>
          <ol className="review-attempts">
            {past.map((a) => (
              <li key={a.finishedAt}>
                <span>{new Date(a.finishedAt).toLocaleString()}</span>
                <strong>{a.overall}</strong>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
