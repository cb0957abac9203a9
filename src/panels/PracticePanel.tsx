/**
 * The "Practice" region: the problem, the countdown (role="timer"), the steps in the flow's
 * order with their guide, suggested and spent time and notes, hints on request and "Finish".
 * Time is computed from the session and the clock each second; only the user's actions write.
 * In a live room the clock and the step are shared; the candidate's panel shows no hints,
 * follow-ups or drill prompts, and the interviewer's adds InterviewerPanel (docs/sync-protocol.md).
 */
import { Lightbulb, Pause, Play } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { elapsedMs, formatClock, remainingMs, stepSpentMs } from '../model/practice/practiceClock';
import { practiceSteps, suggestedMinutes } from '../model/practice/practiceSteps';
import type { PracticeSession } from '../model/records/practiceSession';
import { lazyView } from './lazyView';
import { PracticeDrills } from './PracticeDrills';

const InterviewerPanel = lazyView(() => import('./InterviewerPanel'), 'InterviewerPanel');

/** The time now, once a second while `running` (and once when it changes). */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

function Countdown({ session, now }: { session: PracticeSession; now: number }) {
  const left = remainingMs(session, now);
  const paused = session.runningSince === undefined;
  const minutesLeft = Math.max(0, Math.ceil(left / 60_000));
  return (
    <div className={`practice-clock${left < 0 ? ' over' : left < 5 * 60_000 ? ' low' : ''}`}>
      <span role="timer" aria-label={`Time left${paused ? ' (paused)' : ''}`} aria-live="off" className="practice-time">
        {formatClock(left)}
      </span>
      {/* The timer itself is not live (it would speak every second); whole minutes are announced. */}
      <span className="visually-hidden" aria-live="polite">
        {left < 0 ? 'Time is up' : `${minutesLeft} minute${minutesLeft === 1 ? '' : 's'} left`}
      </span>
      <span className="practice-clock-note">{paused ? 'paused' : `of ${session.lengthMinutes} min`}</span>
    </div>
  );
}

export function PracticePanel() {
  const store = useEditorStore();
  const session = useEditor((s) => s.meta.practice);
  const currentId = useEditor((s) => s.currentId);
  const problem = useEditor((s) => s.practiceProblem);
  const running = session !== undefined && session.runningSince !== undefined;
  const now = useNow(running);
  const [hint, setHint] = useState<string | null>(null);
  const [showStatement, setShowStatement] = useState(true);
  const problemId = session?.problem;
  const finished = session?.finishedAt !== undefined;
  // Alone: the whole panel. In a room: the interviewer's or the candidate's (also without a role).
  const seat = useEditor((s) => (s.live.room === null ? 'alone' : s.live.role === 'interviewer' ? 'interviewer' : 'candidate'));

  useEffect(() => {
    if (problemId !== undefined) void store.getState().loadPracticeProblem();
  }, [store, problemId, currentId, finished]);

  if (!session || finished) return null;
  const steps = practiceSteps(session.flow);
  const step = steps.find((x) => x.id === session.step) ?? steps[0]!;
  const spent = stepSpentMs(session, step.id, now);
  const suggested = suggestedMinutes(step, session.lengthMinutes);
  const overStep = spent > suggested * 60_000;
  const notes = session.steps.find((x) => x.id === step.id)?.notes ?? '';
  const s = () => store.getState();
  const loaded = problem?.id === session.problem ? problem : null;
  const hintsLeft = loaded ? loaded.hints.length - session.hintsUsed : 0;

  return (
    <section className="practice panel" aria-label="Practice">
      <div className="practice-head">
        <h2 className="panel-heading">
          Practice · {session.problemTitle}
          {seat !== 'alone' && <span className="practice-seat"> · {seat === 'interviewer' ? 'you interview' : 'you are the candidate'}</span>}
        </h2>
        <Countdown session={session} now={now} />
        <div className="row">
          {running ? (
            <button type="button" className="secondary" onClick={() => s().pausePractice()}>
              <Pause size={14} aria-hidden="true" /> Pause
            </button>
          ) : (
            <button type="button" className="secondary" onClick={() => s().resumePractice()}>
              <Play size={14} aria-hidden="true" /> Resume
            </button>
          )}
          <button type="button" className="primary" onClick={() => s().finishPractice()} disabled={!loaded}>
            Finish
          </button>
        </div>
      </div>
      {loaded && (
        <details className="practice-statement" open={showStatement} onToggle={(e) => setShowStatement(e.currentTarget.open)}>
          <summary>The problem</summary>
          <p>{loaded.statement}</p>
        </details>
      )}
      <ol className="practice-steps" aria-label="Steps">
        {steps.map((x, i) => {
          const mins = Math.floor(stepSpentMs(session, x.id, now) / 60_000);
          return (
            <li key={x.id}>
              <button type="button" aria-current={x.id === step.id ? 'step' : undefined} onClick={() => s().switchPracticeStep(x.id)}>
                <span className="step-number" aria-hidden="true">{i + 1}</span>
                <span className="step-title">{x.title}</span>
                <span className="step-time">{mins > 0 ? `${mins} min` : ''}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="practice-step">
        <h3>{step.title}</h3>
        <p className="practice-guide">{step.guide}</p>
        <p className={`practice-step-time${overStep ? ' over' : ''}`} aria-live="polite">
          {formatClock(spent)} spent · about {suggested} min suggested{overStep ? ' — time to move on' : ''}
        </p>
        {step.id === 'deep-dive' && loaded && seat === 'alone' && (
          <div className="practice-drills">
            <PracticeDrills problem={loaded} session={session} now={now} prompts />
            <h4>Follow-up questions</h4>
            <ul>
              {loaded.followUps.map((q) => <li key={q}>{q}</li>)}
            </ul>
          </div>
        )}
        {seat === 'candidate' && (
          <div className="practice-drills">
            <PracticeDrills problem={loaded} session={session} now={now} prompts={false} />
          </div>
        )}
        <label className="field">
          <span>Notes for {step.title}</span>
          <textarea rows={4} value={notes} onChange={(e) => s().setPracticeNotes(step.id, e.currentTarget.value)} />
        </label>
      </div>
      <div className="practice-hints">
        {seat === 'alone' && (
          <button type="button" className="secondary" disabled={!loaded || hintsLeft <= 0} onClick={() => setHint(s().takeHint())}>
            <Lightbulb size={14} aria-hidden="true" /> Show a hint ({hintsLeft} left)
          </button>
        )}
        {hint && seat === 'alone' && <p className="practice-hint" role="status">{hint}</p>}
        <p className="practice-meta">{session.hintsUsed} hint{session.hintsUsed === 1 ? '' : 's'} {seat === 'alone' ? 'used' : 'given'} · {formatClock(elapsedMs(session, now))} elapsed</p>
      </div>
      {seat === 'interviewer' && loaded && <InterviewerPanel problem={loaded} session={session} now={now} />}
    </section>
  );
}
