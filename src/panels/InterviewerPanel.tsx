/**
 * The interviewer's part of a shared practice session: the problem's hints (giving one counts it
 * in the shared session; its text stays here, to be said aloud), the follow-up questions, the
 * failure drills with their prompts, a sketch of the reference design and private notes. All of
 * it comes from the problem this browser loaded by id, and the notes stay on this device: none
 * of it is written to the room the candidate receives. Loaded on demand (lazyView).
 */
import { Lightbulb, Lock } from 'lucide-react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import type { Problem } from '../model/practice/problemRecord';
import type { PracticeSession } from '../model/records/practiceSession';
import { PracticeDrills } from './PracticeDrills';
import { ReferenceSketch } from './ReferenceSketch';

export function InterviewerPanel({ problem, session, now }: { problem: Problem; session: PracticeSession; now: number }) {
  const store = useEditorStore();
  const notes = useEditor((s) => s.live.privateNotes);
  const given = session.hintsUsed;
  const s = () => store.getState();
  return (
    <section className="interviewer" aria-label="Interviewer">
      <h3 className="interviewer-heading">
        <Lock size={14} aria-hidden="true" /> For the interviewer
      </h3>
      <p className="practice-meta">Only on your screen: none of this is sent to the room.</p>

      <section aria-label="Hints">
        <h4>
          Hints <span className="practice-meta">{given} of {problem.hints.length} given</span>
        </h4>
        <ol className="interviewer-hints">
          {problem.hints.map((hint, i) => (
            <li key={hint} className={i < given ? 'is-given' : ''}>
              {hint}
            </li>
          ))}
        </ol>
        <button type="button" className="secondary" disabled={given >= problem.hints.length} onClick={() => s().takeHint()}>
          <Lightbulb size={14} aria-hidden="true" /> {given >= problem.hints.length ? 'Every hint given' : `Give hint ${given + 1}`}
        </button>
      </section>

      <section aria-label="Follow-up questions">
        <h4>Follow-up questions</h4>
        <ul>
          {problem.followUps.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </section>

      <div className="practice-drills">
        <PracticeDrills problem={problem} session={session} now={now} prompts />
      </div>

      <details className="interviewer-reference">
        <summary>Reference design</summary>
        <ReferenceSketch diagram={problem.reference} title={`Reference design for ${problem.title}`} />
      </details>

      <label className="field">
        <span>Your notes (kept on this device)</span>
        <textarea rows={4} value={notes} onChange={(e) => s().setPrivateNotes(e.currentTarget.value)} />
      </label>
    </section>
  );
}
