/**
 * The practice clock as pure functions of a session and the time now: nothing ticks in the
 * document. Time is added to the current step and the total when the clock stops or the step
 * changes, so a session saved at any moment and reopened later reads the same.
 */
import type { Flow } from '../diagram';
import type { PracticeSession, PracticeStepId } from '../records/practiceSession';
import { practiceSteps } from './practiceSteps';

export function newSession(problem: { id: string; title: string }, flow: Flow, lengthMinutes: number, now: number): PracticeSession {
  const steps = practiceSteps(flow);
  return {
    problem: problem.id,
    problemTitle: problem.title,
    flow,
    lengthMinutes,
    step: steps[0]!.id,
    elapsedMs: 0,
    runningSince: now,
    steps: steps.map((s) => ({ id: s.id, spentMs: 0 })),
    hintsUsed: 0,
  };
}

/** Time running since the clock last started (never negative: a clock set back counts nothing). */
const running = (s: PracticeSession, now: number) => (s.runningSince === undefined ? 0 : Math.max(0, now - s.runningSince));

export function elapsedMs(s: PracticeSession, now: number): number {
  return s.elapsedMs + running(s, now);
}

export function remainingMs(s: PracticeSession, now: number): number {
  return s.lengthMinutes * 60_000 - elapsedMs(s, now);
}

export function stepSpentMs(s: PracticeSession, step: PracticeStepId, now: number): number {
  const spent = s.steps.find((x) => x.id === step)?.spentMs ?? 0;
  return spent + (step === s.step ? running(s, now) : 0);
}

/** The session with the running time banked (total and current step) and the clock restarted at `now` if it ran. */
function bank(s: PracticeSession, now: number): PracticeSession {
  if (s.runningSince === undefined) return s;
  const add = running(s, now);
  return {
    ...s,
    elapsedMs: s.elapsedMs + add,
    runningSince: now,
    steps: s.steps.map((x) => (x.id === s.step ? { ...x, spentMs: x.spentMs + add } : x)),
  };
}

export function pauseSession(s: PracticeSession, now: number): PracticeSession {
  const { runningSince: _, ...paused } = bank(s, now);
  return paused;
}

export function resumeSession(s: PracticeSession, now: number): PracticeSession {
  return s.runningSince !== undefined || s.finishedAt !== undefined ? s : { ...s, runningSince: now };
}

export function switchStep(s: PracticeSession, step: PracticeStepId, now: number): PracticeSession {
  return s.step === step ? s : { ...bank(s, now), step };
}

export function setStepNotes(s: PracticeSession, step: PracticeStepId, notes: string): PracticeSession {
  return { ...s, steps: s.steps.map((x) => (x.id === step ? (notes === '' ? { id: x.id, spentMs: x.spentMs } : { ...x, notes }) : x)) };
}

export function finishSession(s: PracticeSession, now: number): PracticeSession {
  return { ...pauseSession(s, now), finishedAt: now };
}

/** "12:05", "-1:30" past the end. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${sign}${m}:${String(sec).padStart(2, '0')}`;
}
