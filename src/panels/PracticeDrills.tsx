/**
 * The failure drills one at a time: the one running, the next to start, and those done. In a
 * practice room the candidate's panel shows only the running drill's marks and its "Done", never
 * the drills' prompts (the interviewer's panel has them, and starts the drills).
 */
import { Check, Siren } from 'lucide-react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { elapsedMs, formatClock } from '../model/practice/practiceClock';
import { activeDrill, describeChanges, nextDrill } from '../model/practice/drillRun';
import type { Problem } from '../model/practice/problemRecord';
import type { PracticeSession } from '../model/records/practiceSession';

export function PracticeDrills({ problem, session, now, prompts }: { problem: Problem | null; session: PracticeSession; now: number; prompts: boolean }) {
  const store = useEditorStore();
  const labels = useEditor((s) => s.doc.nodes.byId);
  const running = activeDrill(session);
  const shown = prompts ? problem : null;
  const next = shown && nextDrill(shown, session);
  const done = (session.drills ?? []).filter((d) => d.spentMs !== undefined);
  const prompt = (id: string) => shown?.drills.find((d) => d.id === id)?.prompt ?? null;
  const names = (ids: readonly string[]) => ids.map((id) => labels.get(id)?.label || id).join(', ');
  if (!prompts && !running) return null;
  return (
    <section aria-label="Failure drills">
      <h4>
        Failure drills{shown && <span className="practice-meta"> {done.length} of {shown.drills.length} done</span>}
      </h4>
      {shown && done.length > 0 && (
        <ol className="drill-done">
          {done.map((d) => (
            <li key={d.drill} className={d.served && d.down.length > 0 ? 'ok' : 'missing'}>
              <p>{prompt(d.drill) ?? d.drill}</p>
              <p className="practice-meta">
                {d.down.length === 0 ? 'Nothing to fail in the design' : d.served ? 'Every client served after the fix' : 'Some client still cut off'} · {formatClock(d.spentMs ?? 0)} · {d.changes ? describeChanges(d.changes) : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      {running && (
        <div className="drill-running" role="group" aria-label="Drill in progress">
          <p className="drill-prompt">{prompt(running.drill) ?? 'A failure drill is running.'}</p>
          <p className="practice-meta">
            {running.down.length > 0
              ? `Marked down in the capacity analysis: ${names(running.down)}. Change the design so every client is served, then say Done.`
              : 'The design has nothing this drill can fail. Add what it needs, or say Done to move on.'}
          </p>
          <p className="practice-meta" aria-live="off">{formatClock(Math.max(0, elapsedMs(session, now) - running.startElapsedMs))} on this drill</p>
          <button type="button" className="primary" onClick={() => store.getState().finishDrill()}>
            <Check size={14} aria-hidden="true" /> Done
          </button>
        </div>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => store.getState().startDrill()}>
          <Siren size={14} aria-hidden="true" /> {done.length === 0 ? 'Start the first drill' : 'Start the next drill'}
        </button>
      )}
      {shown && !running && !next && <p className="practice-meta">All drills done.</p>}
    </section>
  );
}
